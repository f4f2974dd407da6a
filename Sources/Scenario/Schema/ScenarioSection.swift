import SimKernel

/// Typed, located access to one section of a validated scenario, with the schema's defaults.
///
/// ```swift
/// let site = try ScenarioSection(root: scenario.root, schema: topSchema).section("site")
/// for station in try site.namedList("stations") {
///   let servers = try station.count("servers")
///   let interarrival = try station.distribution("interarrival")   // in hours
/// }
/// ```
/// Every getter throws `ScenarioError` with the file location and key path if the value is
/// missing, of the wrong kind or out of bounds, and also if the key is not declared in the
/// schema or is declared as another kind (a programming error, reported rather than crashing).
public struct ScenarioSection: Sendable {
  /// The section's mapping node, or `nil` if the file leaves the section out (all defaults).
  public let node: ScenarioNode?
  /// The fields this section may hold.
  public let schema: Schema
  /// Where the section sits, e.g. `site.stations[name=North]`.
  public let path: ScenarioKeyPath
  /// The section's location, or its parent's if it is absent.
  public let location: SourceLocation

  /// A reader over the whole file (the root mapping).
  public init(root: ScenarioNode, schema: Schema) {
    self.init(node: root, schema: schema, path: .root, location: root.location)
  }

  /// A reader over any mapping node at a known path.
  public init(node: ScenarioNode?, schema: Schema, path: ScenarioKeyPath, location: SourceLocation) {
    self.node = node.flatMap { $0.isNull ? nil : $0 }
    self.schema = schema
    self.path = path
    self.location = node?.location ?? location
  }

  /// The `name` of this entry of a named list (nil for other sections).
  public var name: String? { node?["name"]?.scalar?.text }

  /// The key path of `key` in this section, as text (for messages).
  public func keyPath(_ key: String) -> String { path.appending(key: key).description }

  /// True if the file writes `key` in this section (a default does not count).
  public func isSet(_ key: String) -> Bool {
    guard let value = node?[key] else { return false }
    return !value.isNull
  }

  /// A located error about `key` (or the section itself if `nil`), for checks a model
  /// makes across keys, e.g. "must be ≤ servers".
  public func error(_ key: String? = nil, _ message: String, suggestion: String? = nil) -> ScenarioError {
    let location = key.flatMap { node?[$0]?.location } ?? location
    let keyPath = key.map(keyPath) ?? path.description
    return ScenarioError(location: location, keyPath: keyPath, message: message, suggestion: suggestion)
  }

  /// Reads an optional key: `nil` if absent (and without default), else `read(key)`.
  ///
  /// `let cap = try section.optional("max_queue", section.count)`
  public func optional<T>(_ key: String, _ read: (String) throws(ScenarioError) -> T)
    throws(ScenarioError) -> T?
  {
    if !isSet(key), case .optional = try field(key).defaultValue { return nil }
    return try read(key)
  }

  // MARK: - Scalars

  /// A whole number.
  public func count(_ key: String) throws(ScenarioError) -> Int {
    guard case .count(let v) = try scalar(key, expecting: "a count") else { throw mismatch(key, "count") }
    return v
  }

  /// A duration, in hours (the kernel's time unit).
  public func duration(_ key: String) throws(ScenarioError) -> SimTime {
    try number(key, unit: .duration)
  }

  /// A rate, per hour.
  public func rate(_ key: String) throws(ScenarioError) -> Double {
    try number(key, unit: .rate)
  }

  /// A fraction or probability in [0, 1] (`15%` reads as 0.15).
  public func fraction(_ key: String) throws(ScenarioError) -> Double {
    try number(key, unit: .fraction)
  }

  /// A number of whatever unit kind the schema declares, in its internal unit.
  public func number(_ key: String) throws(ScenarioError) -> Double {
    guard case .number(let v) = try scalar(key, expecting: "a number") else { throw mismatch(key, "number") }
    return v
  }

  /// `true` or `false`.
  public func bool(_ key: String) throws(ScenarioError) -> Bool {
    guard case .bool(let v) = try scalar(key, expecting: "a bool") else { throw mismatch(key, "bool") }
    return v
  }

  /// Text, or one of a `choice` field's words.
  public func string(_ key: String) throws(ScenarioError) -> String {
    guard case .string(let v) = try scalar(key, expecting: "a string") else { throw mismatch(key, "string") }
    return v
  }

  /// A distribution (arguments converted to internal units; a plain value gives `.constant`).
  public func distribution(_ key: String) throws(ScenarioError) -> Distribution {
    guard case .distribution(let v) = try scalar(key, expecting: "a distribution") else {
      throw mismatch(key, "distribution")
    }
    return v
  }

  // MARK: - Lists and sections

