import SimKernel

/// The KPIs of one subsystem's output, in the order they are added.
///
/// Every KPI is a count, amount, duration, rate or share (never negative: `validMin` 0)
/// unless its ``add(_:_:_:_:_:_:validMin:)`` says otherwise. A duration gives its mean, p50,
/// p90 and p95 in every model (``duration(_:_:_:_:suffix:names:longNames:)``).
struct KPIList {
  /// The KPIs added so far.
  private(set) var outputs: [KPIOutput] = []

  /// Adds a KPI with one value per label of `axis` (one value without an axis).
  /// - Parameters:
  ///   - name: its ASCII snake_case identifier.
  ///   - long: its human name (`long_name`).
  ///   - units: its units (`units`).
  ///   - better: which direction is an improvement.
  ///   - values: one value per label.
  ///   - axis: its label breakdown, or nil for a scalar.
  ///   - validMin: the smallest value it can take: 0 (the default), or nil for a quantity that
  ///     may be negative (a gap to a target).
  mutating func add(
    _ name: String, _ long: String, _ units: String, _ better: Better, _ values: [Double], _ axis: LabelAxis? = nil,
    validMin: Double? = 0
  ) {
    outputs.append(
      KPIOutput(
        info: MetricInfo(name: name, longName: long, units: units, better: better, axis: axis, validMin: validMin),
        values: values))
  }

  /// The statistics every duration KPI gives, in the order they are added.
  /// The raw value is the statistic's part of a KPI name.
  enum DurationStatistic: String {
    case mean, p50, p90, p95

    /// The human name of the statistic of `what`.
    func longName(of what: String) -> String {
      switch self {
      case .mean: "Mean \(what)"
      case .p50: "Median \(what)"
      case .p90: "90th percentile of \(what)"
      case .p95: "95th percentile of \(what)"
      }
    }
  }

  /// Adds a duration as four KPIs, its mean, p50, p90 and p95, with one value per tally
  /// (per label of `axis`), named `<base>_mean<suffix>`, `<base>_p50<suffix>`, ... A tally
  /// without observations gives NaN.
  ///
  /// Percentiles interpolate between order statistics as ``Tally/percentile(_:)`` does.
  /// - Parameters:
  ///   - base: the names' stem (`wait_for_berth`).
  ///   - what: what is measured, for the human names: `Mean <what>`, `Median <what>`,
  ///     `90th percentile of <what>` (`wait for a berth`).
  ///   - tallies: one per label, each keeping its samples (for the percentiles).
  ///   - axis: the label breakdown, or nil for one tally.
  ///   - suffix: what follows the statistic in the names (`_by_destination`, `_total`).
  ///   - names: names that predate this rule, kept by statistic (`wait_for_berth_by_terminal`
  ///     for the mean by terminal), so that results keep their datasets.
  ///   - longNames: human names that predate this rule, kept by statistic.
  mutating func duration(
    _ base: String, _ what: String, _ tallies: [Tally], _ axis: LabelAxis? = nil, suffix: String = "",
    names: [DurationStatistic: String] = [:], longNames: [DurationStatistic: String] = [:]
  ) {
    precondition(tallies.allSatisfy(\.keepsSamples), "\(base): a duration's tallies keep their samples (for its percentiles)")
    let percentiles = tallies.map { $0.percentiles([0.5, 0.9, 0.95]) }
    let columns: [(DurationStatistic, [Double])] = [
      (.mean, tallies.map(\.mean)), (.p50, percentiles.map { $0[0] }), (.p90, percentiles.map { $0[1] }), (.p95, percentiles.map { $0[2] }),
    ]
    for (statistic, values) in columns {
      add(
        names[statistic] ?? "\(base)_\(statistic.rawValue)\(suffix)", longNames[statistic] ?? statistic.longName(of: what),
        "h", .lower, values, axis)
    }
  }
}
