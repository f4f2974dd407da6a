import CGSL

/// A borrowed view of a ``RandomStream``'s generator for the hottest loops: a plain value, so
/// a draw costs no reference counting (calling a method on the stream, a class, makes Swift
/// retain and release it around the C call: about 8% of an M/M/c run).
///
/// It draws exactly the numbers its stream would draw (same generator, same state). It is
/// valid only while its stream is alive: keep the stream in the same model.
public struct RandomDraws {
  @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

  @inlinable init(rng: UnsafeMutablePointer<gsl_rng>) { self.rng = rng }

  /// A uniform draw in [0, 1) (`gsl_rng_uniform`).
  @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

  /// An exponential draw with the given mean (`gsl_ran_exponential`).
  @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }
}

extension RandomStream {
  /// The stream's generator as a ``RandomDraws`` value (valid while the stream is alive).
  @inlinable public var draws: RandomDraws { RandomDraws(rng: rng) }
}
