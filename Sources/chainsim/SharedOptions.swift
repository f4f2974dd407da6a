import ArgumentParser
import Models

/// Options that choose and modify a scenario, shared by `run` and `validate`.
struct ScenarioOptions: ParsableArguments {
  @Argument(help: "Scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
  var scenario: String = "scenarios/tianjin-2024.yaml"

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a scenario key, e.g. --set port.terminals[name=UICT].berths=5 (repeatable).",
      valueName: "key.path=value"))
  var overrides: [String] = []

  @Option(
    name: .customLong("replications"), parsing: .unconditional,
    help: ArgumentHelp(
      "Number of replications, 1 to \(grouped(ChainSimSchema.maxReplications)) (overrides run.replications).",
      valueName: "n"))
  var replicationsText: WholeNumberArgument?

  @Option(
    name: .customLong("seed"), parsing: .unconditional,
    help: ArgumentHelp(
      "Master seed, a whole number from 0 to \(grouped(ChainSimSchema.maxSeed)) (overrides run.seed).",
      valueName: "seed"))
  var seedText: WholeNumberArgument?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Simulated horizon with its unit, e.g. 90d or 2000h; more than 0 and at most 100 years (overrides run.horizon).",
      valueName: "duration"))
  var horizon: String?

  /// `--replications`, checked (nil when not given).
  var replications: Int? {
    get throws {
      try replicationsText?.value(of: "--replications", in: 1...ChainSimSchema.maxReplications, what: "the number of replications")
    }
  }

  /// `--seed`, checked (nil when not given).
  var seed: Int? {
    get throws { try seedText?.value(of: "--seed", in: 0...ChainSimSchema.maxSeed, what: "the master seed") }
  }

  /// The `--set` overrides plus the ones the shorthand options stand for.
  var allOverrides: [String] {
    var all = overrides
    if let replications = try? replications { all.append("run.replications=\(replications)") }
    if let seed = try? seed { all.append("run.seed=\(seed)") }
    if let horizon { all.append("run.horizon=\(horizon)") }
    return all
  }

  func validate() throws {
    _ = try replications
    _ = try seed
    if let horizon, horizon.trimmingCharacters(in: .whitespaces).hasPrefix("-") {
      throw ValidationError("--horizon must be more than 0 (got '\(horizon)': negative)")
    }
    for o in overrides where !o.contains("=") {
      throw ValidationError("--set expects key.path=value, found '\(o)'")
    }
  }
}

/// `-j`: the most replications run at once, from 1 to this (far more than any machine's cores).
let maxJobs = 4_096

/// The `-j` option's help: its range, and the default written once.
let jobsHelp = ArgumentHelp("Replications run at once, 1 to \(grouped(maxJobs)) (default: all cores).", valueName: "n")

/// `-j` checked, or every core when it is not given.
func jobCount(_ jobs: WholeNumberArgument?, cores: Int) throws -> Int {
  try jobs?.value(of: "-j", in: 1...maxJobs, what: "the number of replications run at once") ?? max(1, cores)
}
