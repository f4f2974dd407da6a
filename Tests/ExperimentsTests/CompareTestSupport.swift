import Results
import SimKernel

@testable import Experiments

/// Builds small results contents in memory for comparison tests.
enum CompareFixture {
  static func metadata(
    seed: UInt64 = 1, horizon: Double = 240, warmup: Double = 48, scheme: String = "ss1", scenario: String = "a: 1\n",
    replications: Int, times: [Double] = [0, 6, 12]
  ) -> RunMetadata {
    RunMetadata(
      softwareVersion: "test", scenarioName: "test", scenarioSHA256: "00", scenarioText: scenario, seed: seed,
      streamScheme: scheme, replications: replications, horizon: horizon, warmup: warmup, timeUnit: "h",
      sampleInterval: 6, sampleTimes: times, fingerprint: "00")
  }

  /// One subsystem `port` with the given KPIs (values per replication, one label) and series.
  static func contents(
    _ kpis: [(name: String, better: Better, values: [Double])], series: [SeriesResults] = [],
    seed: UInt64 = 1, horizon: Double = 240, replications: [Int]? = nil, scenario: String = "a: 1\n",
    subsystem: String = "port", axis: LabelAxis? = nil
  ) -> ResultsContents {
    let n = kpis.first?.values.count ?? 1
    let reps = replications ?? Array(0..<n)
    let kpiResults = kpis.map { k in
      KPIResults(
        info: MetricInfo(name: k.name, longName: k.name, units: "h", better: k.better, axis: axis),
        values: k.values.map { [$0] })
    }
    return ResultsContents(
      formatVersion: 1, metadata: metadata(seed: seed, horizon: horizon, scenario: scenario, replications: reps.count),
      replications: reps, replicationFingerprints: reps.map { _ in 0 }, replicationEvents: reps.map { _ in 0 },
      subsystems: [SubsystemResults(name: subsystem, series: series, kpis: kpiResults, checks: [])])
  }

  static func compare(
    _ a: ResultsContents, _ b: ResultsContents, options: CompareOptions = CompareOptions()
  ) throws -> ResultsComparison {
    try ResultsComparison.compare(a, b, paths: ("a.h5", "b.h5"), options: options)
  }
}
