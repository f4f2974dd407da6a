import Foundation
import SimKernel
import Testing

@testable import Experiments

/// Welch (files with different seeds): a file whose replications all agree has an unknown
/// spread, not a zero one, so the KPI gets "not enough data", never a verdict at Holm p = 0
/// (Issue 17). The paired rules stay: identical → no difference, constant shift → a difference.
struct CompareWelchZeroVarianceTests {
  @Test func twoEqualReplicationsInEachFileGiveNoVerdict() throws {
    // Before: basis constant-difference, p = 0, Holm p = 0, verdicts "worse" and "better".
    let c = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, [5, 5]), ("throughput", .higher, [7, 7]), ("queue", .lower, [1, 2])], seed: 1),
      CompareFixture.contents([("wait", .lower, [6, 6]), ("throughput", .higher, [9, 9]), ("queue", .lower, [1.5, 2.5])], seed: 2))
    #expect(c.method == .welch)
    for k in c.kpis.prefix(2) {
      #expect(k.verdict == .notEnoughData, "\(k.kpi)")
      #expect(k.result.basis == .spreadUnknown, "\(k.kpi)")
      #expect(k.adjustedPValue == nil && k.result.pValue == 1, "\(k.kpi): out of the Holm family")
      #expect(k.result.lower == -.infinity && k.result.upper == .infinity)
      #expect(k.result.difference == (k.kpi == "wait" ? 1 : 2), "the means are still reported")
    }
    #expect(c.kpis[2].result.basis == .tTest && c.kpis[2].adjustedPValue != nil)
    #expect(c.judgedCount == 1)
    #expect(!c.anySignificant)
    #expect(c.table().contains("not enough data"))
  }

  @Test func aZeroVarianceInEitherFileIsEnough() throws {
    for (a, b) in [([4.0, 4.0, 4.0], [1.0, 2.0, 3.0]), ([1.0, 2.0, 3.0], [8.0, 8.0, 8.0])] {
      let c = try CompareFixture.compare(
        CompareFixture.contents([("wait", .lower, a)], seed: 1),
        CompareFixture.contents([("wait", .lower, b)], seed: 2))
      #expect(c.kpis[0].verdict == .notEnoughData, "\(a) vs \(b)")
      #expect(c.kpis[0].result.basis == .spreadUnknown)
    }
  }

  @Test func pairedRulesAreUnchanged() throws {
    let same = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, [5, 5])]),
      CompareFixture.contents([("wait", .lower, [5, 5])]))
    #expect(same.method == .pairedT)
    #expect(same.kpis[0].result.basis == .identical && same.kpis[0].verdict == .noDifference)
    let shifted = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, [5, 5])]),
      CompareFixture.contents([("wait", .lower, [6, 6])]))
    #expect(shifted.kpis[0].result.basis == .constantDifference && shifted.kpis[0].verdict == .worse)
  }
}
