extension Schema {
  /// Checks a tree against this schema and throws the first problem, in file order.
  ///
  /// - Parameters:
  ///   - node: the section to check (usually the resolved root).
  ///   - path: the key path of `node`, used in messages.
  /// - Throws: `ScenarioError` for an unknown key (with a suggestion), a wrong type or unit,
  ///   a value out of bounds, a missing required key, or a duplicate name in a named list.
  public func validate(_ node: ScenarioNode, at path: ScenarioKeyPath = .root) throws(ScenarioError) {
    if let first = problems(in: node, at: path).first { throw first }
  }

  /// Every problem in a tree, in file order (an empty array means it is valid).
  public func problems(in node: ScenarioNode, at path: ScenarioKeyPath = .root) -> [ScenarioError] {
    var errors: [ScenarioError] = []
    _check(section: node, at: path, fallback: node.location, allowName: false, into: &errors)
    return errors
  }

  /// Checks that every default in this schema (and nested ones) is a valid value of its
  /// field and that no name is declared twice; a test in each model should call it.
  public func checkDefaults(at path: ScenarioKeyPath = .root) throws(ScenarioError) {
    let location = SourceLocation(file: "<schema default>", line: 1, column: 1)
    var declared: [String] = []
    for field in fields {
      if declared.contains(field.name) {
        throw ScenarioError(
          location: location, keyPath: path.appending(key: field.name).description,
          message: "the schema declares '\(field.name)' twice")
      }
      declared.append(field.name)
      let fieldPath = path.appending(key: field.name)
      switch field.kind {
      case .section(let schema), .namedList(let schema):
        try schema.checkDefaults(at: fieldPath)
      default:
        if case .value(let text) = field.defaultValue {
          var errors: [ScenarioError] = []
          let node =
            (try? ScenarioNode.parse(yaml: "v: \(text)", file: location.file))?["v"]
            ?? .scalar(text, quoted: true, at: location)
          _checkValue(node, field: field, at: fieldPath, into: &errors)
          if let first = errors.first { throw first }
        }
      }
    }
  }

  func _check(
    section node: ScenarioNode?, at path: ScenarioKeyPath, fallback: SourceLocation,
    allowName: Bool, into errors: inout [ScenarioError]
  ) {
    let location = node?.location ?? fallback
    let entries: [(String, ScenarioMappingEntry)]
    if let node, !node.isNull {
      guard let mapping = node.mapping else {
        errors.append(
          ScenarioError(
            location: location, keyPath: path.description,
            message: "expected a mapping of keys, found \(node.shapeDescription)"))
        return
      }
      entries = mapping.map { ($0.key, $0.value) }
    } else {
      entries = []
    }
    let names = fields.map(\.name) + (allowName ? ["name"] : [])
    for (key, entry) in entries {
      if allowName && key == "name" { continue }
      guard let field = field(key) else {
        errors.append(
          ScenarioError(
            location: entry.keyLocation, keyPath: path.description,
            message: "unknown key '\(key)'",
            suggestion: ScenarioSuggest.nearest(to: key, among: names)))
        continue
      }
      _checkValue(entry.value, field: field, at: path.appending(key: key), into: &errors)
    }
    for field in fields where field.defaultValue == .required {
      if !entries.contains(where: { $0.0 == field.name }) {
        errors.append(
          ScenarioError(
            location: location, keyPath: path.appending(key: field.name).description,
            message: "missing required key '\(field.name)' (\(_FieldReading.noun(field.kind)): \(field.doc))"))
      }
    }
  }

  func _checkValue(
    _ node: ScenarioNode, field: Field, at path: ScenarioKeyPath, into errors: inout [ScenarioError]
  ) {
    switch field.kind {
    case .section(let schema):
      schema._check(section: node, at: path, fallback: node.location, allowName: false, into: &errors)
    case .namedList(let schema):
      Schema._checkNamedList(node, schema: schema, at: path, into: &errors)
    case .list(let element):
      guard let items = node.sequence else {
        if !node.isNull {
          errors.append(
            ScenarioError(
              location: node.location, keyPath: path.description,
              message: "expected \(_FieldReading.noun(field.kind)), found \(node.shapeDescription)"))
        }
        return
      }
      for (index, item) in items.enumerated() {
        do throws(ScenarioError) {
          _ = try _FieldReading.read(item, kind: element, field: field, path: path.appending(.index(index)))
        } catch {
          errors.append(error)
        }
      }
    default:
      do throws(ScenarioError) {
        _ = try _FieldReading.read(node, field: field, path: path)
      } catch {
        errors.append(error)
      }
    }
  }

  static func _checkNamedList(
    _ node: ScenarioNode, schema: Schema, at path: ScenarioKeyPath, into errors: inout [ScenarioError]
  ) {
    if node.isNull { return }
    guard let items = node.sequence else {
      errors.append(
        ScenarioError(
          location: node.location, keyPath: path.description,
          message: "expected a list of named entries (- name: …), found \(node.shapeDescription)"))
      return
    }
    var seen: [String: SourceLocation] = [:]
    for (index, item) in items.enumerated() {
      guard item.mapping != nil else {
        errors.append(
          ScenarioError(
            location: item.location, keyPath: path.appending(.index(index)).description,
            message: "expected a named entry (a mapping with 'name: …'), found \(item.shapeDescription)"))
        continue
      }
      guard let nameNode = item["name"], let name = nameNode.scalar, !name.isNull, !name.text.isEmpty
      else {
        errors.append(
          ScenarioError(
            location: item.location, keyPath: path.appending(.index(index)).description,
            message: "this entry has no 'name'; every entry of \(path) needs a unique name"))
        continue
      }
      if let problem = _TextRules.nulProblem(name.text, what: "the name") {
        errors.append(
          ScenarioError(location: nameNode.location, keyPath: path.description, message: problem))
        continue
      }
      if let first = seen[name.text] {
        errors.append(
          ScenarioError(
            location: nameNode.location, keyPath: path.description,
            message: "duplicate name '\(name.text)' (first used at line \(first.line)); names in a list must be unique"))
        continue
      }
      seen[name.text] = nameNode.location
      schema._check(
        section: item, at: path.appending(.named(name.text)), fallback: item.location,
        allowName: true, into: &errors)
    }
  }
}
