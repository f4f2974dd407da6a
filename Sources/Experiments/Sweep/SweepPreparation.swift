import Foundation
import Models
import Results
import Scenario

/// One point of a prepared sweep: its parameter values and its resolved scenario.
public struct SweepPoint: Sendable {
  /// The point's index in canonical order (the `/point` scale).
  public var index: Int
  /// One value per parameter, aligned with ``SweepDefinition/parameters``.
  public var values: [SweepValue]
  /// The point's scenario, after `set:` and the parameters.
  public var prepared: PreparedRun
}

/// A sweep ready to run: every point resolved and validated, and the sweep's identity.
public struct PreparedSweep: Sendable {
  public var definition: SweepDefinition
  /// The base scenario with `set:` applied (the file's `/scenario`).
  public var base: PreparedRun
  public var points: [SweepPoint]
  public var precision: SweepPrecision?
  /// Replication slots per point: the sweep's replications, or the precision maximum.
  public var slots: Int
  /// SHA-256 of everything that decides the results: software version, the canonical sweep
  /// file, every point's resolved scenario hash and the precision setting.
  public var sha256: String
  /// Warnings of the base scenario (unstable queues, short warm-ups).
  public var warnings: [String]

  /// Replications run before precision decides (the sweep's `replications`, at most `slots`).
  public var minimumReplications: Int { min(definition.replications, slots) }

  /// The files the sweep reads, which its outputs must never replace: the sweep file, its
  /// base scenario and every file that one extends.
  public var inputs: [OutputDestination.Input] {
    var files = [OutputDestination.Input(path: definition.path, role: "the sweep file")]
    if let scenario = base.files.first {
      files.append(OutputDestination.Input(path: scenario, role: "the sweep's base scenario"))
      files += base.files.dropFirst().map { OutputDestination.Input(path: $0, role: "a base scenario that \(scenario) extends") }
    }
    return files
  }
}

/// Loads sweep files.
public enum SweepPreparation {
  /// Reads and checks a sweep file, resolves every point's scenario, and fixes its identity.
  ///
  /// An unknown parameter key path is reported at the parameter's `path:` line with the
  /// nearest valid key path; a value the scenario refuses names the point.
  /// `reader` is where the sweep file and its scenario are read from (the file system unless
  /// given).
  /// - Throws: `ScenarioError` (exit 2), ``SweepError`` (exit 2).
  public static func prepare(
    path: String, precision: SweepPrecision? = nil, reader: ScenarioSourceReader = .fileSystem
  ) throws -> PreparedSweep {
    let definition = try SweepDefinition(path: path, reader: reader)
    if let precision, precision.maximum < definition.replications {
      throw SweepError.input("--max-replications (\(precision.maximum)) is below the sweep's replications (\(definition.replications))")
    }
    let slots = precision?.maximum ?? definition.replications
    let fixed = definition.fixedOverrides + ["run.replications=\(slots)"]
    let base: PreparedRun
    do {
      base = try prepareScenario(definition, fixed, reader)
    } catch {
      throw locateInSweep(error, definition)
    }
    // Each parameter alone, with its first value: reports an unknown key path at its line.
    for p in definition.parameters {
      guard let first = p.gridValues.first ?? lhsProbe(p) else { continue }
      let overrides = p.keyPaths.map { "\($0)=\(p.scenarioText(first))" }
      do {
        _ = try ScenarioPreparation.prepare(path: definition.scenarioPath, overrides: fixed + overrides, reader: reader)
      } catch {
        throw ScenarioError(
          location: p.pathLocation, keyPath: "parameters[name=\(p.name)].path",
          message: "\(error.keyPath.isEmpty ? "" : error.keyPath + ": ")\(error.message)", suggestion: error.suggestion)
      }
    }
    try checkOutput(definition, base: base)
    // --precision names a KPI: refused now if the scenario has none of that name, not after
    // the first point's replications have run.
    try precision?.checkKPI(in: base.config)
    let values = try definition.points()
    guard !values.isEmpty else {
      throw SweepError.input("\(path): the sweep has no points: the constraints reject every combination")
    }
    var points: [SweepPoint] = []
    for (i, combo) in values.enumerated() {
      var overrides = fixed
      for (p, v) in zip(definition.parameters, combo) {
        overrides += p.keyPaths.map { "\($0)=\(p.scenarioText(v))" }
      }
      do {
        points.append(
          SweepPoint(
            index: i, values: combo,
            prepared: try ScenarioPreparation.prepare(
              path: definition.scenarioPath, overrides: overrides, reader: reader)))
      } catch {
        let setting = zip(definition.parameters, combo).map { "\($0.name)=\($1.text)" }.joined(separator: ", ")
        // A value the scenario refuses is reported at the parameter's values in the sweep file.
        if isOverride(error.location), let p = definition.parameters.first(where: { $0.keyPaths.contains(error.keyPath) }) {
          throw ScenarioError(
            location: p.valuesLocation ?? p.location, keyPath: "parameters[name=\(p.name)].values",
            message: "\(error.keyPath): \(error.message) (at sweep point \(i): \(setting))", suggestion: error.suggestion)
        }
        throw ScenarioError(
          location: error.location, keyPath: error.keyPath,
          message: "\(error.message) (at sweep point \(i): \(setting))", suggestion: error.suggestion)
      }
    }
    var identity = "chainsim sweep \(SoftwareVersion.string)\n\(definition.canonicalText)\n"
    identity += "slots \(slots)\nprecision \(precision?.canonical ?? "none")\n"
    identity += points.map(\.prepared.sha256).joined(separator: "\n")
    let sha = ScenarioNode.scalar(identity, at: SourceLocation(file: path, line: 1, column: 1)).canonicalSHA256
    return PreparedSweep(
      definition: definition, base: base, points: points, precision: precision, slots: slots,
      sha256: sha, warnings: base.warnings)
  }

