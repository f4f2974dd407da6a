/// The marginal standard error rule (MSER, White 1997) for the end of a warm-up.
///
/// For a series of batch means Y₁…Yₙ, MSER(d) = Σᵢ₌d₊₁…ₙ (Yᵢ − Ȳ(d))² / (n − d)², where Ȳ(d)
/// is the mean of the batches after the first d; the truncation point is the d that
/// minimises it. A minimum in the second half of the series means the series has not
/// settled within the run: the rule then gives no estimate (the statistic is unreliable
/// there, where few batches remain).
public enum MSER {
  /// What the rule concluded for one series of batch means.
  public enum Outcome: Sendable, Equatable {
    /// Delete the first `batches` batch means (0: no warm-up needed).
    case truncate(batches: Int)
    /// The minimum lies beyond half the series (at `batches`): no estimate.
    case notSettled(batches: Int)
    /// Fewer than 4 batches, or non-finite values: nothing to say.
    case tooShort
  }

  /// Applies the rule to batch means, searching every d that leaves at least two batches.
  public static func truncation(_ y: [Double]) -> Outcome {
    let n = y.count
    guard n >= 4, y.allSatisfy(\.isFinite) else { return .tooShort }
    // Suffix sums give every MSER(d) in one pass from the end.
    var best = 0, bestValue = Double.infinity
    var sum = 0.0, sumSquares = 0.0
    var statistics = Array(repeating: Double.infinity, count: n)
    for d in stride(from: n - 1, through: 0, by: -1) {
      sum += y[d]
      sumSquares += y[d] * y[d]
      let m = Double(n - d)
      if m < 2 { continue }
      let mean = sum / m
      let squares = Swift.max(0, sumSquares - m * mean * mean)
      statistics[d] = squares / (m * m)
    }
    for d in 0...(n - 2) where statistics[d] < bestValue * (1 - 1e-12) {
      best = d
      bestValue = statistics[d]
    }
    return best > n / 2 ? .notSettled(batches: best) : .truncate(batches: best)
  }

  /// Means of consecutive batches of `size` values (a trailing partial batch is dropped).
  public static func batchMeans(_ x: [Double], size: Int) -> [Double] {
    guard size >= 1 else { return x }
    return stride(from: 0, to: x.count - size + 1, by: size).map { start in
      x[start..<(start + size)].reduce(0, +) / Double(size)
    }
  }
}
