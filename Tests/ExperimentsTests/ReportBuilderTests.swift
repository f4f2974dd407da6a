import Experiments
import Foundation
import Results
import SimKernel
import Testing

/// The report model: KPI estimates with Student-t intervals, compare's differences and the
/// "intervals disjoint" mark, charts per series and label (capped), refusals with reasons,
/// and an HTML page with one `<svg>` per chart and no scripts.
struct ReportBuilderTests {
  static let terminals = LabelAxis(name: "terminal", labels: ["A", "B", "C"])

  /// A run with one subsystem: a KPI `wait` (values per replication given), a labelled KPI,
  /// a plain series and a labelled series over 5 sample times (hours).
  static func run(_ name: String, wait: [Double], horizon: Double = 96, subsystem: String = "port", shift: Double = 0) -> ResultsContents {
    let times: [Double] = [0, 24, 48, 72, 96]
    let meta = RunMetadata(
      softwareVersion: "t", scenarioName: name, scenarioSHA256: String(repeating: name == "base" ? "a" : "b", count: 64),
      scenarioText: "", seed: 1, streamScheme: "s", replications: wait.count, horizon: horizon, warmup: 24, timeUnit: "h",
      sampleInterval: 24, sampleTimes: times, fingerprint: "f")
    let series = SeriesResults(
      info: MetricInfo(name: "queue", longName: "Queue", units: "1"),
      values: wait.indices.map { r in times.indices.map { t in t == 2 ? .nan : Double(r + t) + shift } })
    let labelled = SeriesResults(
      info: MetricInfo(name: "busy", longName: "Busy", units: "1", axis: terminals),
      values: wait.indices.map { r in times.indices.flatMap { t in (0..<3).map { Double(r + t + $0) } } })
    let kpi = KPIResults(info: MetricInfo(name: "wait", longName: "Mean wait", units: "h", better: .lower), values: wait.map { [$0] })
    let util = KPIResults(
      info: MetricInfo(name: "util", longName: "Utilisation", units: "1", better: .higher, axis: terminals),
      values: wait.map { [$0, $0 / 2, .nan] })
    let check = CheckResults(
      name: "balance", longName: "vessels", units: "1", entered: wait.map { _ in 1 }, left: wait.map { _ in 1 },
      remained: wait.map { _ in 0 }, passed: wait.map { _ in true })
    return ResultsContents(
      formatVersion: 1, metadata: meta, replications: Array(wait.indices), replicationFingerprints: wait.map { _ in 0 },
      replicationEvents: wait.map { _ in 0 },
      subsystems: [SubsystemResults(name: subsystem, series: [series, labelled], kpis: [kpi, util], checks: [check])])
  }