  /// Refuses an `output:` that must never be written (``OutputDestination``), told at its
  /// line: the sweep file itself, its base scenario or a file that one extends, a device,
  /// a folder or a file ChainSim did not write.
  private static func checkOutput(_ definition: SweepDefinition, base: PreparedRun) throws(ScenarioError) {
    guard let output = definition.output else { return }
    let sweep = PreparedSweep(definition: definition, base: base, points: [], precision: nil, slots: 0, sha256: "", warnings: [])
    do {
      try OutputDestination(path: output, content: .results, inputs: sweep.inputs, option: "output").check()
    } catch let error where error.classification == .input {
      throw ScenarioError(location: definition.outputLocation, keyPath: "output", message: "\(output) \(error.message)")
    } catch {
      return  // cannot be examined now (permission): the sweep's own check reports it before running
    }
  }

  /// `output/<sweep file stem>.h5`.
  public static func defaultOutputPath(for sweep: SweepDefinition) -> String {
    sweep.output ?? ScenarioPreparation.defaultOutputPath(for: sweep.path)
  }

  private static func prepareScenario(_ d: SweepDefinition, _ overrides: [String], _ reader: ScenarioSourceReader) throws(ScenarioError)
    -> PreparedRun
  {
    try ScenarioPreparation.prepare(path: d.scenarioPath, overrides: overrides, reader: reader)
  }

  /// Whether a location is an override's (`<override key>`) or unknown, not a line of a file.
  private static func isOverride(_ location: SourceLocation?) -> Bool {
    location.map { $0.file.hasPrefix("<override") } ?? true
  }

  /// An error of the base scenario, told against the sweep file: a base that cannot be read
  /// at `scenario:`, a refused `set:` entry at its key, and an error inside the base scenario
  /// file with the sweep named.
  private static func locateInSweep(_ error: ScenarioError, _ d: SweepDefinition) -> ScenarioError {
    if error.location == nil, error.keyPath.isEmpty {
      return ScenarioError(location: d.scenarioLocation, keyPath: "scenario", message: error.message, suggestion: error.suggestion)
    }
    if isOverride(error.location) {
      let keys = d.fixedOverrides.map { String($0.prefix { $0 != "=" }) }
      if let i = keys.indices.first(where: {
        error.keyPath == keys[$0] || error.keyPath.hasPrefix(keys[$0] + ".") || keys[$0].hasPrefix(error.keyPath)
      }),
        i < d.fixedOverrideLocations.count
      {
        let detail = error.keyPath == keys[i] ? "" : "\(error.keyPath): "
        return ScenarioError(
          location: d.fixedOverrideLocations[i], keyPath: "set.\(keys[i])", message: detail + error.message,
          suggestion: error.suggestion)
      }
      return error
    }
    var located = error
    located.message += " (in the base scenario of the sweep \(d.path))"
    return located
  }

  private static func lhsProbe(_ p: SweepParameter) -> SweepValue? {
    if case .range(let from, _, _, _) = p.values { return SweepValue(number: p.integer ? from.rounded() : from) }
    return nil
  }
}

extension SweepPreparation {
  /// Whether the YAML file at `path` is a sweep file (it has `parameters:` and `scenario:`);
  /// false for scenario files and for files that cannot be read or parsed.
  public static func isSweepFile(path: String) -> Bool {
    guard let text = ScenarioSourceReader.fileSystem.text(atPath: path),
      let root = try? ScenarioNode.parse(yaml: text, file: path)
    else { return false }
    return SweepDefinition.isSweep(root)
  }
}
