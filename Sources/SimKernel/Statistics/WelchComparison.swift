/// Welch's unequal-variance t comparison of a variant with a base, for independent samples
/// (different seeds or stream schemes, or different replication counts).
///
/// `se = √(s²_b/n_b + s²_v/n_v)`, `t = (mean_v − mean_b)/se`, and the Welch–Satterthwaite
/// degrees of freedom `df = se⁴ / ((s²_b/n_b)²/(n_b−1) + (s²_v/n_v)²/(n_v−1))` (fractional).
/// When both samples have zero spread the result is classified as ``ComparisonBasis/identical``
/// or ``ComparisonBasis/constantDifference`` with `df = n_b + n_v − 2`; with fewer than two
/// observations on either side, ``ComparisonBasis/tooFewObservations``. Never `NaN` for
/// finite inputs.
public struct WelchComparison: MeanComparison, Equatable {
  /// The number of base observations.
  public let countBase: Int
  /// The number of variant observations.
  public let countVariant: Int
  /// The mean of the base (`NaN` when empty).
  public let meanBase: Double
  /// The mean of the variant (`NaN` when empty).
  public let meanVariant: Double
  /// The sample variance of the base (0 with fewer than two observations).
  public let varianceBase: Double
  /// The sample variance of the variant (0 with fewer than two observations).
  public let varianceVariant: Double
  /// `mean(variant) − mean(base)` (0 when a side is empty).
  public let meanDifference: Double
  /// The standard error of the difference.
  public let standardError: Double
  public let halfWidth: Double
  public let level: Double
  public let t: Double
  public let degreesOfFreedom: Double
  public let pValue: Double
  public let basis: ComparisonBasis

  /// Compares two independent samples.
  /// - Throws: ``StatisticsError/invalidLevel(_:)`` for a level outside `(0, 1)`.
  public init(base: [Double], variant: [Double], level: Double = 0.95) throws(StatisticsError) {
    try self.init(base: Tally(base), variant: Tally(variant), level: level)
  }

  /// Compares two independent samples summarised by tallies.
  /// - Throws: ``StatisticsError/invalidLevel(_:)`` for a level outside `(0, 1)`.
  public init(base: Tally, variant: Tally, level: Double = 0.95) throws(StatisticsError) {
    guard level > 0, level < 1 else { throw .invalidLevel(level) }
    self.level = level
    countBase = base.count
    countVariant = variant.count
    meanBase = base.mean
    meanVariant = variant.mean
    let nb = Double(base.count)
    let nv = Double(variant.count)
    let fields: _DegenerateComparison
    if base.count < 2 || variant.count < 2 {
      varianceBase = base.count < 2 ? 0 : base.variance
      varianceVariant = variant.count < 2 ? 0 : variant.variance
      meanDifference = (base.count == 0 || variant.count == 0) ? 0 : variant.mean - base.mean
      standardError = .infinity
      degreesOfFreedom = 0
      fields = .tooFew
    } else {
      varianceBase = base.variance
      varianceVariant = variant.variance
      meanDifference = variant.mean - base.mean
      let vb = varianceBase / nb
      let vv = varianceVariant / nv
      let se2 = vb + vv
      standardError = se2.squareRoot()
      if se2 == 0 {
        degreesOfFreedom = nb + nv - 2
        fields = .zeroSpread(difference: meanDifference)
      } else {
        let df = se2 * se2 / (vb * vb / (nb - 1) + vv * vv / (nv - 1))
        degreesOfFreedom = df
        fields = .tTest(difference: meanDifference, standardError: standardError, degreesOfFreedom: df, level: level)
      }
    }
    halfWidth = fields.halfWidth
    t = fields.t
    pValue = fields.pValue
    basis = fields.basis
  }
}
