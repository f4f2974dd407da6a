import Foundation
import Results
import SimKernel

/// Limits that keep a report readable and its file small.
public struct ReportOptions: Sendable, Equatable {
  /// Series and KPIs with a label axis get one chart per label, for the first this many
  /// labels (the KPI table always lists every label).
  public var maxLabelsPerMetric = 6
  /// The same for a sweep's KPI-versus-parameter charts (one chart per KPI and label).
  public var maxLabelsPerSweepKPI = 3
  /// A line with more samples than this is drawn from the means of k consecutive samples
  /// (k the smallest that fits); the band is the interval of those means.
  public var maxPointsPerLine = 250
  /// Confidence level of every interval.
  public var level = 0.95

  public init() {}
}

/// Builds a ``Report`` from results files that have been read: summaries, KPI estimates
/// with Student-t intervals, and the charts.
public enum ReportBuilder {
  /// Builds the report.
  ///
  /// Run files are compared with the first run file (the base); each sweep file gets its
  /// own section. Subsystems missing from some run files are shown for the files that have
  /// them (and noted).
  ///
  /// - Parameters:
  ///   - inputs: the files, in the order the user gave them.
  ///   - inputRows: the input differences of the run files, one value per run file.
  ///   - options: caps and the confidence level.
  /// - Throws: ``ReportError`` when there is nothing to report, the run files have different
  ///   horizons, share no subsystem, give one metric different units, or an input row does
  ///   not have one value per run file.
  public static func build(_ inputs: [ReportInput], inputRows: [ReportInputRow] = [], options: ReportOptions = ReportOptions())
    throws(ReportError) -> Report
  {
    guard !inputs.isEmpty else { throw ReportError("no results files given") }
    var files: [ReportFileSummary] = []
    var runs: [(index: Int, path: String, contents: ResultsContents)] = []
    var sweeps: [(index: Int, path: String, results: SweepResults)] = []
    for input in inputs {
      switch input {
      case let .run(path, contents):
        runs.append((files.count, path, contents))
        files.append(try summary(path: path, contents: contents, colour: runs.count - 1))
      case let .sweep(path, results):
        sweeps.append((files.count, path, results))
        files.append(try summary(path: path, sweep: results))
      }
    }
    for row in inputRows where row.values.count != runs.count {
      throw ReportError("input difference \(row.keyPath) has \(row.values.count) values for \(runs.count) run files")
    }
    try checkHorizons(runs.map { ($0.path, files[$0.index]) })
    var notes: [String] = []
    let subsystems = try runSubsystems(runs.map { ($0.path, $0.contents) }, files: runs.map { files[$0.index] }, options, &notes)
    var sweepSections: [ReportSweepSection] = []
    for (k, sweep) in sweeps.enumerated() {
      sweepSections.append(SweepCharts.section(sweep.results, file: sweep.index, number: k, options))
    }
    let names = files.map(\.scenarioName)
    return Report(
      title: "ChainSim report: " + names.joined(separator: " vs "), files: files, runFiles: runs.map(\.index),
      inputRows: inputRows, inputNote: inputNote(runs.map { files[$0.index] }, rows: inputRows), subsystems: subsystems,
      sweeps: sweepSections, notes: notes)
  }

  /// The input section's text when no rows are given.
  static func inputNote(_ runs: [ReportFileSummary], rows: [ReportInputRow]) -> String {
    guard rows.isEmpty else { return "" }
    guard runs.count > 1 else { return "One run file: nothing to compare." }
    let hashes = runs.map(\.scenarioSHA256)
    if hashes.allSatisfy({ $0 == hashes[0] }) {
      return "All run files have the same resolved scenario (SHA-256 \(hashes[0].prefix(12))…): the inputs are identical."
    }
    let list = runs.map { "\($0.scenarioName) \($0.scenarioSHA256.prefix(12))" }.joined(separator: ", ")
    return "The resolved scenarios differ (\(list)); the key-by-key differences are not listed here (see chainsim compare)."
  }

