import SimKernel

/// The time series of one subsystem, registered with the run's sampler: each is a probe
/// that reads the current value of a label when a sample is taken.
struct SeriesList {
  let sampler: Sampler
  let subsystem: Subsystem

  /// Registers a series.
  /// - Parameters:
  ///   - name: its ASCII snake_case identifier.
  ///   - long: its human name (`long_name`).
  ///   - units: its units (`units`).
  ///   - axis: its label breakdown, or nil for one value per sample.
  ///   - validMin: the smallest value it can take: 0 (the default: levels, cumulative counts
  ///     and amounts) or nil for a quantity that may be negative (a temperature in °C).
  ///   - read: the current value of a label index (0 without an axis).
  func add(
    _ name: String, _ long: String, _ units: String, _ axis: LabelAxis? = nil, validMin: Double? = 0,
    _ read: @escaping (Int) -> Double
  ) {
    sampler.register(
      subsystem: subsystem.name,
      MetricInfo(name: name, longName: long, units: units, axis: axis, validMin: validMin), read: read)
  }
}
