/// One time series of one replication: `values[t * width + label]` at each sample time.
public struct SeriesOutput: Sendable, Equatable {
  public var info: MetricInfo
  /// Row-major `[time][label]` values; `count == sampleTimes.count * info.width`.
  public var values: [Double]
  public init(info: MetricInfo, values: [Double]) {
    self.info = info
    self.values = values
  }
}

/// One KPI of one replication: `values[label]` (one value when the KPI has no axis).
public struct KPIOutput: Sendable, Equatable {
  public var info: MetricInfo
  public var values: [Double]
  public init(info: MetricInfo, values: [Double]) {
    self.info = info
    self.values = values
  }
}

/// The result of a flow-balance invariant: everything that entered has left or remains.
public struct CheckOutput: Sendable, Equatable {
  /// ASCII snake_case identifier, e.g. `vessel_balance`.
  public var name: String
  /// What is counted, e.g. `vessels`.
  public var longName: String
  public var units: String
  public var entered: Double
  public var left: Double
  public var remained: Double
  /// Whether `entered == left + remained` (within a relative tolerance for tonnes).
  public var passed: Bool
  public init(name: String, longName: String, units: String, entered: Double, left: Double, remained: Double, tolerance: Double = 0) {
    self.name = name
    self.longName = longName
    self.units = units
    self.entered = entered
    self.left = left
    self.remained = remained
    let scale = Swift.max(1, abs(entered))
    self.passed =
      abs(entered - left - remained) <= tolerance * scale
      && entered.isFinite && left.isFinite && remained.isFinite && remained >= 0 && left >= 0
  }
}

/// Everything one subsystem produced in one replication.
public struct SubsystemOutput: Sendable, Equatable {
  /// ASCII name of the subsystem: `port`, `rail`, `ring`, `recycling`.
  public var name: String
  public var series: [SeriesOutput]
  public var kpis: [KPIOutput]
  public var checks: [CheckOutput]
  public init(name: String, series: [SeriesOutput] = [], kpis: [KPIOutput] = [], checks: [CheckOutput] = []) {
    self.name = name
    self.series = series
    self.kpis = kpis
    self.checks = checks
  }
}

/// Everything one replication produced: the results of every subsystem, in a fixed order.
public struct ReplicationOutput: Sendable, Equatable {
  /// The replication index, from 0.
  public var replication: Int
  /// The event-trajectory fingerprint of this replication.
  public var fingerprint: UInt64
  /// Number of events executed.
  public var events: Int
  public var subsystems: [SubsystemOutput]
  public init(replication: Int, fingerprint: UInt64, events: Int, subsystems: [SubsystemOutput]) {
    self.replication = replication
    self.fingerprint = fingerprint
    self.events = events
    self.subsystems = subsystems
  }
}
