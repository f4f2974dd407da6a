/// How a fingerprint is taken: the overrides a scenario runs with, as the fingerprint file
/// records them (`seed`, `replications`, `horizon`, `warmup`).
public struct FingerprintSettings: Sendable, Hashable, CustomStringConvertible {
  /// The master seed (`run.seed`).
  public var seed: Int
  /// The number of replications (`run.replications`).
  public var replications: Int
  /// The horizon with its unit as written in the file, e.g. `3d` (`run.horizon`).
  public var horizon: String
  /// The warm-up with its unit as written in the file, e.g. `1d` (`run.warmup`).
  public var warmup: String

  public init(seed: Int, replications: Int, horizon: String, warmup: String) {
    self.seed = seed
    self.replications = replications
    self.horizon = horizon
    self.warmup = warmup
  }

  /// The `key.path=value` overrides that give a scenario these settings.
  public var overrides: [String] {
    ["run.seed=\(seed)", "run.replications=\(replications)", "run.horizon=\(horizon)", "run.warmup=\(warmup)"]
  }

  /// E.g. "seed 2024, 2 replications × 3d after a 1d warm-up".
  public var description: String {
    "seed \(seed), \(replications) replication\(replications == 1 ? "" : "s") × \(horizon) after a \(warmup) warm-up"
  }
}

/// A scenario run with fingerprint settings: what one entry of a fingerprint file stands for.
public struct FingerprintRun: Sendable, Hashable, CustomStringConvertible {
  /// The scenario file, relative to the folder that holds `scenarios/`, e.g.
  /// `scenarios/variants/new-hub.yaml`.
  public var scenario: String
  /// The settings of the run.
  public var settings: FingerprintSettings

  public init(scenario: String, settings: FingerprintSettings) {
    self.scenario = scenario
    self.settings = settings
  }

  /// E.g. "scenarios/tianjin-2024.yaml seed 2024".
  public var description: String { "\(scenario) seed \(settings.seed)" }
}

/// One entry of a fingerprint file: a run and the expected fingerprint of its trajectory
/// (``ReplicationSet/combinedFingerprint(_:)``).
public struct FingerprintEntry: Sendable, Hashable, CustomStringConvertible {
  /// The scenario and its settings.
  public var run: FingerprintRun
  /// 16 lowercase hex digits.
  public var fingerprint: String

  public init(run: FingerprintRun, fingerprint: String) {
    self.run = run
    self.fingerprint = fingerprint
  }

  /// E.g. "scenarios/tianjin-2024.yaml seed 2024".
  public var description: String { run.description }
}
