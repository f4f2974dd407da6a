/// A probability distribution of a non-negative or real quantity, in the kernel's units.
///
/// Scenario files write these as `exp(mean: 6h)`, `lognormal(mean: 4d, sd: 2d)`,
/// `uniform(500, 1500)`, `erlang(k: 2, mean: 24h)`, `triangular(1, 2, 4)`,
/// `normal(mean: 10, sd: 2, min: 0)`, `weibull(shape: 1.5, scale: 10h)`,
/// `gamma(shape: 2, scale: 3h)`, `empirical([1, 2, 2, 3])`, or a plain value (constant).
public enum Distribution: Sendable, Equatable, Hashable {
  /// Always the same value.
  case constant(Double)
  /// Exponential with the given mean.
  case exponential(mean: Double)
  /// Erlang with `k` phases and the given overall mean.
  case erlang(k: Int, mean: Double)
  /// Gamma with shape and scale (mean = shape × scale).
  case gamma(shape: Double, scale: Double)
  /// Lognormal given by the mean and standard deviation of the variable itself (not of its log).
  case lognormal(mean: Double, sd: Double)
  /// Normal, truncated to `[min, max]` by rejection (`nil` = unbounded on that side).
  case normal(mean: Double, sd: Double, min: Double?, max: Double?)
  /// Continuous uniform on `[min, max]`.
  case uniform(min: Double, max: Double)
  /// Triangular on `[min, max]` with the given mode.
  case triangular(min: Double, mode: Double, max: Double)
  /// Weibull with shape `k` and scale `λ`.
  case weibull(shape: Double, scale: Double)
  /// Resamples the given values with equal probability.
  case empirical([Double])
}
