import Collections
import SimKernel

/// One node of a scenario tree: a mapping, a sequence or a scalar, with where it came from.
///
/// Immutable; `extends`, overrides and canonicalisation build new trees.
public struct ScenarioNode: Sendable, Equatable {
  /// What the node holds.
  public enum Content: Sendable, Equatable {
    /// A scalar as text, before any units or types are applied.
    case scalar(ScenarioScalar)
    /// A sequence of nodes, in file order.
    case sequence([ScenarioNode])
    /// A mapping with string keys, in file order; each entry keeps its key's location.
    case mapping(OrderedDictionary<String, ScenarioMappingEntry>)
  }

  /// The node's value.
  public let content: Content
  /// Where the node starts in its file.
  public let location: SourceLocation

  /// Creates a node.
  public init(_ content: Content, at location: SourceLocation) {
    self.content = content
    self.location = location
  }

  /// A scalar node.
  public static func scalar(_ text: String, quoted: Bool = false, at location: SourceLocation)
    -> ScenarioNode
  {
    ScenarioNode(.scalar(ScenarioScalar(text: text, isQuoted: quoted)), at: location)
  }

  /// The scalar, if this is one.
  public var scalar: ScenarioScalar? {
    if case .scalar(let value) = content { return value }
    return nil
  }

  /// The elements, if this is a sequence.
  public var sequence: [ScenarioNode]? {
    if case .sequence(let value) = content { return value }
    return nil
  }

  /// The entries, if this is a mapping.
  public var mapping: OrderedDictionary<String, ScenarioMappingEntry>? {
    if case .mapping(let value) = content { return value }
    return nil
  }

  /// The value under `key`, if this is a mapping that has it.
  public subscript(key: String) -> ScenarioNode? {
    mapping?[key]?.value
  }

  /// True for a null scalar (`~`, `null`, or nothing after the colon).
  public var isNull: Bool { scalar?.isNull ?? false }

  /// A short word for the node's shape, for error messages: `a mapping`, `a list`, `'text'`.
  var shapeDescription: String {
    switch content {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let s): return s.isNull ? "nothing (null)" : DisplayText.quoted(s.text)
    }
  }
}

/// A scalar's text and whether it was quoted in the file.
public struct ScenarioScalar: Sendable, Hashable {
  /// The text after YAML unescaping.
  public let text: String
  /// True if the file wrote it quoted or as a block scalar (`"…"`, `'…'`, `|`, `>`).
  public let isQuoted: Bool

  /// Creates a scalar.
  public init(text: String, isQuoted: Bool) {
    self.text = text
    self.isQuoted = isQuoted
  }

  /// True for an unquoted `~`, `null`, `Null`, `NULL` or empty scalar.
  public var isNull: Bool {
    !isQuoted && ["", "~", "null", "Null", "NULL"].contains(text)
  }
}

/// One key of a mapping: where the key was written, and its value.
public struct ScenarioMappingEntry: Sendable, Equatable {
  /// Where the key itself was written (for "unknown key" errors).
  public let keyLocation: SourceLocation
  /// The value.
  public let value: ScenarioNode

  /// Creates an entry.
  public init(keyLocation: SourceLocation, value: ScenarioNode) {
    self.keyLocation = keyLocation
    self.value = value
  }
}