  // MARK: - Header

  static func summary(path: String, contents: ResultsContents, colour: Int) throws(ReportError) -> ReportFileSummary {
    let m = contents.metadata
    let checks = contents.subsystems.flatMap { s in s.checks.map { (s.name + "." + $0.name, $0.allPassed) } }
    return ReportFileSummary(
      path: path, kind: "run", scenarioName: m.scenarioName, scenarioSHA256: m.scenarioSHA256, softwareVersion: m.softwareVersion,
      seed: m.seed, replications: m.replications, horizonDays: try days(m.horizon, m.timeUnit, path),
      warmupDays: try days(m.warmup, m.timeUnit, path), fingerprint: m.fingerprint,
      checksPassed: checks.filter(\.1).count, failedChecks: checks.filter { !$0.1 }.map(\.0),
      sweepPoints: 0, sweepParameters: [], colour: colour)
  }

  static func summary(path: String, sweep: SweepResults) throws(ReportError) -> ReportFileSummary {
    let m = sweep.metadata
    var passed: [String: Bool] = [:]
    var order: [String] = []
    for cell in sweep.cells.joined().compactMap({ $0 }) {
      for s in cell.subsystems {
        for c in s.checks {
          let key = s.name + "." + c.name
          if passed[key] == nil { order.append(key) }
          passed[key] = (passed[key] ?? true) && c.passed
        }
      }
    }
    let parameters = sweep.parameters.map { p in
      let distinct = p.texts.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      let shown =
        distinct.count > 8
        ? distinct.prefix(8).joined(separator: ", ") + ", … (\(distinct.count) values)" : distinct.joined(separator: ", ")
      return "\(p.name) (\(p.keyPaths.joined(separator: ", "))): \(shown)"
    }
    return ReportFileSummary(
      path: path, kind: "sweep (\(sweep.design))", scenarioName: m.scenarioName, scenarioSHA256: m.scenarioSHA256,
      softwareVersion: m.softwareVersion, seed: m.seed, replications: m.replications,
      horizonDays: try days(m.horizon, m.timeUnit, path), warmupDays: try days(m.warmup, m.timeUnit, path),
      fingerprint: m.fingerprint, checksPassed: order.filter { passed[$0] == true }.count,
      failedChecks: order.filter { passed[$0] == false }, sweepPoints: sweep.points.count,
      sweepParameters: parameters, colour: 0)
  }

  /// `value` in `unit` converted to days.
  static func days(_ value: Double, _ unit: String, _ path: String) throws(ReportError) -> Double {
    switch unit {
    case "d", "day", "days": return value
    case "h", "hour", "hours": return value / 24
    case "min", "minute", "minutes": return value / 1440
    case "s", "second", "seconds": return value / 86400
    case "w", "week", "weeks": return value * 7
    default: throw ReportError("\(path): unknown time unit \(String(reflecting: unit)) (expected d, h, min or s)")
    }
  }

  private static func checkHorizons(_ runs: [(path: String, file: ReportFileSummary)]) throws(ReportError) {
    guard let first = runs.first else { return }
    for run in runs.dropFirst() where abs(run.file.horizonDays - first.file.horizonDays) > 1e-9 * Swift.max(1, first.file.horizonDays) {
      let list = runs.map { "\($0.path) \(ChartNumber.significant($0.file.horizonDays)) d" }.joined(separator: ", ")
      throw ReportError(
        "the run files have different horizons (\(list)), so their series cannot share a time axis; run them with the same --horizon")
    }
  }

  // MARK: - Run files

