/// The names DESIGN.md's "Results (HDF5)" layout gives to groups, datasets and attributes.
enum Layout {
  static let format = "chainsim-results"
  /// The layout version this build writes and the newest it reads.
  ///
  /// - 1: coordinate scales (`time`, `replication`, sweep `point`) only at the root.
  /// - 2: every `/timeseries/<subsystem>`, `/summary/<subsystem>`, check group and `/sweep`
  ///   also holds the coordinate scales its datasets are attached to (so xarray's
  ///   `open_dataset(..., group=)` sees them as coordinates); text datasets (`/scenario`,
  ///   label scales, `/sweep/definition`, `/sweep/scenario_sha256`) have `units` = "";
  ///   metrics that cannot go below a bound carry it as `valid_min`. Version 1 files are
  ///   still read (they have no `valid_min`).
  /// - 3: every duration KPI has its mean, p50, p90 and p95 in `/summary/<subsystem>`
  ///   (same datasets otherwise). Versions 1 and 2 files are still read.
  static let formatVersion = 3

  /// The `units` of a text dataset (scenario text, labels, hashes): none, as CF has it.
  static let textUnits = ""

  enum Root {
    static let format = "format"
    static let formatVersion = "format_version"
    static let softwareVersion = "software_version"
    static let scenarioName = "scenario_name"
    static let scenarioSHA256 = "scenario_sha256"
    static let seed = "seed"
    static let streamScheme = "stream_scheme"
    static let replications = "replications"
    static let horizon = "horizon"
    static let warmup = "warmup"
    static let timeUnit = "time_unit"
    static let sampleInterval = "sample_interval"
    static let fingerprint = "fingerprint"
  }

  static let scenario = "scenario"
  static let time = "time"
  static let replication = "replication"
  /// The coordinate scales a group may hold (`point` in sweep files): no metric or label
  /// axis may take these names.
  static let coordinateNames: Set<String> = [time, replication, "point"]
  static let replicationFingerprint = "replication_fingerprint"
  static let replicationEvents = "replication_events"
  static let timeseries = "timeseries"
  static let summary = "summary"
  static let checks = "checks"

  enum Check {
    static let entered = "entered"
    static let left = "left"
    static let remained = "remained"
    static let passed = "passed"
  }

  enum Attribute {
    static let units = "units"
    static let longName = "long_name"
    static let better = "better"
    static let passed = "passed"
    /// On time series: the end of the warm-up (in the time unit); earlier samples are warm-up.
    static let warmupEnd = "warmup_end"
    /// On metrics: the smallest value the quantity can take (CF `valid_min`), e.g. 0 for
    /// counts, tonnes and durations; absent when the quantity has no lower bound.
    static let validMin = "valid_min"
  }

  /// Whether `name` is an ASCII snake_case identifier (`[a-z][a-z0-9_]*`), as every group,
  /// metric, check and axis name must be.
  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
      return false
    }
    return name.utf8.allSatisfy {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        || $0 == UInt8(ascii: "_")
    }
  }
}
