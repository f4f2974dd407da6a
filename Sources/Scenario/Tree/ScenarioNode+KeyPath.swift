import Collections

/// One `key.path=value` override, as given on a command line or by a sweep.
public struct ScenarioOverride: Sendable, Equatable {
  /// Where to set the value, e.g. `site.stations[name=North].servers`.
  public var keyPath: String
  /// The value as YAML text: a scalar (`3`, `45min`, `exp(mean: 6h)`) or flow (`[1, 2]`).
  public var value: String

  /// Creates an override.
  public init(keyPath: String, value: String) {
    self.keyPath = keyPath
    self.value = value
  }

  /// Parses `key.path=value` (the first `=` outside `[...]` separates them).
  public init(parsing text: String) throws(ScenarioError) {
    var depth = 0
    for index in text.indices {
      switch text[index] {
      case "[": depth += 1
      case "]": depth -= 1
      case "=" where depth == 0:
        self.init(keyPath: String(text[..<index]), value: String(text[text.index(after: index)...]))
        return
      default: break
      }
    }
    throw ScenarioError(
      location: nil, keyPath: text, message: "an override is written key.path=value, e.g. site.servers_per_station=3")
  }
}

extension ScenarioNode {
  /// The node at `path`.
  ///
  /// - Throws: `ScenarioError` naming the first step that does not exist and the nearest
  ///   valid path.
  public func resolve(_ path: ScenarioKeyPath) throws(ScenarioError) -> ScenarioNode {
    var node = self
    var walked = ScenarioKeyPath.root
    for component in path.components {
      node = try node.child(component, walked: walked, full: path, schema: nil).node
      walked = walked.appending(component)
    }
    return node
  }

  /// The node at a key path written as text, e.g. `site.stations[name=North].servers`.
  public func resolve(_ path: String) throws(ScenarioError) -> ScenarioNode {
    try resolve(try ScenarioKeyPath(parsing: path))
  }

