/// A scenario after `extends` and overrides, with its canonical text and hash.
public struct ResolvedScenario: Sendable {
  /// The `name:` key if the file has one, else the file's stem (`green-clearance`).
  public let name: String
  /// The path the scenario was loaded from (nil for in-memory text).
  public let path: String?
  /// The resolved tree (no `extends` key; overrides applied).
  public let root: ScenarioNode
  /// ``root`` as canonical YAML (sorted keys, no comments): what results files store.
  public let canonicalText: String
  /// Lowercase hex SHA-256 of ``canonicalText``: the scenario hash.
  public let sha256: String
  /// The files read, the loaded one first and then each base it extends, in order.
  public let files: [String]

  /// Same as ``sha256``.
  public var scenarioSHA256: String { sha256 }

  /// A typed reader over the whole scenario.
  public func reader(_ schema: Schema) -> ScenarioSection {
    ScenarioSection(root: root, schema: schema)
  }
}
