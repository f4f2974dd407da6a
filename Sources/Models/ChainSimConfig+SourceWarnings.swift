import Scenario

extension ChainSimConfig {
  /// Warnings that need the scenario's text to be located (file, line, column and key path),
  /// for `validate` and `run` beside ``warnings``: see ``PortConfig/sourceWarnings(_:)``.
  ///
  /// - Parameter root: the resolved scenario's root node, one that ``init(root:name:)`` accepted.
  public static func sourceWarnings(root: ScenarioNode) -> [String] {
    let file = ScenarioSection(root: root, schema: ChainSimSchema.root)
    guard let port = try? file.section("port"), (try? port.bool("enabled")) == true else { return [] }
    return PortConfig.sourceWarnings(port)
  }
}
