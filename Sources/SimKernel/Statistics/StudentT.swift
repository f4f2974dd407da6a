import CGSL
import CGSLShims

/// Student's t distribution: quantiles and tail probabilities from GSL.
///
/// Degrees of freedom may be fractional (Welch). Invalid arguments give `NaN` rather than a
/// GSL error. GSL's quantile agrees with exact values to about 1e-11 relative.
public enum StudentT {
  /// GSL aborts on errors unless its handler is off; do it once, thread-safely.
  private static let gslErrorsOff: Void = cs_gsl_error_handler_off()

  /// The `p`-quantile with `degreesOfFreedom` ν > 0: the `t` with `P(T ≤ t) = p`.
  /// `p = 0` and `p = 1` give `−∞` and `+∞`; `p` outside `[0, 1]` or ν ≤ 0 give `NaN`.
  /// The corresponding GSL function is `gsl_cdf_tdist_Pinv`.
  public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
    _ = gslErrorsOff
    guard nu > 0, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    return gsl_cdf_tdist_Pinv(p, nu)
  }

  /// The upper tail `P(T > t)` with `degreesOfFreedom` ν > 0 (`NaN` for ν ≤ 0).
  /// The corresponding GSL function is `gsl_cdf_tdist_Q`.
  public static func upperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    _ = gslErrorsOff
    guard nu > 0, !t.isNaN else { return .nan }
    if t == .infinity { return 0 }
    if t == -.infinity { return 1 }
    return gsl_cdf_tdist_Q(t, nu)
  }

  /// The two-sided p-value `P(|T| ≥ |t|) = 2·Q(|t|)`, at most 1.
  public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    let q = upperTail(Swift.abs(t), degreesOfFreedom: nu)
    return Swift.min(1, 2 * q)
  }

  /// The half-width multiplier of a two-sided interval at confidence `level`:
  /// the `(1 + level)/2` quantile.
  public static func criticalValue(level: Double, degreesOfFreedom nu: Double) -> Double {
    quantile((1 + level) / 2, degreesOfFreedom: nu)
  }
}
