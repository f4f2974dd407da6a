/// What identifies a run: the root attributes of a results file and the `/scenario` text.
public struct RunMetadata: Sendable, Equatable {
  public var softwareVersion: String
  public var scenarioName: String
  /// SHA-256 (hex) of the resolved scenario in canonical form.
  public var scenarioSHA256: String
  /// The resolved scenario, as YAML text.
  public var scenarioText: String
  public var seed: UInt64
  public var streamScheme: String
  public var replications: Int
  /// Horizon and warm-up, in `timeUnit`.
  public var horizon: Double
  public var warmup: Double
  public var timeUnit: String
  /// The sampler's interval, in `timeUnit`.
  public var sampleInterval: Double
  /// Sample times, in `timeUnit` (the `/time` scale).
  public var sampleTimes: [Double]
  /// The run's fingerprint: a hash over every replication's trajectory fingerprint, in index order (hex).
  public var fingerprint: String

  public init(
    softwareVersion: String, scenarioName: String, scenarioSHA256: String, scenarioText: String,
    seed: UInt64, streamScheme: String, replications: Int, horizon: Double, warmup: Double,
    timeUnit: String, sampleInterval: Double, sampleTimes: [Double], fingerprint: String
  ) {
    self.softwareVersion = softwareVersion
    self.scenarioName = scenarioName
    self.scenarioSHA256 = scenarioSHA256
    self.scenarioText = scenarioText
    self.seed = seed
    self.streamScheme = streamScheme
    self.replications = replications
    self.horizon = horizon
    self.warmup = warmup
    self.timeUnit = timeUnit
    self.sampleInterval = sampleInterval
    self.sampleTimes = sampleTimes
    self.fingerprint = fingerprint
  }
}
