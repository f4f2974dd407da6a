/// Counts of observations in fixed bins, with underflow and overflow counts.
///
/// Bin `i` holds `edges[i] ≤ x < edges[i + 1]`; the last bin also holds its upper edge, so
/// that a variable bounded by the last edge (a utilisation of exactly 1) is not overflow.
/// Values below the first edge are ``underflow``; values above the last edge, and `NaN`, are
/// ``overflow``.
public struct Histogram: Sendable, Equatable {
  /// The bin edges, strictly increasing; there is one bin fewer than edges.
  public let edges: [Double]
  /// The count in each bin (`edges.count − 1` entries).
  public private(set) var counts: [Int]
  /// Observations below `edges.first`.
  public private(set) var underflow: Int = 0
  /// Observations above `edges.last` (and `NaN`s).
  public private(set) var overflow: Int = 0

  /// Creates an empty histogram with the given bin edges.
  /// - Throws: ``StatisticsError/invalidBinEdges(_:)`` unless there are at least two finite,
  ///   strictly increasing edges.
  public init(edges: [Double]) throws(StatisticsError) {
    guard edges.count >= 2 else {
      throw .invalidBinEdges("need at least two edges, got \(edges.count)")
    }
    for (i, e) in edges.enumerated() {
      guard e.isFinite else { throw .invalidBinEdges("edge \(i) is \(e)") }
      if i > 0 && !(edges[i - 1] < e) {
        throw .invalidBinEdges("edges must increase strictly, but edge \(i - 1) is \(edges[i - 1]) and edge \(i) is \(e)")
      }
    }
    self.edges = edges
    self.counts = Array(repeating: 0, count: edges.count - 1)
  }

  /// Creates an empty histogram of `binCount` equal bins from `lower` to `upper`.
  /// - Throws: ``StatisticsError/invalidBinEdges(_:)`` unless `lower < upper`, both finite,
  ///   and `binCount ≥ 1`.
  public init(lower: Double, upper: Double, binCount: Int) throws(StatisticsError) {
    guard binCount >= 1 else { throw .invalidBinEdges("need at least one bin, got \(binCount)") }
    guard lower.isFinite, upper.isFinite, lower < upper else {
      throw .invalidBinEdges("need finite lower < upper, got \(lower) and \(upper)")
    }
    let width = (upper - lower) / Double(binCount)
    var e = (0...binCount).map { lower + Double($0) * width }
    e[binCount] = upper
    try self.init(edges: e)
  }

  /// The number of observations, including underflow and overflow.
  public var total: Int { counts.reduce(underflow + overflow, +) }

  /// The index of the bin that holds `x`, or `nil` for underflow/overflow/`NaN`.
  /// - Complexity: O(log bins).
  public func binIndex(of x: Double) -> Int? {
    guard x >= edges[0], x <= edges[edges.count - 1] else { return nil }
    // Largest i with edges[i] <= x, capped at the last bin.
    var lo = 0
    var hi = edges.count - 1
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if edges[mid] <= x { lo = mid } else { hi = mid }
    }
    return lo
  }

  /// Counts one observation.
  /// - Complexity: O(log bins), no allocation.
  public mutating func add(_ x: Double) {
    if let i = binIndex(of: x) {
      counts[i] += 1
    } else if x < edges[0] {
      underflow += 1
    } else {
      overflow += 1
    }
  }

  /// An approximate `p`-quantile (`p` in `0...1`, clamped), assuming observations are spread
  /// uniformly within each bin. Underflow counts sit at the first edge and overflow counts
  /// at the last edge, so a quantile that falls among them is reported as that edge.
  /// Returns `NaN` when empty.
  public func percentile(_ p: Double) -> Double {
    let n = total
    guard n > 0, !p.isNaN else { return .nan }
    let target = Swift.min(1, Swift.max(0, p)) * Double(n)
    var cumulative = Double(underflow)
    if target <= cumulative && underflow > 0 { return edges[0] }
    for (i, c) in counts.enumerated() where c > 0 {
      let next = cumulative + Double(c)
      if target <= next {
        let fraction = (target - cumulative) / Double(c)
        return edges[i] + fraction * (edges[i + 1] - edges[i])
      }
      cumulative = next
    }
    return edges[edges.count - 1]
  }

  /// Empties every bin (for warm-up deletion).
  public mutating func reset() {
    for i in counts.indices { counts[i] = 0 }
    underflow = 0
    overflow = 0
  }
}
