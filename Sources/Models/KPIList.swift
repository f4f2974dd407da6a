import SimKernel

/// The KPIs of one subsystem's output, in the order they are added.
///
/// Every KPI is a count, amount, duration, rate or share (never negative: `validMin` 0)
/// unless its ``add(_:_:_:_:_:_:validMin:)`` says otherwise.
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
    outputs.append(KPIOutput(
      info: MetricInfo(name: name, longName: long, units: units, better: better, axis: axis, validMin: validMin),
      values: values))
  }
}