  /// A nested section (present or not: defaults apply either way).
  public func section(_ key: String) throws(ScenarioError) -> ScenarioSection {
    let field = try field(key)
    guard case .section(let schema) = field.kind else { throw mismatch(key, "section") }
    let child = node?[key]
    if let child, !child.isNull, child.mapping == nil {
      throw error(key, "expected a mapping of keys, found \(child.shapeDescription)")
    }
    return ScenarioSection(node: child, schema: schema, path: path.appending(key: key), location: location)
  }

  /// The entries of a named list, in file order; each is addressed as `key[name=…]`.
  public func namedList(_ key: String) throws(ScenarioError) -> [ScenarioSection] {
    let field = try field(key)
    guard case .namedList(let schema) = field.kind else { throw mismatch(key, "named list") }
    guard let list = node?[key], !list.isNull else { return [] }
    var errors: [ScenarioError] = []
    Schema._checkNamedList(list, schema: Schema([]), at: path.appending(key: key), into: &errors)
    if let first = errors.first(where: { !$0.message.hasPrefix("unknown key") }) { throw first }
    return (list.sequence ?? []).map { item in
      let name = item["name"]?.scalar?.text ?? ""
      return ScenarioSection(
        node: item, schema: schema, path: path.appending(key: key).appending(.named(name)),
        location: item.location)
    }
  }

  /// A list of numbers (`.list(of: .number(unit))` or `.list(of: .count)`), in internal units.
  public func numbers(_ key: String) throws(ScenarioError) -> [Double] {
    try listValues(key).map { value throws(ScenarioError) -> Double in
      switch value {
      case .number(let v): return v
      case .count(let v): return Double(v)
      default: throw mismatch(key, "list of numbers")
      }
    }
  }

  /// A list of texts (`.list(of: .string)` or `.list(of: .choice(...))`).
  public func strings(_ key: String) throws(ScenarioError) -> [String] {
    try listValues(key).map { value throws(ScenarioError) -> String in
      guard case .string(let v) = value else { throw mismatch(key, "list of strings") }
      return v
    }
  }

  // MARK: - Internals

  private func field(_ key: String) throws(ScenarioError) -> Field {
    guard let field = schema.field(key) else {
      throw ScenarioError(
        location: location, keyPath: keyPath(key),
        message: "internal: key '\(key)' is not declared in the schema of \(path.description.isEmpty ? "the top level" : path.description)",
        suggestion: ScenarioSuggest.nearest(to: key, among: schema.fields.map(\.name)))
    }
    return field
  }

  private func mismatch(_ key: String, _ asked: String) -> ScenarioError {
    let declared = schema.field(key).map { $0.kind.label } ?? "undeclared"
    return ScenarioError(
      location: location, keyPath: keyPath(key),
      message: "internal: read as \(asked) but declared as \(declared)")
  }

  private func valueNode(_ key: String, _ field: Field) throws(ScenarioError) -> ScenarioNode? {
    if let value = node?[key] { return value }
    switch field.defaultValue {
    case .required:
      throw ScenarioError(
        location: location, keyPath: keyPath(key),
        message: "missing required key '\(key)' (\(_FieldReading.noun(field.kind)): \(field.doc))")
    case .optional:
      return nil
    case .value(let text):
      let file = "<default of \(keyPath(key))>"
      return (try? ScenarioNode.parse(yaml: "v: \(text)", file: file))?["v"]
        ?? .scalar(text, quoted: true, at: SourceLocation(file: file, line: 1, column: 1))
    }
  }

  private func scalar(_ key: String, expecting: String) throws(ScenarioError) -> _FieldValue {
    let field = try field(key)
    guard let value = try valueNode(key, field) else {
      throw ScenarioError(
        location: location, keyPath: keyPath(key),
        message: "'\(key)' is optional and not set; read it with optional(\"\(key)\", …)")
    }
    return try _FieldReading.read(value, field: field, path: path.appending(key: key))
  }

  private func number(_ key: String, unit: UnitKind) throws(ScenarioError) -> Double {
    let field = try field(key)
    guard case .number(let declared) = field.kind, declared == unit else {
      throw mismatch(key, unit.rawValue)
    }
    return try number(key)
  }

  private func listValues(_ key: String) throws(ScenarioError) -> [_FieldValue] {
    let field = try field(key)
    guard case .list(let element) = field.kind else { throw mismatch(key, "list") }
    guard let list = try valueNode(key, field), !list.isNull else { return [] }
    guard let items = list.sequence else {
      throw error(key, "expected \(_FieldReading.noun(field.kind)), found \(list.shapeDescription)")
    }
    var values: [_FieldValue] = []
    for (index, item) in items.enumerated() {
      values.append(
        try _FieldReading.read(item, kind: element, field: field, path: path.appending(key: key).appending(.index(index))))
    }
    return values
  }
}
