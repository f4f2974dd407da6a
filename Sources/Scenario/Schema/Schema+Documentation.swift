import Foundation

extension Schema {
  /// A JSON Schema (draft 2020-12) for files of this schema, as deterministic, indented text.
  ///
  /// Unit-bearing values are strings with a pattern; counts are integers; fractions accept a
  /// number or a percentage; named lists are arrays of objects with a required `name`.
  /// `extends` is allowed at the top level.
  public func jsonSchema(title: String, id: String? = nil) -> String {
    var root: [(String, _JSON)] = [("$schema", .string("https://json-schema.org/draft/2020-12/schema"))]
    if let id { root.append(("$id", .string(id))) }
    root.append(("title", .string(title)))
    var object = _jsonObject(allowName: false)
    if case .object(var members) = object, let index = members.firstIndex(where: { $0.0 == "properties" }),
      case .object(var properties) = members[index].1
    {
      properties.insert(
        (
          "extends",
          .object([
            ("type", .string("string")), ("description", .string("Path of a base scenario this file changes, relative to this file.")),
          ])
        ),
        at: 0)
      members[index].1 = .object(properties)
      object = .object(members)
    }
    if case .object(let members) = object { root += members }
    return _JSON.object(root).render(indent: "") + "\n"
  }

  /// A Markdown key reference: one table row per key path, with its kind and unit, default
  /// and meaning. Deterministic; named-list entries appear as `list[].key`.
  public func markdownReference(title: String) -> String {
    var lines = [
      "# \(title)", "",
      "Generated from the scenario schema; do not edit by hand.", "",
      "| key | kind | unit | default | meaning |",
      "|---|---|---|---|---|",
    ]
    _markdownRows(prefix: "", into: &lines)
    return lines.joined(separator: "\n") + "\n"
  }

  private func _markdownRows(prefix: String, into lines: inout [String]) {
    for field in fields {
      let key = prefix + field.name
      let unit: String
      switch field.kind {
      case .number(let u), .distribution(let u): unit = u == .none ? "" : "\(u.internalUnit) (write e.g. \(_example(u)))"
      case .list(.number(let u)): unit = u == .none ? "" : u.internalUnit
      default: unit = ""
      }
      let defaultText: String
      switch field.defaultValue {
      case .required: defaultText = "**required**"
      case .optional:
        switch field.kind {
        case .section: defaultText = "(section)"
        case .namedList: defaultText = "empty list"
        default: defaultText = "not set"
        }
      case .value(let text): defaultText = "`\(text)`"
      }
      let bounds = _FieldReading.boundsText(field).trimmingCharacters(in: .whitespaces)
      let kind = field.kind.label + (bounds.isEmpty ? "" : " \(bounds)")
      lines.append("| `\(key)` | \(_cell(kind)) | \(_cell(unit)) | \(_cell(defaultText)) | \(_cell(field.doc)) |")
      switch field.kind {
      case .section(let schema): schema._markdownRows(prefix: key + ".", into: &lines)
      case .namedList(let schema):
        lines.append("| `\(key)[].name` | string | | **required** | Unique name of the entry; address it as `\(key)[name=…]`. |")
        schema._markdownRows(prefix: key + "[].", into: &lines)
      default: break
      }
    }
  }

  private func _cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }

  private func _example(_ unit: UnitKind) -> String {
    switch unit {
    case .duration: return "45min, 6h, 2d"
    case .rate: return "32/h, 5/d"
    case .distance: return "12km, 800m"
    case .mass: return "2.5t, 400kg"
    case .fraction: return "15%, 0.15"
    case .none: return "3"
    }
  }

  func _jsonObject(allowName: Bool) -> _JSON {
    var properties: [(String, _JSON)] = []
    var required: [_JSON] = []
    if allowName {
      properties.append(
        ("name", .object([("type", .string("string")), ("minLength", .int(1)), ("description", .string("Unique name of the entry."))])))
      required.append(.string("name"))
    }
    for field in fields {
      properties.append((field.name, field._json()))
      if field.defaultValue == .required { required.append(.string(field.name)) }
    }
    var members: [(String, _JSON)] = [("type", .string("object")), ("properties", .object(properties))]
    if !required.isEmpty { members.append(("required", .array(required))) }
    members.append(("additionalProperties", .bool(false)))
    return .object(members)
  }
}

