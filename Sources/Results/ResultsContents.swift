import SimKernel

/// Everything a ChainSim results file holds, arranged per subsystem with a leading
/// replication axis, as ``ResultsFile/read(path:)`` returns it.
public struct ResultsContents: Sendable, Equatable {
  /// The layout version the file was written with (the `format_version` attribute).
  public var formatVersion: Int
  /// The root attributes, `/scenario` and `/time`.
  public var metadata: RunMetadata
  /// Replication indices in file order (the `/replication` scale), ascending.
  public var replications: [Int]
  /// Each replication's trajectory fingerprint, aligned with ``replications``.
  public var replicationFingerprints: [UInt64]
  /// Each replication's number of executed events, aligned with ``replications``.
  public var replicationEvents: [Int]
  /// The subsystems, in the order they were written.
  public var subsystems: [SubsystemResults]
  /// Entity traces written under `/traces` (empty unless a run asked for them; not read back).
  public var traces: [TraceTable] = []

  public init(
    formatVersion: Int, metadata: RunMetadata, replications: [Int], replicationFingerprints: [UInt64],
    replicationEvents: [Int], subsystems: [SubsystemResults]
  ) {
    self.formatVersion = formatVersion
    self.metadata = metadata
    self.replications = replications
    self.replicationFingerprints = replicationFingerprints
    self.replicationEvents = replicationEvents
    self.subsystems = subsystems
  }

  /// The subsystem called `name`, if the file has it.
  public func subsystem(_ name: String) -> SubsystemResults? {
    subsystems.first { $0.name == name }
  }

  /// The per-replication outputs the file was written from, in replication order: the
  /// inverse of ``ResultsWriter/write(metadata:replications:to:)``.
  public func replicationOutputs() -> [ReplicationOutput] {
    replications.indices.map { row in
      ReplicationOutput(
        replication: replications[row],
        fingerprint: replicationFingerprints[row],
        events: replicationEvents[row],
        subsystems: subsystems.map { $0.output(row: row) })
    }
  }
}

/// One subsystem's series, KPIs and checks across all replications.
public struct SubsystemResults: Sendable, Equatable {
  /// ASCII name of the subsystem, e.g. `port`.
  public var name: String
  public var series: [SeriesResults]
  public var kpis: [KPIResults]
  public var checks: [CheckResults]

  public init(name: String, series: [SeriesResults], kpis: [KPIResults], checks: [CheckResults]) {
    self.name = name
    self.series = series
    self.kpis = kpis
    self.checks = checks
  }

  /// This subsystem's output in replication row `row` of the file.
  func output(row: Int) -> SubsystemOutput {
    SubsystemOutput(
      name: name,
      series: series.map { SeriesOutput(info: $0.info, values: $0.values[row]) },
      kpis: kpis.map { KPIOutput(info: $0.info, values: $0.values[row]) },
      checks: checks.map { $0.output(row: row) })
  }
}

/// One time series across replications: `values[replication row][t * width + label]`.
public struct SeriesResults: Sendable, Equatable {
  public var info: MetricInfo
  public var values: [[Double]]
  public init(info: MetricInfo, values: [[Double]]) {
    self.info = info
    self.values = values
  }
}

/// One KPI across replications: `values[replication row][label]`.
public struct KPIResults: Sendable, Equatable {
  public var info: MetricInfo
  public var values: [[Double]]
  public init(info: MetricInfo, values: [[Double]]) {
    self.info = info
    self.values = values
  }
}

/// One flow-balance invariant across replications, aligned with the replication rows.
public struct CheckResults: Sendable, Equatable {
  public var name: String
  public var longName: String
  public var units: String
  public var entered: [Double]
  public var left: [Double]
  public var remained: [Double]
  public var passed: [Bool]

  public init(
    name: String, longName: String, units: String, entered: [Double], left: [Double], remained: [Double],
    passed: [Bool]
  ) {
    self.name = name
    self.longName = longName
    self.units = units
    self.entered = entered
    self.left = left
    self.remained = remained
    self.passed = passed
  }

  /// Whether the check passed in every replication (the `passed` attribute).
  public var allPassed: Bool { !passed.contains(false) }

  /// The check's result in replication row `row`, with the stored verdict.
  func output(row: Int) -> CheckOutput {
    var check = CheckOutput(
      name: name, longName: longName, units: units, entered: entered[row], left: left[row],
      remained: remained[row])
    check.passed = passed[row]
    return check
  }
}
