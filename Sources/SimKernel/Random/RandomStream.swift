import CGSL
import CGSLShims

/// An independent stream of random numbers for one (replication, subsystem, purpose).
///
/// Each stream owns a GSL Mersenne Twister (`gsl_rng_mt19937`) seeded from the master seed,
/// the replication index, the subsystem and the purpose through SplitMix64, so that two runs
/// with the same seed see the same numbers in every stream, and adding a stream never shifts
/// another (common random numbers). The derivation is ``StreamScheme/current``; it is part
/// of the results file format.
///
/// A stream is not `Sendable`: each replication creates and owns its own.
public final class RandomStream {
  @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

  /// The seed this stream's generator was set with (after derivation).
  public let derivedSeed: UInt64

  /// Creates the stream for `(seed, replication, subsystem, purpose)`.
  /// - Parameters:
  ///   - seed: the run's master seed.
  ///   - replication: the replication index, from 0.
  ///   - subsystem: the subsystem name, e.g. `"port"`.
  ///   - purpose: what the stream draws, e.g. `"arrivals"`, `"moves"`.
  public init(seed: UInt64, replication: Int, subsystem: String, purpose: String) {
    self.derivedSeed = StreamScheme.derive(
      seed: seed, replication: replication, subsystem: subsystem, purpose: purpose)
    cs_gsl_error_handler_off()
    guard let r = gsl_rng_alloc(cs_gsl_rng_mt19937()) else {
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    rng = r
    // mt19937 takes an unsigned long seed; GSL treats 0 as its default seed 4357, which is
    // fine: the derivation makes 0 vanishingly unlikely, and it is deterministic anyway.
    gsl_rng_set(rng, UInt(truncatingIfNeeded: derivedSeed))
  }

  deinit { gsl_rng_free(rng) }

  /// A uniform draw in [0, 1). The corresponding GSL function is `gsl_rng_uniform`.
  @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

  /// A uniform draw in (0, 1). The corresponding GSL function is `gsl_rng_uniform_pos`.
  @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

  /// An exponential draw with the given mean. The corresponding GSL function is
  /// `gsl_ran_exponential` (which takes the mean, not the rate).
  @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

  /// A gamma draw. The corresponding GSL function is `gsl_ran_gamma`.
  @inlinable public func gamma(shape: Double, scale: Double) -> Double {
    gsl_ran_gamma(rng, shape, scale)
  }

  /// A lognormal draw with log-scale parameters. The corresponding GSL function is `gsl_ran_lognormal`.
  @inlinable public func lognormal(zeta: Double, sigma: Double) -> Double {
    gsl_ran_lognormal(rng, zeta, sigma)
  }

  /// A normal draw. The corresponding GSL function is `gsl_ran_gaussian_ziggurat`.
  @inlinable public func normal(mean: Double, sd: Double) -> Double {
    mean + gsl_ran_gaussian_ziggurat(rng, sd)
  }

  /// A Weibull draw. The corresponding GSL function is `gsl_ran_weibull` (scale `a`, shape `b`).
  @inlinable public func weibull(shape: Double, scale: Double) -> Double {
    gsl_ran_weibull(rng, scale, shape)
  }

  /// A Bernoulli trial with success probability `p`.
  @inlinable public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(rng) < p }

  /// A uniform integer in `0..<n` (`n` > 0). The corresponding GSL function is `gsl_rng_uniform_int`.
  @inlinable public func index(below n: Int) -> Int {
    Int(gsl_rng_uniform_int(rng, UInt(n)))
  }

  /// A Poisson draw. The corresponding GSL function is `gsl_ran_poisson`.
  @inlinable public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }
}

/// The scheme that derives a stream's seed; stored in results as `stream_scheme`.
public enum StreamScheme {
  /// The version string written to results files. Change it whenever ``derive`` changes.
  public static let current = "chainsim-streams-1 (gsl mt19937, splitmix64(seed, replication, fnv1a(subsystem), fnv1a(purpose)))"

  /// Derives a generator seed from the run's coordinates.
  public static func derive(seed: UInt64, replication: Int, subsystem: String, purpose: String) -> UInt64 {
    var s = splitMix(seed ^ 0x9E37_79B9_7F4A_7C15)
    s = splitMix(s ^ UInt64(truncatingIfNeeded: replication))
    s = splitMix(s ^ fnv1a(subsystem))
    s = splitMix(s ^ fnv1a(purpose))
    return s
  }

  /// SplitMix64 finaliser (Steele, Lea, Flood 2014).
  @inlinable public static func splitMix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// 64-bit FNV-1a of a string's UTF-8 bytes (stable across processes, unlike `hashValue`).
  public static func fnv1a(_ text: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    return h
  }
}
