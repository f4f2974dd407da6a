import Experiments
import Results
import SimKernel
import Testing

/// Confidence bands stop at the quantity's physical lower bound, declared with the metric
/// (`valid_min`): a queue of 0, 0 and 6 vessels has a Student-t interval reaching to about
/// −5, but the chart's band stops at 0. A quantity without a bound keeps its whole band.
struct ReportBandFloorTests {
  /// One run: a series and a KPI, per replication 0, 0, 6 at every time (or point).
  static func run(validMin: Double?) -> ResultsContents {
    var contents = ReportBuilderTests.run("base", wait: [0, 0, 6])
    let values: [[Double]] = [0, 0, 6].map { v in Array(repeating: v, count: contents.metadata.sampleTimes.count) }
    contents.subsystems[0].series = [
      SeriesResults(
        info: MetricInfo(name: "vessels_at_anchor", longName: "Vessels at anchor", units: "1", validMin: validMin), values: values)
    ]
    contents.subsystems[0].kpis[0].info.validMin = validMin
    return contents
  }

  @Test func timeSeriesBandsOfANonnegativeMetricNeverGoBelowZero() throws {
    let report = try ReportBuilder.build([.run(path: "a.h5", contents: Self.run(validMin: 0))])
    let points = try #require(report.subsystems.first?.charts.first { $0.id == "ts-port-vessels_at_anchor" }?.series.first?.points)
    #expect(points.count == 5)
    for p in points {
      #expect(p.y == 2, "the mean is not moved")
      #expect(p.lower == 0, "the band stops at 0, not at \(p.lower)")
      #expect(p.upper > 2)
    }
  }

  @Test func roundingBelowTheBoundDoesNotStretchTheAxis() throws {
    // A stock of 0 t that sums and subtracts lots ends at −2e−11 t in one replication.
    var contents = Self.run(validMin: 0)
    contents.subsystems[0].series[0].values = [[-2e-11, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]
    let report = try ReportBuilder.build([.run(path: "a.h5", contents: contents)])
    let points = try #require(report.subsystems.first?.charts.first?.series.first?.points)
    #expect(points[0].y == 0 && points[0].lower == 0, "\(points[0])")
  }

  @Test func aMetricWithoutABoundKeepsItsWholeBand() throws {
    let report = try ReportBuilder.build([.run(path: "a.h5", contents: Self.run(validMin: nil))])
    let points = try #require(report.subsystems.first?.charts.first?.series.first?.points)
    #expect(points.allSatisfy { $0.lower < -4 }, "2 − t(0.975, 2)·√12/√3 ≈ −6.6: \(points.map(\.lower))")
  }

  @Test func sweepErrorBarsOfANonnegativeKPINeverGoBelowZero() throws {
    let run = Self.run(validMin: 0)
    let outputs = run.replicationOutputs()
    let sweep = SweepResults(
      metadata: run.metadata, definitionText: "", sweepSHA256: String(repeating: "e", count: 64), design: "grid",
      parameters: [SweepParameterColumn(name: "berths", keyPaths: ["port.berths"], units: "1", numbers: [4, 5], texts: ["4", "5"])],
      points: [0, 1], pointScenarioSHA256: ["a", "b"], replicationsUsed: [3, 3], cells: [outputs, outputs])
    let report = try ReportBuilder.build([.sweep(path: "s.h5", results: sweep)])
    let chart = try #require(report.sweeps.first?.charts.first { $0.id.hasSuffix("-port-wait") })
    let points = chart.series.flatMap(\.points)
    #expect(points.count == 2)
    #expect(points.allSatisfy { $0.y == 2 && $0.lower == 0 && $0.upper > 2 }, "\(points)")
  }
}
