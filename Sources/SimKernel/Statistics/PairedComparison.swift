/// A paired-t comparison of a variant with a base, for replications run with common random
/// numbers (same seeds, replication indices and stream scheme): replication `i` of the
/// variant is paired with replication `i` of the base.
///
/// With `dᵢ = variantᵢ − baseᵢ`, n pairs: `t = mean(d) / (sd(d)/√n)`, `df = n − 1`, and the
/// interval is `mean(d) ± t_{(1+level)/2, n−1}·sd(d)/√n`. Zero-spread differences are
/// classified explicitly (see ``ComparisonBasis``) and never give `NaN`.
public struct PairedComparison: MeanComparison, Equatable {
  /// The number of pairs.
  public let count: Int
  /// The mean of the base.
  public let meanBase: Double
  /// The mean of the variant.
  public let meanVariant: Double
  /// `mean(variant − base)`.
  public let meanDifference: Double
  /// The sample standard deviation of the differences (0 with fewer than two pairs).
  public let sdDifference: Double
  public let halfWidth: Double
  public let level: Double
  public let t: Double
  public let degreesOfFreedom: Double
  public let pValue: Double
  public let basis: ComparisonBasis
  /// Pearson's correlation of the pairs, or `nil` when undefined (fewer than two pairs, or one
  /// side constant). A high positive correlation is what common random numbers buy.
  public let correlation: Double?

  /// Compares paired observations.
  /// - Parameters:
  ///   - base: one value per replication of the base.
  ///   - variant: one value per replication of the variant, in the same replication order.
  ///   - level: the confidence level in `(0, 1)`.
  /// - Throws: ``StatisticsError/mismatchedPairCount(base:variant:)`` when the counts differ,
  ///   ``StatisticsError/invalidLevel(_:)`` for a bad level.
  public init(base: [Double], variant: [Double], level: Double = 0.95) throws(StatisticsError) {
    guard base.count == variant.count else {
      throw .mismatchedPairCount(base: base.count, variant: variant.count)
    }
    guard level > 0, level < 1 else { throw .invalidLevel(level) }
    let n = base.count
    var diffs = Tally()
    var a = Tally()
    var b = Tally()
    var coMoment = 0.0
    for i in 0..<n {
      // Welford update of the co-moment uses the base mean before and the variant mean after.
      let dxBefore = base[i] - a._mean
      a.add(base[i])
      b.add(variant[i])
      coMoment += dxBefore * (variant[i] - b._mean)
      diffs.add(variant[i] - base[i])
    }
    count = n
    self.level = level
    meanBase = a.mean
    meanVariant = b.mean
    meanDifference = n > 0 ? diffs.mean : 0
    if n >= 2 && a._m2 > 0 && b._m2 > 0 {
      correlation = Swift.max(-1, Swift.min(1, coMoment / (a._m2 * b._m2).squareRoot()))
    } else {
      correlation = nil
    }
    let fields: _DegenerateComparison
    if n < 2 {
      sdDifference = 0
      degreesOfFreedom = 0
      fields = .tooFew
    } else {
      let sd = diffs.sd
      sdDifference = sd
      degreesOfFreedom = Double(n - 1)
      if sd == 0 {
        fields = .zeroSpread(difference: meanDifference)
      } else {
        fields = .tTest(
          difference: meanDifference, standardError: sd / Double(n).squareRoot(),
          degreesOfFreedom: degreesOfFreedom, level: level)
      }
    }
    halfWidth = fields.halfWidth
    t = fields.t
    pValue = fields.pValue
    basis = fields.basis
  }
}
