import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Distribution {
  /// The most draws a truncated normal makes before it clamps (see ``sample(_:)``).
  public static let truncatedNormalMaxTries = 1000

  /// The smallest probability mass a truncated normal may keep inside its bounds for
  /// ``validationProblem`` to accept it. At this mass, 1000 rejected draws in a row (which
  /// trigger the clamp) have probability below 2·10⁻⁹.
  public static let truncatedNormalMinAcceptance = 0.02

  /// One draw from the distribution, using `stream`.
  ///
  /// - `lognormal(mean:sd:)` converts to log-scale parameters
  ///   `σ² = ln(1 + sd²/mean²)`, `ζ = ln(mean) − σ²/2`, then `gsl_ran_lognormal`.
  /// - `erlang(k:mean:)` is `gamma(shape: k, scale: mean/k)` (`gsl_ran_gamma`).
  /// - `triangular` uses the inverse CDF of one uniform draw.
  /// - `normal` with bounds draws by rejection: up to ``truncatedNormalMaxTries`` draws, and
  ///   if all fall outside, the last one is clamped to the nearer bound. ``validationProblem``
  ///   rejects bounds that keep less than ``truncatedNormalMinAcceptance`` of the mass, so the
  ///   clamp practically never happens in a validated scenario.
  /// - `empirical` picks one of the values with equal probability (`gsl_rng_uniform_int`);
  ///   an empty list gives `NaN` (``validationProblem`` rejects it).
  ///
  /// Every case is a fixed number of GSL calls except the truncated normal; nothing allocates.
  /// Parameters are not checked here: validate them once with ``validationProblem``.
  @inlinable public func sample(_ stream: RandomStream) -> Double {
    switch self {
    case .constant(let v):
      return v
    case .exponential(let mean):
      return stream.exponential(mean: mean)
    case .erlang(let k, let mean):
      return stream.gamma(shape: Double(k), scale: mean / Double(k))
    case .gamma(let shape, let scale):
      return stream.gamma(shape: shape, scale: scale)
    case .lognormal(let mean, let sd):
      let (zeta, sigma) = Distribution.lognormalParameters(mean: mean, sd: sd)
      return stream.lognormal(zeta: zeta, sigma: sigma)
    case .normal(let mean, let sd, let lo, let hi):
      if lo == nil && hi == nil { return stream.normal(mean: mean, sd: sd) }
      return Distribution.truncatedNormal(stream, mean: mean, sd: sd, min: lo ?? -.infinity, max: hi ?? .infinity)
    case .uniform(let lo, let hi):
      return lo + (hi - lo) * stream.uniform()
    case .triangular(let lo, let mode, let hi):
      return Distribution.triangularInverseCDF(stream.uniform(), min: lo, mode: mode, max: hi)
    case .weibull(let shape, let scale):
      return stream.weibull(shape: shape, scale: scale)
    case .empirical(let values):
      guard !values.isEmpty else { return .nan }
      return values[stream.index(below: values.count)]
    }
  }

  /// The lognormal's log-scale parameters `(ζ, σ)` for a given mean and standard deviation of
  /// the variable itself.
  @inlinable public static func lognormalParameters(mean: Double, sd: Double) -> (zeta: Double, sigma: Double) {
    let s2 = log1p((sd * sd) / (mean * mean))
    return (log(mean) - s2 / 2, s2.squareRoot())
  }

  /// The inverse CDF of the triangular distribution at `u` in `[0, 1]`.
  @inlinable static func triangularInverseCDF(_ u: Double, min a: Double, mode c: Double, max b: Double) -> Double {
    let width = b - a
    guard width > 0 else { return a }
    let fc = (c - a) / width
    if u < fc { return a + (u * width * (c - a)).squareRoot() }
    return b - ((1 - u) * width * (b - c)).squareRoot()
  }

  /// Rejection sampling of a normal restricted to `[lo, hi]`, clamping after the last try.
  @usableFromInline static func truncatedNormal(
    _ stream: RandomStream, mean: Double, sd: Double, min lo: Double, max hi: Double
  ) -> Double {
    if sd == 0 { return Swift.min(hi, Swift.max(lo, mean)) }
    var x = mean
    for _ in 0..<truncatedNormalMaxTries {
      x = stream.normal(mean: mean, sd: sd)
      if x >= lo && x <= hi { return x }
    }
    return Swift.min(hi, Swift.max(lo, x))
  }

  /// The mean of the distribution (for a truncated normal, of the truncated distribution;
  /// for `empirical`, of its values, `NaN` when empty).
  public var mean: Double {
    switch self {
    case .constant(let v): return v
    case .exponential(let mean): return mean
    case .erlang(_, let mean): return mean
    case .gamma(let shape, let scale): return shape * scale
    case .lognormal(let mean, _): return mean
    case .normal(let mean, let sd, let lo, let hi):
      return Distribution.normalMoments(mean: mean, sd: sd, min: lo, max: hi).mean
    case .uniform(let lo, let hi): return (lo + hi) / 2
    case .triangular(let lo, let mode, let hi): return (lo + mode + hi) / 3
    case .weibull(let shape, let scale): return scale * tgamma(1 + 1 / shape)
    case .empirical(let values):
      return values.isEmpty ? .nan : Tally(values).mean
    }
  }

  /// The variance of the distribution (for `empirical`, the population variance of its values,
  /// `NaN` when empty).
  public var variance: Double {
    switch self {
    case .constant: return 0
    case .exponential(let mean): return mean * mean
    case .erlang(let k, let mean): return mean * mean / Double(k)
    case .gamma(let shape, let scale): return shape * scale * scale
    case .lognormal(_, let sd): return sd * sd
    case .normal(let mean, let sd, let lo, let hi):
      return Distribution.normalMoments(mean: mean, sd: sd, min: lo, max: hi).variance
    case .uniform(let lo, let hi): return (hi - lo) * (hi - lo) / 12
    case .triangular(let a, let c, let b):
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .weibull(let shape, let scale):
      let g1 = tgamma(1 + 1 / shape)
      return scale * scale * (tgamma(1 + 2 / shape) - g1 * g1)
    case .empirical(let values):
      return values.isEmpty ? .nan : Tally(values).populationVariance
    }
  }

  /// Why these parameters cannot be sampled, in words a planner understands, or `nil` when
  /// they are fine. Call it once when a scenario is loaded.
  public var validationProblem: String? {
    func bad(_ x: Double) -> Bool { !x.isFinite }
    switch self {
    case .constant(let v):
      return bad(v) ? "a constant must be a finite number, got \(v)" : nil
    case .exponential(let mean):
      return bad(mean) || mean <= 0 ? "exp(mean:) needs a positive, finite mean, got \(mean)" : nil
    case .erlang(let k, let mean):
      if k < 1 { return "erlang(k:, mean:) needs k of at least 1, got \(k)" }
      return bad(mean) || mean <= 0 ? "erlang(k:, mean:) needs a positive, finite mean, got \(mean)" : nil
    case .gamma(let shape, let scale):
      if bad(shape) || shape <= 0 { return "gamma(shape:, scale:) needs a positive shape, got \(shape)" }
      return bad(scale) || scale <= 0 ? "gamma(shape:, scale:) needs a positive scale, got \(scale)" : nil
    case .lognormal(let mean, let sd):
      if bad(mean) || mean <= 0 { return "lognormal(mean:, sd:) needs a positive mean, got \(mean)" }
      return bad(sd) || sd < 0 ? "lognormal(mean:, sd:) needs a non-negative sd, got \(sd)" : nil
    case .normal(let mean, let sd, let lo, let hi):
      return Distribution.normalProblem(mean: mean, sd: sd, min: lo, max: hi)
    case .uniform(let lo, let hi):
      if bad(lo) || bad(hi) { return "uniform(min, max) needs finite bounds, got \(lo) and \(hi)" }
      return lo > hi ? "uniform(min, max) needs min ≤ max, got \(lo) > \(hi)" : nil
    case .triangular(let lo, let mode, let hi):
      if bad(lo) || bad(mode) || bad(hi) {
        return "triangular(min, mode, max) needs finite values, got \(lo), \(mode), \(hi)"
      }
      return lo <= mode && mode <= hi
        ? nil
        : "triangular(min, mode, max) needs min ≤ mode ≤ max, got \(lo), \(mode), \(hi)"
    case .weibull(let shape, let scale):
      if bad(shape) || shape <= 0 { return "weibull(shape:, scale:) needs a positive shape, got \(shape)" }
      return bad(scale) || scale <= 0 ? "weibull(shape:, scale:) needs a positive scale, got \(scale)" : nil
    case .empirical(let values):
      if values.isEmpty { return "empirical([...]) needs at least one value" }
      if let i = values.firstIndex(where: { !$0.isFinite }) {
        return "empirical([...]) needs finite values, but value \(i + 1) is \(values[i])"
      }
      return nil
    }
  }
}
extension Distribution {
  /// The probability mass of N(mean, sd²) inside `[lo, hi]` (either bound may be infinite),
  /// computed from the tail nearer the bulk for accuracy.
  static func normalMass(mean: Double, sd: Double, min lo: Double, max hi: Double) -> Double {
    let a = (lo - mean) / sd
    let b = (hi - mean) / sd
    // Upper tails are accurate when both standardised bounds are positive.
    if a > 0 { return gsl_cdf_ugaussian_Q(a) - gsl_cdf_ugaussian_Q(b) }
    return gsl_cdf_ugaussian_P(b) - gsl_cdf_ugaussian_P(a)
  }