  private static func runSubsystems(
    _ runs: [(path: String, contents: ResultsContents)], files: [ReportFileSummary], _ options: ReportOptions, _ notes: inout [String]
  ) throws(ReportError) -> [ReportSubsystem] {
    guard !runs.isEmpty else { return [] }
    var names: [String] = []
    for run in runs { for s in run.contents.subsystems where !names.contains(s.name) { names.append(s.name) } }
    let common = names.filter { name in runs.allSatisfy { $0.contents.subsystem(name) != nil } }
    if runs.count > 1, common.isEmpty {
      let list = runs.map { "\($0.path) has \($0.contents.subsystems.map(\.name).joined(separator: ", "))" }.joined(separator: "; ")
      throw ReportError("the run files have no subsystem in common (\(list)), so there is nothing to compare")
    }
    for name in names where !common.contains(name) {
      let have = runs.filter { $0.contents.subsystem(name) != nil }.map(\.path)
      notes.append("subsystem \(name) is only in \(have.joined(separator: ", ")); it is shown for those files alone")
    }
    // Each variant against the first file: paired under common random numbers, as compare does.
    let methods = runs.map { run in
      ComparisonMethod.choose(
        runs[0].contents.metadata, replicationsA: runs[0].contents.replications,
        run.contents.metadata, replicationsB: run.contents.replications
      ).method
    }
    var sections: [ReportSubsystem] = []
    for name in names {
      let members = runs.indices.filter { runs[$0].contents.subsystem(name) != nil }
      let parts = runs.map { $0.contents.subsystem(name) }
      var section = ReportSubsystem(name: name, files: members, kpis: [], charts: [], notes: [])
      section.kpis = try KPITable.rows(name, parts, paths: runs.map(\.path), methods: methods, options)
      section.charts = try TimeSeriesCharts.charts(name, parts, runs.map(\.contents.metadata), files: files, options, &section.notes)
      sections.append(section)
    }
    return sections
  }
}

/// Labels in first-appearance order over several axes.
func unionLabels(_ axes: [LabelAxis?]) -> [String]? {
  guard axes.contains(where: { $0 != nil }) else { return nil }
  var labels: [String] = []
  for axis in axes { for l in axis?.labels ?? [] where !labels.contains(l) { labels.append(l) } }
  return labels
}

/// Names in first-appearance order.
func unionNames(_ lists: [[String]]) -> [String] {
  var names: [String] = []
  for list in lists { for n in list where !names.contains(n) { names.append(n) } }
  return names
}

/// An estimate of the mean of the finite `values`, or nil when there are none.
func estimate(_ values: [Double], level: Double) -> ReportEstimate? {
  let finite = values.filter { !$0.isNaN }
  guard !finite.isEmpty, let ci = try? ConfidenceInterval(samples: finite, level: level) else { return nil }
  return ReportEstimate(mean: ci.mean, halfWidth: ci.halfWidth, count: ci.count)
}

/// The chart point of an estimate at `x`, clipped at the metric's physical lower bound
/// (`valid_min`, e.g. 0 for counts and tonnes): the band, because a Student-t interval around
/// a small mean reaches below what the quantity can take; and the mean, which can fall below
/// the bound only by rounding (a stock of −2e−11 t after summing and subtracting lots), and
/// would otherwise stretch the axis down a whole tick. Every chart builds its points here.
func chartPoint(x: Double, _ e: ReportEstimate?, validMin: Double?) -> ChartPoint {
  guard let e else { return ChartPoint(x: x, y: .nan) }
  let floor = validMin ?? -.infinity
  let mean = Swift.max(e.mean, floor)
  guard e.halfWidth.isFinite else { return ChartPoint(x: x, y: mean) }
  return ChartPoint(x: x, y: mean, lower: Swift.max(e.lower, floor), upper: Swift.max(e.upper, floor))
}

/// A y-axis title from a metric's units (`1`: a count or ratio without unit).
func axisUnits(_ units: String) -> String {
  units == "1" || units.isEmpty ? "value (no unit)" : units
}

/// A chart id: lower-case letters, digits, `-` and `_` only.
func chartID(_ parts: [String]) -> String {
  parts.joined(separator: "-").lowercased().unicodeScalars.map { c -> String in
    (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_" || c == "-" ? String(c) : "-"
  }.joined()
}
