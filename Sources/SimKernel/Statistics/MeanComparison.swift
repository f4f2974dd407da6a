/// How a two-sample comparison reached its result.
public enum ComparisonBasis: String, Sendable, Equatable, CaseIterable {
  /// A t test on samples with some spread.
  case tTest = "t-test"
  /// No spread and no difference (identical results, e.g. a change that does not touch this
  /// KPI under common random numbers): `t = 0`, `p = 1`, an interval of width zero at 0.
  case identical
  /// No spread but a nonzero difference (e.g. a constant shift under common random numbers):
  /// `t = ±∞`, `p = 0`, an interval of width zero at the difference.
  case constantDifference = "constant-difference"
  /// Too few observations to estimate a spread (fewer than two on a side):
  /// `t = 0`, `p = 1`, an infinite interval.
  case tooFewObservations = "too-few-observations"
  /// Independent samples (Welch) where one side's values are all equal: a few replications
  /// that happen to agree say that side's spread is unknown, not that it is zero, so no test
  /// is made (`t = 0`, `p = 1`, an infinite interval). Paired samples never get it: under
  /// common random numbers equal values are the identical or constant-difference cases.
  case spreadUnknown = "spread-unknown"
}

/// The result of comparing the mean of a variant with the mean of a base (difference is
/// `variant − base`), shared by ``PairedComparison`` and ``WelchComparison``.
///
/// No member is ever `NaN` for finite inputs, except ``PairedComparison/correlation`` which
/// is optional instead.
public protocol MeanComparison: Sendable {
  /// `mean(variant) − mean(base)`.
  var meanDifference: Double { get }
  /// Half-width of the confidence interval of the difference (`+∞` with too few observations).
  var halfWidth: Double { get }
  /// The confidence level of the interval.
  var level: Double { get }
  /// The t statistic (`±∞` for a constant nonzero difference, 0 when nothing is known).
  var t: Double { get }
  /// The degrees of freedom (fractional for Welch; 0 with too few observations).
  var degreesOfFreedom: Double { get }
  /// The two-sided p-value of "no difference in means".
  var pValue: Double { get }
  /// How the result was reached.
  var basis: ComparisonBasis { get }
}

extension MeanComparison {
  /// The lower end of the interval of the difference.
  public var lower: Double { meanDifference - halfWidth }
  /// The upper end of the interval of the difference.
  public var upper: Double { meanDifference + halfWidth }
  /// Whether the difference is significant at `alpha` (`pValue < alpha`).
  public func isSignificant(alpha: Double = 0.05) -> Bool { pValue < alpha }
}

/// The fields of a comparison with no spread or too few observations.
struct _DegenerateComparison {
  var halfWidth: Double
  var t: Double
  var pValue: Double
  var basis: ComparisonBasis

  /// Classifies a difference whose spread is zero.
  static func zeroSpread(difference: Double) -> _DegenerateComparison {
    if difference == 0 {
      return .init(halfWidth: 0, t: 0, pValue: 1, basis: .identical)
    }
    return .init(
      halfWidth: 0, t: difference > 0 ? .infinity : -.infinity, pValue: 0,
      basis: .constantDifference)
  }

  /// A t test of `difference` with standard error `se` (> 0) and `df` degrees of freedom.
  static func tTest(difference: Double, standardError se: Double, degreesOfFreedom df: Double, level: Double) -> _DegenerateComparison {
    let tStat = difference / se
    return .init(
      halfWidth: StudentT.criticalValue(level: level, degreesOfFreedom: df) * se,
      t: tStat,
      pValue: StudentT.twoSidedPValue(tStat, degreesOfFreedom: df),
      basis: .tTest)
  }

  static let tooFew = _DegenerateComparison(
    halfWidth: .infinity, t: 0, pValue: 1,
    basis: .tooFewObservations)
}
