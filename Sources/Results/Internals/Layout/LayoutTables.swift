import SimKernel

/// The leading axes of every dataset in a ChainSim file: the index axes (`replication` in a
/// run file, `point, replication` in a sweep file), then `time` on series, then a series'
/// or KPI's own label axis.
struct LeadingAxes {
  /// One index axis: its scale's name, values and long name.
  struct Index {
    let name: String
    let values: [Int64]
    let longName: String
  }

  /// The index axes, outermost first.
  let indices: [Index]
  /// The sample times (the `time` axis of series).
  let times: [Double]
  let timeUnit: String

  /// The shape of the index axes, e.g. `[points, slots]`.
  var shape: [Int] { indices.map(\.values.count) }
  /// The number of cells over the index axes (one replication's worth of data each).
  var cells: Int { shape.reduce(1, *) }

  /// A run file's axes: `replication` (with the replications' own indices).
  static func run(replications: [Int], _ meta: RunMetadata) -> LeadingAxes {
    LeadingAxes(
      indices: [Index(name: Layout.replication, values: replications.map { Int64($0) }, longName: "replication index")],
      times: meta.sampleTimes, timeUnit: meta.timeUnit)
  }

  /// A sweep file's axes: `point`, then `replication` slots `0..<meta.replications`.
  static func sweep(points: [Int], _ meta: RunMetadata) -> LeadingAxes {
    LeadingAxes(
      indices: [
        Index(name: SweepLayout.point, values: points.map { Int64($0) }, longName: "sweep point index (parameters in /sweep)"),
        Index(name: Layout.replication, values: (0..<meta.replications).map { Int64($0) }, longName: "replication index"),
      ],
      times: meta.sampleTimes, timeUnit: meta.timeUnit)
  }
}

/// One subsystem's data as the file holds it: every array flat in row-major order over the
/// index axes (then time, then label for series; then label for KPIs).
struct LayoutSubsystem {
  struct Metric {
    let info: MetricInfo
    let values: [Double]
  }

  struct Check {
    let name: String
    let longName: String
    let units: String
    let entered: [Double]
    let left: [Double]
    let remained: [Double]
    let passed: [Bool]
  }

  let name: String
  let series: [Metric]
  let kpis: [Metric]
  let checks: [Check]
}

/// What a file adds to the long names of its per-replication tables where a cell may be
/// unused (sweep slots after a point's `replications_used`).
struct UnusedCellNotes {
  /// For the fingerprint and event counts, e.g. ` (0: slot unused)`.
  let counts: String
  /// For a check's `passed`, e.g. ` (true in unused slots)`.
  let passed: String

  /// Run files: every cell is used.
  static let none = UnusedCellNotes(counts: "", passed: "")
  /// Sweep files.
  static let sweepSlots = UnusedCellNotes(counts: " (0: slot unused)", passed: " (true in unused slots)")
}