extension Field {
  func _json() -> _JSON {
    var members = Field._jsonType(kind, self)
    members.append(("description", .string(doc)))
    if case .value(let text) = defaultValue {
      switch kind {
      case .count: members.append(("default", Int(text).map(_JSON.int) ?? .string(text)))
      case .bool: members.append(("default", .bool(text == "true")))
      case .number(.none): members.append(("default", Double(text).map(_JSON.number) ?? .string(text)))
      default: members.append(("default", .string(text)))
      }
    }
    return .object(members)
  }

  static let unitPatterns: [UnitKind: String] = [
    .duration:
      #"^\s*[+-]?[0-9][0-9_]*(\.[0-9]+)?([eE][+-]?[0-9]+)?\s*(s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?|w|wk|weeks?|y|yr|years?)\s*$"#,
    .rate:
      #"^\s*[+-]?[0-9][0-9_]*(\.[0-9]+)?([eE][+-]?[0-9]+)?\s*[A-Za-z_ ]*/\s*(s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?|w|wk|weeks?|y|yr|years?)\s*$"#,
    .distance: #"^\s*[+-]?[0-9][0-9_]*(\.[0-9]+)?([eE][+-]?[0-9]+)?\s*(km|m)\s*$"#,
    .mass: #"^\s*[+-]?[0-9][0-9_]*(\.[0-9]+)?([eE][+-]?[0-9]+)?\s*(t|tonnes?|kg)\s*$"#,
    .fraction: #"^\s*[+-]?[0-9][0-9_]*(\.[0-9]+)?([eE][+-]?[0-9]+)?\s*%\s*$"#,
  ]

  static func _jsonType(_ kind: FieldKind, _ field: Field) -> [(String, _JSON)] {
    var bounds: [(String, _JSON)] = []
    if let lo = field.minimum { bounds.append(("minimum", .number(lo))) }
    if let hi = field.maximum { bounds.append(("maximum", .number(hi))) }
    switch kind {
    case .section(let schema):
      guard case .object(let members) = schema._jsonObject(allowName: false) else { return [] }
      return members
    case .namedList(let schema):
      return [("type", .string("array")), ("items", schema._jsonObject(allowName: true))]
    case .list(let element):
      return [("type", .string("array")), ("items", .object(_jsonType(element, Field(field.name, element, doc: ""))))]
    case .count:
      return [("type", .string("integer"))] + bounds
    case .number(.none):
      return [("type", .string("number"))] + bounds
    case .number(.fraction):
      return [
        (
          "oneOf",
          .array([
            .object([("type", .string("number")), ("minimum", .int(0)), ("maximum", .int(1))]),
            .object([("type", .string("string")), ("pattern", .string(unitPatterns[.fraction] ?? ""))]),
          ])
        )
      ]
    case .number(let unit):
      return [("type", .string("string")), ("pattern", .string(unitPatterns[unit] ?? ""))]
    case .bool:
      return [("type", .string("boolean"))]
    case .string:
      return [("type", .string("string"))]
    case .choice(let options):
      return [("type", .string("string")), ("enum", .array(options.map(_JSON.string)))]
    case .distribution(let unit):
      let constant: _JSON =
        unit == .none
        ? .object([("type", .string("number"))])
        : .object([("type", .string("string")), ("pattern", .string(unitPatterns[unit] ?? ""))])
      let forms = DistributionParser.forms.map(\.name).joined(separator: "|")
      return [
        (
          "oneOf",
          .array([
            .object([("type", .string("string")), ("pattern", .string("^\\s*(\(forms)|exponential)\\s*\\(.*\\)\\s*$"))]),
            constant,
          ])
        )
      ]
    }
  }
}

/// A minimal JSON value with ordered members, rendered deterministically.
indirect enum _JSON {
  case string(String)
  case number(Double)
  case int(Int)
  case bool(Bool)
  case array([_JSON])
  case object([(String, _JSON)])

  func render(indent: String) -> String {
    let inner = indent + "  "
    switch self {
    case .string(let s): return _JSON.quote(s)
    case .number(let v): return _FieldReading.formatNumber(v)
    case .int(let v): return String(v)
    case .bool(let v): return v ? "true" : "false"
    case .array(let items):
      if items.isEmpty { return "[]" }
      return "[\n" + items.map { inner + $0.render(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      return "{\n"
        + members.map { inner + _JSON.quote($0.0) + ": " + $0.1.render(indent: inner) }
        .joined(separator: ",\n") + "\n\(indent)}"
    }
  }

  /// A JSON string literal: the canonical YAML double-quoted form, whose escapes
  /// (`\"`, `\\`, `\n`, `\t`, `\r`, `\uXXXX`) are all valid JSON.
  static func quote(_ s: String) -> String { _CanonicalEmitter.quoted(s) }
}