  /// This tree with each override's value set, in order.
  ///
  /// A key absent from the tree may be set only if `schema` declares it (so defaults can be
  /// overridden); named-list entries must exist. A value starting with `[` or `{` is parsed
  /// as a YAML flow list or mapping; any other value is one scalar (YAML quotes honoured), so
  /// `exp(mean: 6h)` is taken as the text it is.
  ///
  /// - Throws: `ScenarioError` for a malformed or unknown key path, naming the nearest
  ///   valid path.
  public func applying(overrides: [ScenarioOverride], schema: Schema? = nil) throws(ScenarioError)
    -> ScenarioNode
  {
    var result = self
    for override in overrides {
      let path = try ScenarioKeyPath(parsing: override.keyPath)
      if path.components.first == .key("extends") {
        throw ScenarioError(
          location: nil, keyPath: override.keyPath, message: "override: 'extends' cannot be overridden")
      }
      let label = "<override \(override.keyPath)>"
      var value = ScenarioNode.scalar(override.value, at: SourceLocation(file: label, line: 1, column: 1))
      let trimmed = override.value.drop { $0 == " " }
      if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
        value = try ScenarioNode.parse(yaml: override.value, file: label, limits: .default)
      } else if let parsed = try? ScenarioNode.parse(yaml: override.value, file: label, limits: .default),
        parsed.scalar != nil
      {
        value = parsed  // a quoted or plain scalar; text like `exp(mean: 6h)` stays plain text
      }
      result = try result.setting(path.components[...], to: value, walked: .root, full: path, schema: schema)
    }
    return result
  }

  /// `applying(overrides:schema:)` for `(keyPath, value)` pairs.
  public func applying(overrides: [(keyPath: String, value: String)], schema: Schema? = nil)
    throws(ScenarioError) -> ScenarioNode
  {
    try applying(overrides: overrides.map { ScenarioOverride(keyPath: $0.keyPath, value: $0.value) }, schema: schema)
  }

  private func setting(
    _ rest: ArraySlice<ScenarioKeyPath.Component>, to value: ScenarioNode, walked: ScenarioKeyPath,
    full: ScenarioKeyPath, schema: Schema?
  ) throws(ScenarioError) -> ScenarioNode {
    guard let component = rest.first else { return value }
    let tail = rest.dropFirst()
    if case .key(let key) = component, isNull || mapping != nil {
      var entries = mapping ?? [:]
      let field = schema?.field(key)
      let childSchema = field.flatMap(ScenarioNode.childSchema)
      if let entry = entries[key] {
        let updated = try entry.value.setting(
          tail, to: value, walked: walked.appending(component), full: full, schema: childSchema)
        entries[key] = ScenarioMappingEntry(keyLocation: entry.keyLocation, value: updated)
      } else if let field, tail.isEmpty || ScenarioNode.isSection(field) {
        let empty = ScenarioNode(.mapping([:]), at: value.location)
        let updated =
          try
          (tail.isEmpty
          ? value
          : empty.setting(
            tail, to: value, walked: walked.appending(component), full: full, schema: childSchema))
        entries[key] = ScenarioMappingEntry(keyLocation: value.location, value: updated)
      } else {
        _ = try child(component, walked: walked, full: full, schema: schema)
      }
      return ScenarioNode(.mapping(entries), at: location)
    }
    let (child, index) = try child(component, walked: walked, full: full, schema: schema)
    // A list step keeps the schema: for a named list it is already the element schema.
    let updated = try child.setting(
      tail, to: value, walked: walked.appending(component), full: full, schema: schema)
    var items = sequence ?? []
    items[index] = updated
    return ScenarioNode(.sequence(items), at: location)
  }

  private static func childSchema(_ field: Field) -> Schema? {
    switch field.kind {
    case .section(let schema), .namedList(let schema): return schema
    default: return nil
    }
  }

  private static func isSection(_ field: Field) -> Bool {
    if case .section = field.kind { return true }
    return false
  }

  /// The child for one step, and its index if the step goes into a list.
  private func child(
    _ component: ScenarioKeyPath.Component, walked: ScenarioKeyPath, full: ScenarioKeyPath,
    schema: Schema?
  ) throws(ScenarioError) -> (node: ScenarioNode, index: Int) {
    let here = walked.description.isEmpty ? "the top level" : walked.description
    func fail(_ message: String, _ suggestion: ScenarioKeyPath.Component?) -> ScenarioError {
      ScenarioError(
        location: nil, keyPath: full.description, message: message,
        suggestion: suggestion.map { walked.appending($0).description })
    }
    switch component {
    case .key(let key):
      guard let mapping else {
        throw fail("\(here) is \(shapeDescription), not a mapping, so it has no key '\(key)'", nil)
      }
      if let entry = mapping[key] { return (entry.value, 0) }
      var candidates = Array(mapping.keys)
      for field in schema?.fields ?? [] where !candidates.contains(field.name) { candidates.append(field.name) }
      throw fail(
        "no key '\(key)' in \(here)",
        ScenarioSuggest.nearest(to: key, among: candidates).map { .key($0) })
    case .named(let name):
      guard let items = sequence else {
        throw fail("\(here) is \(shapeDescription), not a list, so it has no entry named '\(name)'", nil)
      }
      if let index = items.firstIndex(where: { $0["name"]?.scalar?.text == name }) {
        return (items[index], index)
      }
      let names = items.compactMap { $0["name"]?.scalar?.text }
      throw fail(
        "no entry named '\(name)' in \(here) (entries: \(names.joined(separator: ", ")))",
        ScenarioSuggest.nearest(to: name, among: names).map { .named($0) })
    case .index(let index):
      guard let items = sequence else {
        throw fail("\(here) is \(shapeDescription), not a list, so it has no entry [\(index)]", nil)
      }
      guard index < items.count else {
        throw fail("index [\(index)] is out of range: \(here) has \(items.count) entries", nil)
      }
      return (items[index], index)
    }
  }
}