  /// Mean and variance of a normal truncated to `[min, max]` (`nil` = unbounded):
  /// with `α, β` the standardised bounds, `Z = Φ(β) − Φ(α)`,
  /// `mean = μ + σ(φ(α) − φ(β))/Z`,
  /// `var = σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²]`.
  static func normalMoments(mean: Double, sd: Double, min: Double?, max: Double?) -> (mean: Double, variance: Double) {
    let lo = min ?? -.infinity
    let hi = max ?? .infinity
    if lo == -.infinity && hi == .infinity { return (mean, sd * sd) }
    if sd == 0 { return (Swift.min(hi, Swift.max(lo, mean)), 0) }
    let a = (lo - mean) / sd
    let b = (hi - mean) / sd
    let z = normalMass(mean: mean, sd: sd, min: lo, max: hi)
    let pa = a.isFinite ? gsl_ran_ugaussian_pdf(a) : 0
    let pb = b.isFinite ? gsl_ran_ugaussian_pdf(b) : 0
    let apa = a.isFinite ? a * pa : 0
    let bpb = b.isFinite ? b * pb : 0
    let shift = (pa - pb) / z
    return (mean + sd * shift, sd * sd * (1 + (apa - bpb) / z - shift * shift))
  }

  /// The validation problem of `normal(mean:sd:min:max:)`, if any.
  static func normalProblem(mean: Double, sd: Double, min: Double?, max: Double?) -> String? {
    if !mean.isFinite { return "normal(mean:, sd:) needs a finite mean, got \(mean)" }
    if !sd.isFinite || sd < 0 { return "normal(mean:, sd:) needs a non-negative, finite sd, got \(sd)" }
    if let lo = min, lo.isNaN { return "normal(...) has a min that is not a number" }
    if let hi = max, hi.isNaN { return "normal(...) has a max that is not a number" }
    let lo = min ?? -.infinity
    let hi = max ?? .infinity
    if lo > hi { return "normal(...) needs min ≤ max, got min \(lo) > max \(hi)" }
    if sd == 0 { return nil }
    let mass = normalMass(mean: mean, sd: sd, min: lo, max: hi)
    if mass < truncatedNormalMinAcceptance {
      let percent = (mass * 100 * 1000).rounded() / 1000
      return "normal(mean: \(mean), sd: \(sd)) keeps only \(percent)% of its draws inside [\(lo), \(hi)] "
        + "(at least \(truncatedNormalMinAcceptance * 100)% needed); move the bounds or the mean"
    }
    return nil
  }
}
