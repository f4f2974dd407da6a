/// A statistics object was asked for with inputs it cannot work with.
public enum StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Histogram bin edges must be finite, strictly increasing, and at least two.
  case invalidBinEdges(String)
  /// A paired comparison needs the same number of observations on both sides.
  case mismatchedPairCount(base: Int, variant: Int)
  /// A confidence level must lie strictly between 0 and 1.
  case invalidLevel(Double)

  /// A message a planner can act on.
  public var description: String {
    switch self {
    case .invalidBinEdges(let why): return "histogram bin edges are invalid: \(why)"
    case .mismatchedPairCount(let b, let v):
      return "a paired comparison needs the same number of replications on both sides (base has \(b), variant has \(v))"
    case .invalidLevel(let l): return "a confidence level must be between 0 and 1 (exclusive), got \(l)"
    }
  }
}

extension StatisticsError: ClassifiedError {
  /// Statistics are asked for with the inputs a planner gave: always bad input.
  public var failureKind: FailureKind { .badInput }
}
