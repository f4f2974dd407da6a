import ArgumentParser

/// Options that choose and modify a scenario, shared by `run` and `validate`.
struct ScenarioOptions: ParsableArguments {
  @Argument(help: "Scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
  var scenario: String = "scenarios/tianjin-2024.yaml"

  @Option(name: .customLong("set"), help: ArgumentHelp(
    "Override a scenario key, e.g. --set port.terminals[name=UICT].berths=5 (repeatable).",
    valueName: "key.path=value"))
  var overrides: [String] = []

  @Option(help: "Number of replications (overrides run.replications).")
  var replications: Int?

  @Option(help: "Master seed (overrides run.seed).")
  var seed: UInt64?

  @Option(help: "Simulated horizon with its unit, e.g. 90d or 2000h (overrides run.horizon).")
  var horizon: String?

  /// The `--set` overrides plus the ones the shorthand options stand for.
  var allOverrides: [String] {
    var all = overrides
    if let replications { all.append("run.replications=\(replications)") }
    if let seed { all.append("run.seed=\(seed)") }
    if let horizon { all.append("run.horizon=\(horizon)") }
    return all
  }

  func validate() throws {
    if let replications, replications < 1 { throw ValidationError("--replications must be at least 1") }
    for o in overrides where !o.contains("=") {
      throw ValidationError("--set expects key.path=value, found '\(o)'")
    }
  }
}
