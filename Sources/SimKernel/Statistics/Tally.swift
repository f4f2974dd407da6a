/// Running statistics of a series of observations (durations, sizes, KPI samples).
///
/// Count, sum, mean and variance are updated in O(1) per observation with Welford's
/// algorithm (Welford 1962), which stays accurate when the mean is large compared with the
/// spread. With ``keepsSamples`` the observations are also kept (amortised array growth
/// only) so that exact ``percentile(_:)``s can be computed at the end of a run.
///
/// Conventions for too few observations: with no observations ``mean``, ``min`` and ``max``
/// are `NaN`; with fewer than two observations ``variance`` and ``sd`` are `NaN` (the sample
/// variance is undefined). Inputs are expected to be finite.
public struct Tally: Sendable, Equatable {
  /// Whether observations are retained for ``percentile(_:)``.
  public let keepsSamples: Bool
  /// The number of observations.
  public var count: Int { _count }
  /// The sum of the observations.
  public var sum: Double { _sum }
  /// The retained observations in arrival order (empty unless ``keepsSamples``).
  public var samples: [Double] { _samples }

  @usableFromInline var _count: Int = 0
  @usableFromInline var _sum: Double = 0
  @usableFromInline var _samples: [Double] = []

  @usableFromInline var _mean: Double = 0
  @usableFromInline var _m2: Double = 0
  @usableFromInline var _min: Double = .infinity
  @usableFromInline var _max: Double = -.infinity

  /// Creates an empty tally.
  /// - Parameters:
  ///   - keepsSamples: keep every observation, for exact percentiles.
  ///   - reservingCapacity: an expected number of observations, to avoid regrowth.
  public init(keepsSamples: Bool = false, reservingCapacity: Int = 0) {
    self.keepsSamples = keepsSamples
    if keepsSamples && reservingCapacity > 0 { _samples.reserveCapacity(reservingCapacity) }
  }

  /// Creates a tally holding the given observations.
  public init<S: Sequence>(_ values: S, keepsSamples: Bool = false) where S.Element == Double {
    self.init(keepsSamples: keepsSamples, reservingCapacity: values.underestimatedCount)
    for v in values { add(v) }
  }

  /// Records one observation.
  /// - Complexity: O(1), amortised when samples are kept.
  @inlinable public mutating func add(_ x: Double) {
    _count += 1
    _sum += x
    let delta = x - _mean
    _mean += delta / Double(_count)
    _m2 += delta * (x - _mean)
    if x < _min { _min = x }
    if x > _max { _max = x }
    if keepsSamples { _samples.append(x) }
  }

  /// The arithmetic mean, or `NaN` with no observations.
  public var mean: Double { count > 0 ? _mean : .nan }

  /// The sample variance (divisor `count − 1`), or `NaN` with fewer than two observations.
  /// Exactly zero when all observations are equal.
  public var variance: Double { count > 1 ? Swift.max(0, _m2 / Double(count - 1)) : .nan }

  /// The population variance (divisor `count`), or `NaN` with no observations.
  public var populationVariance: Double { count > 0 ? Swift.max(0, _m2 / Double(count)) : .nan }

  /// The sample standard deviation, `√variance` (`NaN` with fewer than two observations).
  public var sd: Double { variance.squareRoot() }

  /// The smallest observation, or `NaN` with none.
  public var min: Double { count > 0 ? _min : .nan }

  /// The largest observation, or `NaN` with none.
  public var max: Double { count > 0 ? _max : .nan }

  /// The `p`-quantile of the retained observations, `p` in `0...1` (clamped), interpolated
  /// linearly between order statistics exactly as `gsl_stats_quantile_from_sorted_data`
  /// (position `(n − 1)·p` in the sorted data; numpy's default "linear" method).
  ///
  /// Returns `NaN` when no samples are retained (no observations, or `keepsSamples` false).
  /// - Complexity: O(n log n): sorts a copy. Use ``percentiles(_:)`` for several at once.
  public func percentile(_ p: Double) -> Double {
    guard !samples.isEmpty else { return .nan }
    return Tally.quantile(sorted: samples.sorted(), p)
  }

  /// Several quantiles at once (one sort); see ``percentile(_:)``.
  public func percentiles(_ ps: [Double]) -> [Double] {
    guard !samples.isEmpty else { return ps.map { _ in .nan } }
    let sorted = samples.sorted()
    return ps.map { Tally.quantile(sorted: sorted, $0) }
  }

  /// Forgets every observation (for warm-up deletion), keeping the sample buffer's capacity.
  public mutating func reset() {
    _count = 0
    _sum = 0
    _mean = 0
    _m2 = 0
    _min = .infinity
    _max = -.infinity
    _samples.removeAll(keepingCapacity: true)
  }

  /// The `p`-quantile of ascending `sorted` data, as `gsl_stats_quantile_from_sorted_data`
  /// (`p` clamped to `0...1`); `NaN` for empty data.
  public static func quantile(sorted: [Double], _ p: Double) -> Double {
    let n = sorted.count
    guard n > 0, !p.isNaN else { return .nan }
    let f = Swift.min(1, Swift.max(0, p))
    let index = f * Double(n - 1)
    let lhs = Int(index.rounded(.down))
    let delta = index - Double(lhs)
    if lhs >= n - 1 { return sorted[n - 1] }
    return (1 - delta) * sorted[lhs] + delta * sorted[lhs + 1]
  }
}