  @Test func longSeriesAreDrawnFromBlockMeans() throws {
    // Four samples a day alternating 0 and 10 for 100 days, at most 50 points per line: each
    // point is the mean of 8 consecutive samples (5), not every 8th sample (always 0).
    var base = Self.run("base", wait: [1, 2, 3])
    let times = (0..<400).map { Double($0) * 6 }
    base.metadata.sampleTimes = times
    base.metadata.sampleInterval = 6
    base.metadata.horizon = 2_400
    base.subsystems[0].series = [
      SeriesResults(
        info: MetricInfo(name: "queue", longName: "Queue", units: "1"),
        values: (0..<3).map { r in times.indices.map { $0 % 2 == 0 ? 0 : 10 + Double(r) } })
    ]
    var options = ReportOptions()
    options.maxPointsPerLine = 50
    let report = try ReportBuilder.build([.run(path: "a.h5", contents: base)], inputRows: [], options: options)
    let line = try #require(report.subsystems.first?.charts.first?.series.first)
    #expect(line.points.count == 50)
    for p in line.points { #expect(abs(p.y - 5.5) < 1e-12) }
    #expect(abs(line.points[0].x - 21.0 / 24) < 1e-12, "the block's mean time, in days")
  }

  @Test func estimatesDifferencesAndCharts() throws {
    let base = Self.run("base", wait: [1, 2, 3]), variant = Self.run("variant", wait: [11, 12, 13], shift: 5)
    let report = try ReportBuilder.build([.run(path: "b.h5", contents: base), .run(path: "v.h5", contents: variant)])
    #expect(report.files.map(\.scenarioName) == ["base", "variant"])
    #expect(report.files[0].horizonDays == 4 && report.files[0].warmupDays == 1, "hours are shown as days")
    #expect(report.files[0].checksPassed == 1 && report.files[0].failedChecks.isEmpty)
    let port = try #require(report.subsystems.first)
    #expect(port.kpis.map { $0.kpi + ($0.label ?? "") } == ["wait", "utilA", "utilB", "utilC"])
    let wait = port.kpis[0]
    let e = try #require(wait.estimates[0])
    #expect(e.mean == 2 && e.count == 3)
    #expect(abs(e.halfWidth - 4.302652729911275 / 3.0.squareRoot()) < 1e-9, "Student t with 2 degrees of freedom")
    let d = try #require(wait.differences[0])
    #expect(d.difference == 10 && d.intervalsDisjoint && d.verdict == .worse, "a longer wait is worse")
    // Same seed, replications and stream scheme: paired, and a constant shift has no spread.
    #expect(d.halfWidth == 0)
    #expect(port.kpis[3].estimates == [nil, nil], "an all-NaN label has no estimate")

    // One chart per series and label, two lines each, a gap at the NaN sample, x in days.
    #expect(port.charts.map(\.id) == ["ts-port-queue", "ts-port-busy-0", "ts-port-busy-1", "ts-port-busy-2"])
    let queue = port.charts[0]
    #expect(queue.series.count == 2 && queue.series.map(\.colour) == [0, 1])
    #expect(queue.series[0].points.map(\.x) == [0, 1, 2, 3, 4])
    #expect(queue.series[0].points[2].y.isNaN)
    #expect(queue.series[0].points[0].y == 1 && queue.series[1].points[0].y == 6)
    #expect(queue.shadedX == 0...1)
    #expect(report.inputNote.contains("differ"))

    let html = HTMLReport.render(report)
    #expect(html.components(separatedBy: "<svg ").count - 1 == report.allCharts.count)
    #expect(!html.contains("<script"))
    #expect(html.contains("+10.00 ± ") && html.contains("≠"), "the variant's difference is marked")
    #expect(HTMLReport.render(report) == html, "the same report gives the same bytes")
  }

  @Test func labelCapAndInputRows() throws {
    var options = ReportOptions()
    options.maxLabelsPerMetric = 2
    let rows = [ReportInputRow(keyPath: "port.berths", values: ["4", "5"])]
    let report = try ReportBuilder.build(
      [.run(path: "b.h5", contents: Self.run("base", wait: [1, 2])), .run(path: "v.h5", contents: Self.run("variant", wait: [1, 2]))],
      inputRows: rows, options: options)
    #expect(report.subsystems[0].charts.count == 1 + 2)
    #expect(report.subsystems[0].notes.contains { $0.contains("first 2 labels of busy") })
    let html = HTMLReport.render(report)
    #expect(html.contains("port.berths") && html.contains("<td>5</td>"))
  }

  @Test func refusals() {
    let base = Self.run("base", wait: [1, 2])
    let horizons = #expect(throws: ReportError.self) {
      try ReportBuilder.build([.run(path: "b.h5", contents: base), .run(path: "v.h5", contents: Self.run("v", wait: [1, 2], horizon: 48))])
    }
    #expect(horizons?.message.contains("different horizons (b.h5 4.000 d, v.h5 2.000 d)") == true, "\(horizons?.message ?? "")")
    #expect(horizons?.exitCode == 2)
    let disjoint = #expect(throws: ReportError.self) {
      try ReportBuilder.build([
        .run(path: "b.h5", contents: base), .run(path: "r.h5", contents: Self.run("v", wait: [1, 2], subsystem: "rail")),
      ])
    }
    #expect(disjoint?.message.contains("no subsystem in common") == true)
    #expect(throws: ReportError.self) { try ReportBuilder.build([]) }
    #expect(throws: ReportError.self) {
      try ReportBuilder.build([.run(path: "b.h5", contents: base)], inputRows: [ReportInputRow(keyPath: "k", values: ["1", "2"])])
    }
  }
}
