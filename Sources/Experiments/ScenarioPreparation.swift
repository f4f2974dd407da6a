import Foundation
import Models
import Scenario
import SimKernel

/// A scenario loaded, resolved, validated and turned into the models' configuration.
public struct PreparedRun: Sendable {
  /// The scenario's name (its `name:` key, or the file stem).
  public var name: String
  /// The resolved scenario in canonical form, stored in results as `/scenario`.
  public var canonicalText: String
  /// SHA-256 of `canonicalText`.
  public var sha256: String
  /// What the models run.
  public var config: ChainSimConfig
  /// Warnings for `validate` and `run`: unstable queues, short warm-ups, a vessel allowed
  /// more cranes than its terminal has, a terminal no service calls at.
  public var warnings: [String]
  /// The files read: the scenario file first, then each base it extends (empty for text
  /// given in memory). Results are never written over them (``OutputDestination``).
  public var files: [String] = []
}

/// Loads scenario files for runs and validation.
public enum ScenarioPreparation {
  /// Loads `path` (following `extends`), applies `key.path=value` overrides, validates it
  /// against ``ChainSimSchema/root`` and builds the configuration.
  /// `reader` is where the file and its bases are read from (the file system unless given).
  /// - Throws: `ScenarioError` with file, line, column and key path.
  public static func prepare(
    path: String, overrides: [String], reader: ScenarioSourceReader = .fileSystem
  ) throws(ScenarioError) -> PreparedRun {
    var parsed: [ScenarioOverride] = []
    for o in overrides { parsed.append(try ScenarioOverride(parsing: o)) }
    let resolved = try ScenarioLoader(schema: ChainSimSchema.root, reader: reader).load(path: path, overrides: parsed)
    let config = try ChainSimConfig(root: resolved.root, name: resolved.name)
    return PreparedRun(
      name: resolved.name, canonicalText: resolved.canonicalText, sha256: resolved.sha256,
      config: config, warnings: config.warnings + ChainSimConfig.sourceWarnings(root: resolved.root), files: resolved.files)
  }

  /// `output/<scenario file stem>.h5`, so that a variant never overwrites its base.
  public static func defaultOutputPath(for scenarioPath: String) -> String {
    let stem = ((scenarioPath as NSString).lastPathComponent as NSString).deletingPathExtension
    return "output/\(stem).h5"
  }
}

/// The scenario file's documentation, generated from the same schema the loader checks.
public enum ScenarioDocumentation {
  /// JSON Schema (draft 2020-12) of a scenario file.
  public static var jsonSchema: String {
    ChainSimSchema.root.jsonSchema(title: "ChainSim scenario", id: "https://chainsim.invalid/scenario.schema.json")
  }
  /// Markdown reference of every key: path, meaning, unit, default.
  public static var keyReference: String {
    ChainSimSchema.root.markdownReference(title: "ChainSim scenario keys")
  }
}
