import Foundation
import Scenario
import SimKernel

extension SweepDefinition {
  /// The keys a sweep file may have at its top level.
  static let topKeys = ["sweep", "description", "scenario", "set", "replications", "design", "parameters", "constraints", "output"]
  static let parameterKeys = ["name", "path", "paths", "values", "range", "format", "units", "integer"]

  /// Whether a parsed YAML file is a sweep file (it has `parameters:` and `scenario:`).
  public static func isSweep(_ root: ScenarioNode) -> Bool {
    root["parameters"] != nil && root["scenario"] != nil
  }

  /// Reads a sweep file (from `reader`, the file system unless given).
  /// - Throws: `ScenarioError` with file, line, column, key and a suggestion.
  public init(path: String, reader: ScenarioSourceReader = .fileSystem) throws(ScenarioError) {
    let text = try reader.readText(atPath: path, maxBytes: ScenarioLimits.default.maxBytes)
    let root = try ScenarioNode.parse(yaml: text, file: path)
    try self.init(root: root, path: path)
  }

  /// Reads a sweep from its parsed tree; `path` names the file and anchors relative paths.
  public init(root: ScenarioNode, path: String) throws(ScenarioError) {
    guard let top = root.mapping else {
      throw ScenarioError(location: root.location, message: "expected a mapping of keys at the top of the sweep file")
    }
    try Self.checkKeys(top, allowed: Self.topKeys, prefix: "")
    self.path = path
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    name = root["sweep"]?.scalar?.text ?? stem
    guard let scenario = root["scenario"]?.scalar?.text, !scenario.isEmpty else {
      throw Self.error(root["scenario"] ?? root, "scenario", "expected the path of the base scenario, e.g. scenario: ../tianjin-2024.yaml")
    }
    let folder = (path as NSString).deletingLastPathComponent
    scenarioPath = scenario.hasPrefix("/") || folder.isEmpty ? scenario : (folder as NSString).appendingPathComponent(scenario)
    scenarioLocation = root["scenario"]?.location
    fixedOverrides = []
    fixedOverrideLocations = []
    if let set = root["set"] {
      guard let entries = set.mapping else { throw Self.error(set, "set", "expected a mapping of key.path: value") }
      for (key, entry) in entries {
        guard let text = entry.value.scalar?.text else {
          throw Self.error(entry.value, "set.\(key)", "expected one value")
        }
        fixedOverrides.append("\(key)=\(text)")
        fixedOverrideLocations.append(entry.keyLocation)
      }
    }
    replications = try Self.positiveInt(root["replications"], "replications", default: 1)
    design = try Self.design(root["design"])
    guard let list = root["parameters"]?.sequence, !list.isEmpty else {
      throw Self.error(root["parameters"] ?? root, "parameters", "expected a list of parameters (name, path, values or range)")
    }
    var parameters: [SweepParameter] = []
    var written: [(path: String, parameter: String, line: Int)] = []
    for (i, node) in list.enumerated() {
      let p = try Self.parameter(node, index: i, design: design)
      if parameters.contains(where: { $0.name == p.name }) {
        throw Self.error(node, "parameters[name=\(p.name)]", "the parameter name \(p.name) appears twice")
      }
      try Self.checkPathsNotWritten(p, node, by: &written)
      parameters.append(p)
    }
    if case .grid = design {
      let sizes = parameters.map(\.gridValueCount)
      let total = sizes.reduce(1, *)
      if total > Double(Self.maxPoints) {
        let product = sizes.map { SweepValue.format($0) }.joined(separator: " × ")
        throw Self.error(
          root["parameters"] ?? root, "parameters",
          "the grid has \(SweepValue.format(total)) points (\(product)); a sweep has at most \(Self.maxPoints): use fewer values, a larger step, or an lhs design"
        )
      }
    }
    self.parameters = parameters
    constraints = []
    if let list = root["constraints"] {
      guard let items = list.sequence else { throw Self.error(list, "constraints", "expected a list of conditions") }
      if case .lhs = design, !items.isEmpty {
        throw Self.error(
          list, "constraints",
          "constraints are refused for an lhs design: filtering points would break its stratification; use a grid, or narrow the ranges")
      }
      let numeric = parameters.filter { $0.gridValues.allSatisfy { $0.number != nil } }.map(\.name)
      for item in items {
        guard let text = item.scalar?.text else { throw Self.error(item, "constraints", "expected a condition as text") }
        constraints.append(try SweepConstraint(parsing: text, parameters: numeric, location: item.location))
      }
    }
    output = root["output"]?.scalar?.text
    outputLocation = root["output"]?.location
    // Where results go is not part of what they are: leave `output:` out of the identity.
    canonicalText = root.canonicalYAML.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("output:") }.joined(separator: "\n")
  }

  // MARK: - Parts

  private static func design(_ node: ScenarioNode?) throws(ScenarioError) -> SweepDesign {
    guard let node else { return .grid }
    if let text = node.scalar?.text {
      if text == "grid" { return .grid }
      if text == "lhs" {
        throw error(node, "design", "an lhs design needs a point count and a seed: design: {type: lhs, points: 20, seed: 1}")
      }
      throw error(
        node, "design", "expected grid or lhs, found \(DisplayText.quoted(text))",
        suggestion: ScenarioSuggest.nearest(to: text, among: ["grid", "lhs"]))
    }
    guard let map = node.mapping else { throw error(node, "design", "expected grid or {type: lhs, points: N, seed: S}") }
    try checkKeys(map, allowed: ["type", "points", "seed"], prefix: "design.")
    switch node["type"]?.scalar?.text {
    case "grid": return .grid
    case "lhs":
      let points = try positiveInt(node["points"], "design.points", default: nil)
      if points > maxPoints {
        throw error(node["points"] ?? node, "design.points", "expected at most \(maxPoints) points, found \(points)")
      }
      guard let seedText = node["seed"]?.scalar?.text, let seed = UInt64(seedText) else {
        throw error(node, "design.seed", "an lhs design needs its own seed (a whole number ≥ 0)")
      }
      if points > maxPoints {
        throw error(node["points"] ?? node, "design.points", "expected at most \(maxPoints) points, found \(points)")
      }
      return .lhs(points: points, seed: seed)
    default: throw error(node, "design.type", "expected grid or lhs")
    }
  }

  private static func parameter(_ node: ScenarioNode, index: Int, design: SweepDesign) throws(ScenarioError) -> SweepParameter {
    guard let map = node.mapping else {
      throw error(node, "parameters[\(index)]", "expected a mapping with name, path and values or range")
    }
    guard let name = node["name"]?.scalar?.text, isIdentifier(name) else {
      throw error(
        node["name"] ?? node, "parameters[\(index)].name", "expected a snake_case name (letters, digits, _), e.g. crane_productivity")
    }
    let here = "parameters[name=\(name)]"
    try checkKeys(map, allowed: parameterKeys, prefix: "\(here).")
    var paths: [String] = []
    var pathNode = node
    if let p = node["path"] {
      guard let text = p.scalar?.text, !text.isEmpty else { throw error(p, "\(here).path", "expected a key path") }
      paths = [text]
      pathNode = p
    } else if let p = node["paths"] {
      for item in p.sequence ?? [] { if let t = item.scalar?.text { paths.append(t) } }
      pathNode = p.sequence?.first ?? p
    }
    guard !paths.isEmpty else {
      throw error(node, "\(here).path", "expected the scenario key path it sets, e.g. path: port.customs.import_inspection_rate")
    }
    let values: SweepParameter.Values
    if let list = node["values"] {
      guard let items = list.sequence else { throw error(list, "\(here).values", "expected a list of values") }
      guard !items.isEmpty else { throw error(list, "\(here).values", "the list of values is empty") }
      var out: [SweepValue] = []
      for item in items {
        guard let text = item.scalar?.text else { throw error(item, "\(here).values", "expected plain values") }
        out.append(SweepValue(text: text, number: Double(text)))
      }
      values = .list(out)
    } else if let range = node["range"] {
      guard let map = range.mapping else { throw error(range, "\(here).range", "expected {from, to, step} or {from, to, count}") }
      try checkKeys(map, allowed: ["from", "to", "step", "count"], prefix: "\(here).range.")
      let from = try number(range["from"], "\(here).range.from", range)
      let to = try number(range["to"], "\(here).range.to", range)
      let step = try range["step"].map { (n) throws(ScenarioError) in try number(n, "\(here).range.step", range) }
      let count = try range["count"].map { (n) throws(ScenarioError) in try positiveInt(n, "\(here).range.count", default: nil) }
      if case .grid = design, step == nil, count == nil {
        throw error(range, "\(here).range", "a grid range needs a step or a count")
      }
      if let step, step == 0 { throw error(range, "\(here).range.step", "the step is zero") }
      if let count, count > maxPoints {
        throw error(range, "\(here).range.count", "expected at most \(maxPoints) values, found \(count)")
      }
      values = .range(from: from, to: to, step: step, count: count)
    } else {
      throw error(node, "\(here).values", "expected values: [...] or range: {from, to, step}")
    }
    var parameter = SweepParameter(
      name: name, keyPaths: paths, values: values, format: node["format"]?.scalar?.text,
      units: node["units"]?.scalar?.text ?? "1", integer: node["integer"]?.scalar?.text == "true",
      location: node.location, pathLocation: pathNode.location, valuesLocation: (node["values"] ?? node["range"])?.location)
    if case .grid = design, parameter.gridValueCount > Double(maxPoints) {
      throw error(
        node["range"] ?? node, "\(here).range",
        "the range has \(SweepValue.format(parameter.gridValueCount)) values; a sweep has at most \(maxPoints) points: use a larger step or a smaller count"
      )
    }
    // A step too small to move a large `from` (1e300 + 1 == 1e300) repeats one value forever;
    // the expansion stops one value past the limit.
    if case .range(let from, let to, let step?, nil) = parameter.values, case .grid = design,
      parameter.gridValues.count > maxPoints
    {
      throw error(
        node["range"] ?? node, "\(here).range.step",
        "the step \(SweepValue.format(step)) makes more than \(maxPoints) values between \(SweepValue.format(from)) and \(SweepValue.format(to))"
      )
    }
    if case .grid = design, parameter.gridValues.isEmpty {
      throw error(node["range"] ?? node, "\(here).range", "the range is empty: no value lies between from and to with this step")
    }
    if case .lhs = design, case .range(let from, let to, _, _) = parameter.values, !(from < to) {
      throw error(node["range"] ?? node, "\(here).range", "the range is empty: an lhs range needs from < to")
    }
    if let f = parameter.format, !f.contains("{}") {
      throw error(node["format"] ?? node, "\(here).format", "a format must contain {} where the value goes, e.g. \"{}%\"")
    }
    parameter.units = parameter.units.isEmpty ? "1" : parameter.units
    return parameter
  }

  /// Refuses a parameter that writes a key path an earlier parameter writes (every point
  /// would then run with only the later value there), at the path's place in the file.
  private static func checkPathsNotWritten(
    _ p: SweepParameter, _ node: ScenarioNode, by written: inout [(path: String, parameter: String, line: Int)]
  ) throws(ScenarioError) {
    let pathNodes = node["path"].map { [$0] } ?? (node["paths"]?.sequence ?? []).filter { $0.scalar != nil }
    for (k, path) in p.keyPaths.enumerated() {
      // Compared as parsed key paths; a path that does not parse is reported later, at its line.
      let canonical = (try? ScenarioKeyPath(parsing: path))?.description ?? path
      let location = k < pathNodes.count ? pathNodes[k] : node
      if let earlier = written.first(where: { $0.path == canonical }) {
        let key = node["path"] != nil ? "parameters[name=\(p.name)].path" : "parameters[name=\(p.name)].paths"
        let who =
          earlier.parameter == p.name
          ? "this parameter already writes it" : "parameter \(earlier.parameter) (line \(earlier.line)) writes it too"
        throw error(
          location, key,
          "\(canonical) is written twice: \(who), and one value would overwrite the other at every point; sweep each key path with one parameter"
        )
      }
      written.append((canonical, p.name, location.location.line))
    }
  }

  // MARK: - Helpers

  static func error(_ node: ScenarioNode, _ key: String, _ message: String, suggestion: String? = nil) -> ScenarioError {
    ScenarioError(location: node.location, keyPath: key, message: message, suggestion: suggestion)
  }

  private static func checkKeys(_ map: some Sequence<(key: String, value: ScenarioMappingEntry)>, allowed: [String], prefix: String)
    throws(ScenarioError)
  {
    for (key, entry) in map where !allowed.contains(key) {
      throw ScenarioError(
        location: entry.keyLocation, keyPath: prefix + key, message: "unknown key '\(key)' in a sweep file",
        suggestion: ScenarioSuggest.nearest(to: key, among: allowed).map { prefix + $0 })
    }
  }

  private static func positiveInt(_ node: ScenarioNode?, _ key: String, default value: Int?) throws(ScenarioError) -> Int {
    guard let node else {
      if let value { return value }
      throw ScenarioError(location: nil, keyPath: key, message: "is required")
    }
    guard let text = node.scalar?.text, let n = Int(text), n >= 1 else {
      throw error(node, key, "expected a whole number ≥ 1, found \(node.scalar?.text ?? "a list or mapping")")
    }
    return n
  }

  private static func number(_ node: ScenarioNode?, _ key: String, _ parent: ScenarioNode) throws(ScenarioError) -> Double {
    guard let node else { throw error(parent, key, "is required") }
    guard let text = node.scalar?.text, let x = Double(text), x.isFinite else {
      throw error(node, key, "expected a number, found \(node.scalar.map { DisplayText.quoted($0.text) } ?? "a list or mapping")")
    }
    return x
  }

  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }
}
