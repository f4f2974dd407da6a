/// A Student-t confidence interval for a mean, from independent observations (one KPI over
/// replications).
///
/// `halfWidth = t_{(1+level)/2, n−1} · sd / √n`.
///
/// **Fewer than two observations:** the half-width is `+∞` (nothing is known about the
/// spread, so the interval is the whole line), never `NaN`. With no observations the mean is
/// `NaN` as well. When all observations are equal (and n ≥ 2) the half-width is exactly 0.
public struct ConfidenceInterval: Sendable, Equatable {
  /// The sample mean.
  public let mean: Double
  /// Half the width of the interval; `+∞` with fewer than two observations.
  public let halfWidth: Double
  /// The confidence level, e.g. 0.95.
  public let level: Double
  /// The number of observations.
  public let count: Int
  /// The sample standard deviation (`NaN` with fewer than two observations).
  public let sd: Double

  /// The lower end, `mean − halfWidth`.
  public var lower: Double { mean - halfWidth }
  /// The upper end, `mean + halfWidth`.
  public var upper: Double { mean + halfWidth }

  /// Whether `value` lies in the closed interval.
  public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

  /// An interval from summary statistics.
  /// - Parameters:
  ///   - mean: the sample mean.
  ///   - sd: the sample standard deviation (ignored when `count < 2`).
  ///   - count: the number of observations.
  ///   - level: the confidence level in `(0, 1)`.
  /// - Throws: ``StatisticsError/invalidLevel(_:)`` for a level outside `(0, 1)`.
  public init(mean: Double, sd: Double, count: Int, level: Double = 0.95) throws(StatisticsError) {
    guard level > 0, level < 1 else { throw .invalidLevel(level) }
    self.mean = mean
    self.count = count
    self.level = level
    if count < 2 {
      self.sd = .nan
      self.halfWidth = .infinity
    } else {
      self.sd = sd
      let t = StudentT.criticalValue(level: level, degreesOfFreedom: Double(count - 1))
      self.halfWidth = sd == 0 ? 0 : t * sd / Double(count).squareRoot()
    }
  }

  /// An interval from a ``Tally`` of the observations.
  public init(_ tally: Tally, level: Double = 0.95) throws(StatisticsError) {
    try self.init(mean: tally.mean, sd: tally.sd, count: tally.count, level: level)
  }

  /// An interval from the observations themselves.
  public init(samples: [Double], level: Double = 0.95) throws(StatisticsError) {
    try self.init(Tally(samples), level: level)
  }
}
