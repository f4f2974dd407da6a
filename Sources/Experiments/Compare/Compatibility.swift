import Results
import SimKernel

/// Whether two results files measure the same things over the same time, so that their KPIs
/// and series can be compared value by value.
enum ComparisonCompatibility {
  /// Throws ``CompareError`` (input) naming both files and the first thing that differs.
  /// With a non-empty `only`, just those subsystems must be present and alike in both files.
  static func check(_ a: ResultsContents, _ b: ResultsContents, paths: (String, String), only: [String] = []) throws(CompareError) {
    let (pa, pb) = paths
    func fail(_ what: String) -> CompareError { .incompatible(pa, pb, what) }
    let ma = a.metadata, mb = b.metadata
    if ma.timeUnit != mb.timeUnit {
      throw fail("time units differ (\(pa): \(ma.timeUnit), \(pb): \(mb.timeUnit))")
    }
    let unit = ma.timeUnit
    if ma.horizon != mb.horizon {
      throw fail(
        "horizons differ (\(pa): \(number(ma.horizon)) \(unit), \(pb): \(number(mb.horizon)) \(unit)); rerun one with the other's --horizon"
      )
    }
    if ma.warmup != mb.warmup {
      throw fail(
        "warm-up periods differ (\(pa): \(number(ma.warmup)) \(unit), \(pb): \(number(mb.warmup)) \(unit)), so the KPIs cover different windows"
      )
    }
    if ma.sampleInterval != mb.sampleInterval {
      throw fail("sample intervals differ (\(pa): \(number(ma.sampleInterval)) \(unit), \(pb): \(number(mb.sampleInterval)) \(unit))")
    }
    if ma.sampleTimes != mb.sampleTimes {
      throw fail("sample times differ (\(pa): \(ma.sampleTimes.count) times, \(pb): \(mb.sampleTimes.count) times)")
    }
    let names = (a.subsystems.map(\.name), b.subsystems.map(\.name))
    for name in only where !names.0.contains(name) || !names.1.contains(name) {
      let missing = names.0.contains(name) ? pb : pa
      throw CompareError(
        .input, "--subsystem \(name): \(missing) has no such subsystem (it has \(list(missing == pa ? names.0 : names.1)))")
    }
    if only.isEmpty, Set(names.0) != Set(names.1) {
      throw fail("subsystems differ (\(pa): \(list(names.0)), \(pb): \(list(names.1))); switch the same subsystems on in both runs")
    }
    for sa in a.subsystems where only.isEmpty || only.contains(sa.name) {
      guard let sb = b.subsystem(sa.name) else { continue }
      try checkMetrics("KPIs", sa.name, sa.kpis.map(\.info), sb.kpis.map(\.info), paths, fail)
      try checkMetrics("time series", sa.name, sa.series.map(\.info), sb.series.map(\.info), paths, fail)
    }
  }

  private static func checkMetrics(
    _ kind: String, _ subsystem: String, _ a: [MetricInfo], _ b: [MetricInfo], _ paths: (String, String), _ fail: (String) -> CompareError
  ) throws(CompareError) {
    let onlyA = a.map(\.name).filter { n in !b.contains { $0.name == n } }
    let onlyB = b.map(\.name).filter { n in !a.contains { $0.name == n } }
    if !onlyA.isEmpty || !onlyB.isEmpty {
      var parts: [String] = []
      if !onlyA.isEmpty { parts.append("only in \(paths.0): \(list(onlyA))") }
      if !onlyB.isEmpty { parts.append("only in \(paths.1): \(list(onlyB))") }
      throw fail("the \(subsystem) \(kind) differ (\(parts.joined(separator: "; ")))")
    }
    for ia in a {
      guard let ib = b.first(where: { $0.name == ia.name }) else { continue }
      // Labels may differ (a variant adds a hub or a fleet): they are matched by name, and a
      // label in one file only is shown without a verdict. The breakdown itself must agree.
      if ia.axis?.name != ib.axis?.name {
        throw fail(
          "\(subsystem).\(ia.name) is broken down differently (\(paths.0): \(axisText(ia.axis)); \(paths.1): \(axisText(ib.axis)))")
      }
    }
  }

  /// The labels of two metrics matched by name: A's labels in A's order, then B's own; the
  /// column of each in A and in B (nil: not in that file). Unlabelled metrics give one pair.
  static func labelPairs(_ a: MetricInfo, _ b: MetricInfo) -> [(label: String?, a: Int?, b: Int?)] {
    guard let la = a.axis?.labels, let lb = b.axis?.labels else { return [(nil, 0, 0)] }
    var pairs = la.enumerated().map { i, name in (label: Optional(name), a: Optional(i), b: lb.firstIndex(of: name)) }
    for (j, name) in lb.enumerated() where !la.contains(name) { pairs.append((name, nil, j)) }
    return pairs
  }

  static func axisText(_ axis: LabelAxis?) -> String {
    guard let axis else { return "no breakdown" }
    return "\(axis.name) = [\(axis.labels.joined(separator: ", "))]"
  }

  static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }

  static func number(_ x: Double) -> String {
    x == x.rounded() && Swift.abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
