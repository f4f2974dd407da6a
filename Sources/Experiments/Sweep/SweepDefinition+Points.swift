import Foundation
import Scenario

extension SweepDefinition {
  /// The points of the design: one value per parameter, in canonical point order.
  ///
  /// Grid: every combination, the first parameter varying slowest, minus the points a
  /// constraint rejects. LHS: `points` points; each parameter's range (or list) is cut into
  /// `points` equal strata, each stratum used once, in an order and at a position within the
  /// stratum drawn from the design's own seed (SplitMix64, independent of the scenario seed).
  ///
  /// - Throws: `ScenarioError` at a constraint that divides by zero at some point, naming
  ///   the point (such a point is neither kept nor dropped silently).
  public func points() throws(ScenarioError) -> [[SweepValue]] {
    switch design {
    case .grid:
      var combos: [[SweepValue]] = [[]]
      for p in parameters {
        let values = p.gridValues
        combos = combos.flatMap { prefix in values.map { prefix + [$0] } }
      }
      let numericIndex = parameters.indices.filter { i in parameters[i].gridValues.allSatisfy { $0.number != nil } }
      var kept: [[SweepValue]] = []
      for combo in combos {
        let numbers = numericIndex.map { combo[$0].number ?? .nan }
        var holds = true
        for constraint in constraints where holds {
          do throws(SweepConstraint.DivisionByZero) {
            holds = try constraint.holds(numbers)
          } catch {
            let point = zip(parameters, combo).map { "\($0.name) = \($1.text)" }.joined(separator: ", ")
            throw ScenarioError(
              location: constraint.location, keyPath: "constraints",
              message:
                "in '\(constraint.text)': it divides by zero at the point \(point); write the condition so that no divisor can be 0 (e.g. a > 2 * b rather than a / b > 2)"
            )
          }
        }
        if holds { kept.append(combo) }
      }
      return kept
    case .lhs(let n, let seed):
      var rng = SplitMix64(seed: seed)
      var columns: [[SweepValue]] = []
      for p in parameters {
        var strata = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
          strata.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        columns.append(
          strata.map { stratum in
            let u = (Double(stratum) + rng.nextUnit()) / Double(n)
            switch p.values {
            case .list(let list):
              return list[min(list.count - 1, Int(u * Double(list.count)))]
            case .range(let from, let to, _, _):
              let x = from + u * (to - from)
              return SweepValue(number: p.integer ? x.rounded() : SweepValue.rounded(x))
            }
          })
      }
      return (0..<n).map { i in columns.map { $0[i] } }
    }
  }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small, portable generator for the LHS design.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in [0, 1) with 53 random bits.
  mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
