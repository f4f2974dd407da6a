import SimKernel

/// How the difference of two files' means is tested.
public enum ComparisonMethod: String, Sendable, Equatable {
  /// Replication `i` of one file is paired with replication `i` of the other: the files
  /// share seed, replication indices and stream scheme (common random numbers).
  case pairedT = "paired-t"
  /// Welch's unequal-variance t test on independent samples.
  case welch

  /// The method two runs allow, and why in words.
  ///
  /// - Parameters:
  ///   - a: the first run's metadata; `replicationsA` its replication indices.
  ///   - b: the second run's metadata; `replicationsB` its replication indices.
  ///   - forceUnpaired: use Welch even when pairing is possible.
  public static func choose(
    _ a: RunMetadata, replicationsA: [Int], _ b: RunMetadata, replicationsB: [Int], forceUnpaired: Bool = false
  ) -> (method: ComparisonMethod, reason: String) {
    var differences: [String] = []
    if a.seed != b.seed { differences.append("seeds differ (\(a.seed) vs \(b.seed))") }
    if replicationsA != replicationsB {
      differences.append("replications differ (\(rangeText(replicationsA)) vs \(rangeText(replicationsB)))")
    }
    if a.streamScheme != b.streamScheme {
      differences.append("stream schemes differ (\(a.streamScheme) vs \(b.streamScheme))")
    }
    if differences.isEmpty {
      let shared = "seed \(a.seed), replications \(rangeText(replicationsA)), stream scheme \(a.streamScheme)"
      if forceUnpaired {
        return (.welch, "Welch (asked for; the files share \(shared), so paired-t would apply)")
      }
      return (.pairedT, "paired-t: common random numbers (both files have \(shared))")
    }
    return (.welch, "Welch: independent samples, " + differences.joined(separator: ", "))
  }

  /// `0–9` for a contiguous run of indices, otherwise the list.
  static func rangeText(_ indices: [Int]) -> String {
    guard let first = indices.first, let last = indices.last else { return "none" }
    if indices == Array(first...last) { return first == last ? "\(first)" : "\(first)–\(last)" }
    return indices.map(String.init).joined(separator: ",")
  }
}

/// Mean and interval of one side of a comparison.
public struct SampleSummary: Sendable, Equatable {
  /// The mean (`NaN` with no usable value).
  public var mean: Double
  /// Half-width of the Student-t interval (`+∞` with fewer than two values).
  public var halfWidth: Double
  /// The values used.
  public var count: Int
}

/// The difference `B − A` of two means with its interval and test.
public struct MeanDifference: Sendable, Equatable {
  public var a: SampleSummary
  public var b: SampleSummary
  /// `mean(B) − mean(A)`.
  public var difference: Double
  /// The interval of the difference; `±∞` when there is not enough data.
  public var lower: Double
  public var upper: Double
  public var t: Double
  public var degreesOfFreedom: Double
  /// The two-sided p-value of "no difference" (1 with not enough data).
  public var pValue: Double
  /// How the result was reached: a t test, identical values, a constant difference, or too
  /// few observations.
  public var basis: ComparisonBasis
  /// Paired only: the correlation of the pairs (`nil` when one side is constant).
  public var correlation: Double?
  /// Paired only: `Var(B − A) / (Var A + Var B)`, below 1 when pairing narrows the interval
  /// (`nil` when both sides are constant).
  public var varianceRatio: Double?

  /// Whether there was enough data: at least two usable values, or pairs, on each side, and
  /// for Welch some spread on each side.
  public var hasEnoughData: Bool { basis != .tooFewObservations && basis != .spreadUnknown }

  /// Whether the interval excludes 0.
  public var excludesZero: Bool { hasEnoughData && (lower > 0 || upper < 0) }
}

enum MeanDifferenceTest {
  /// Compares per-replication values of A and B. Non-finite values (an empty KPI) are
  /// dropped, pairwise when paired.
  static func compute(_ a: [Double], _ b: [Double], method: ComparisonMethod, level: Double) -> MeanDifference {
    switch method {
    case .pairedT where a.count == b.count:
      let usable = a.indices.filter { a[$0].isFinite && b[$0].isFinite }
      let x = usable.map { a[$0] }, y = usable.map { b[$0] }
      // The level is checked by the caller, and the counts match: this cannot throw.
      guard let paired = try? PairedComparison(base: x, variant: y, level: level) else { return welch(x, y, level) }
      var varianceRatio: Double?
      if x.count >= 2 {
        let vx = Tally(x).variance, vy = Tally(y).variance
        if vx + vy > 0 { varianceRatio = paired.sdDifference * paired.sdDifference / (vx + vy) }
      }
      return MeanDifference(
        a: summary(x, level), b: summary(y, level), difference: paired.meanDifference,
        lower: paired.lower, upper: paired.upper, t: paired.t, degreesOfFreedom: paired.degreesOfFreedom,
        pValue: paired.pValue, basis: paired.basis, correlation: paired.correlation, varianceRatio: varianceRatio)
    default:
      return welch(a.filter(\.isFinite), b.filter(\.isFinite), level)
    }
  }

  /// Welch on independent samples. A side whose values are all equal (two replications that
  /// agree) has an unknown spread, not a zero one: such a KPI gets ``ComparisonBasis/spreadUnknown``
  /// ("not enough data"), never a verdict at p = 0.
  static func welch(_ x: [Double], _ y: [Double], _ level: Double) -> MeanDifference {
    let a = summary(x, level), b = summary(y, level)
    guard let w = try? WelchComparison(base: x, variant: y, level: level) else {
      return MeanDifference(
        a: a, b: b, difference: 0, lower: -.infinity, upper: .infinity, t: 0,
        degreesOfFreedom: 0, pValue: 1, basis: .tooFewObservations)
    }
    if w.basis != .tooFewObservations, w.varianceBase == 0 || w.varianceVariant == 0 {
      return MeanDifference(
        a: a, b: b, difference: w.meanDifference, lower: -.infinity, upper: .infinity, t: 0,
        degreesOfFreedom: 0, pValue: 1, basis: .spreadUnknown)
    }
    return MeanDifference(
      a: a, b: b, difference: w.meanDifference, lower: w.lower, upper: w.upper, t: w.t,
      degreesOfFreedom: w.degreesOfFreedom, pValue: w.pValue, basis: w.basis)
  }

  static func summary(_ values: [Double], _ level: Double) -> SampleSummary {
    guard let ci = try? ConfidenceInterval(samples: values, level: level) else {
      return SampleSummary(mean: .nan, halfWidth: .infinity, count: values.count)
    }
    return SampleSummary(mean: values.isEmpty ? .nan : ci.mean, halfWidth: ci.halfWidth, count: values.count)
  }
}
