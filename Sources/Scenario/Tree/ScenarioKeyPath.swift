/// The address of a value in a scenario: `site.stations[name=North].servers`, `a.list[2]`.
///
/// Lists of named sections are addressed by name (`[name=…]`); a position (`[2]`, from 0)
/// is allowed but names are preferred, since they survive reordering and `extends`.
public struct ScenarioKeyPath: Sendable, Hashable, CustomStringConvertible {
  /// One step of a path.
  public enum Component: Sendable, Hashable {
    /// A mapping key.
    case key(String)
    /// The element of a named list whose `name` is this.
    case named(String)
    /// The element at this position of a list (from 0).
    case index(Int)
  }

  /// The steps, from the root.
  public var components: [Component]

  /// Creates a path from its steps; `[]` is the root.
  public init(_ components: [Component] = []) {
    self.components = components
  }

  /// The root (the whole file).
  public static let root = ScenarioKeyPath()

  /// Parses `a.b[name=X].c[2]`.
  ///
  /// - Throws: `ScenarioError` naming the position of a malformed step.
  public init(parsing text: String) throws(ScenarioError) {
    var components: [Component] = []
    let chars = Array(text)
    var i = 0
    func fail(_ why: String) -> ScenarioError {
      ScenarioError(
        location: nil, keyPath: text,
        message: "malformed key path (\(why) at character \(i + 1)); write it like site.stations[name=North].servers")
    }
    var expectKey = true
    while i < chars.count {
      if chars[i] == "[" {
        guard let close = chars[i...].firstIndex(of: "]") else { throw fail("missing ']'") }
        let inside = String(chars[(i + 1)..<close])
        if inside.hasPrefix("name=") {
          let name = String(inside.dropFirst(5))
          guard !name.isEmpty else { throw fail("empty name") }
          components.append(.named(name))
        } else if let index = Int(inside), index >= 0 {
          components.append(.index(index))
        } else {
          throw fail("expected [name=…] or [number]")
        }
        i = close + 1
        expectKey = false
        continue
      }
      if chars[i] == "." {
        guard !components.isEmpty, !expectKey else { throw fail("unexpected '.'") }
        expectKey = true
        i += 1
        continue
      }
      guard expectKey else { throw fail("expected '.' or '['") }
      var key = ""
      while i < chars.count, chars[i] != ".", chars[i] != "[" {
        key.append(chars[i])
        i += 1
      }
      components.append(.key(key))
      expectKey = false
    }
    if expectKey && !components.isEmpty { throw fail("path ends with '.'") }
    if components.isEmpty { throw fail("empty path") }
    self.components = components
  }

  /// This path with one more step.
  public func appending(_ component: Component) -> ScenarioKeyPath {
    ScenarioKeyPath(components + [component])
  }

  /// This path with a key appended.
  public func appending(key: String) -> ScenarioKeyPath { appending(.key(key)) }

  /// The path without its last step.
  public var parent: ScenarioKeyPath { ScenarioKeyPath(Array(components.dropLast())) }

  /// `a.b[name=X].c[2]`; the root is the empty string.
  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key): text += text.isEmpty ? key : ".\(key)"
      case .named(let name): text += "[name=\(name)]"
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }
}
