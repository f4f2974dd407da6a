/// Holm–Bonferroni step-down adjusted p-values (Holm 1979), for deciding which of several
/// KPIs differ while controlling the family-wise error rate.
///
/// With the m p-values sorted ascending `p₍₁₎ ≤ … ≤ p₍ₘ₎`, the adjusted value of the `i`-th
/// is `min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎)`, returned in the input order. The adjusted
/// values are monotone in the raw ones, and a hypothesis is rejected at level α exactly when
/// its adjusted p-value is below α. Ties are ordered by input position (deterministic). A
/// `NaN` p-value is treated as 1.
/// - Complexity: O(m log m).
public func holmAdjusted(pValues: [Double]) -> [Double] {
  let m = pValues.count
  guard m > 0 else { return [] }
  let p = pValues.map { $0.isNaN ? 1 : Swift.min(1, Swift.max(0, $0)) }
  let order = p.indices.sorted { p[$0] < p[$1] || (p[$0] == p[$1] && $0 < $1) }
  var adjusted = Array(repeating: 1.0, count: m)
  var running = 0.0
  for (rank, index) in order.enumerated() {
    running = Swift.max(running, Double(m - rank) * p[index])
    adjusted[index] = Swift.min(1, running)
  }
  return adjusted
}
