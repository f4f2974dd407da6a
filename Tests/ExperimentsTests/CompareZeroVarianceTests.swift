import Foundation
import SimKernel
import Testing

@testable import Experiments

/// Zero spread, empty KPIs and `better = none`: explicit results, never NaN.
struct CompareZeroVarianceTests {
  func noNaN(_ r: MeanDifference) -> Bool {
    ![r.difference, r.lower, r.upper, r.t, r.degreesOfFreedom, r.pValue].contains { $0.isNaN }
  }

  @Test func identicalValuesAreNoDifference() throws {
    let v = [4.0, 5.5, 6.0]
    let c = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, v)]),
      CompareFixture.contents([("wait", .lower, v)]))
    let k = c.kpis[0]
    #expect(k.result.basis == .identical)
    #expect(k.result.pValue == 1 && k.result.difference == 0 && k.result.lower == 0 && k.result.upper == 0)
    #expect(k.verdict == .noDifference)
    #expect(noNaN(k.result))
    #expect(k.relativeChange == 0)
    #expect(!c.anySignificant)
  }

  @Test func constantNonzeroPairedDifferenceIsADifference() throws {
    let a = [4.0, 5.5, 6.0], b = a.map { $0 + 2 }
    let c = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, a), ("throughput", .higher, a)]),
      CompareFixture.contents([("wait", .lower, b), ("throughput", .higher, b)]))
    #expect(c.method == .pairedT)
    for k in c.kpis {
      #expect(k.result.basis == .constantDifference)
      #expect(k.result.pValue == 0 && k.result.lower == 2 && k.result.upper == 2)
      #expect(noNaN(k.result))
    }
    #expect(c.kpis.map(\.verdict) == [.worse, .better])
    #expect(c.kpis.allSatisfy { $0.adjustedPValue == 0 })
  }

  @Test func constantSamplesUnderWelchAreNotEnoughData() throws {
    // Independent samples that happen to be constant say nothing about their spread (Issue 17;
    // see CompareWelchZeroVarianceTests): no verdict, whether the means differ or not.
    let c = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, [3, 3, 3])], seed: 1),
      CompareFixture.contents([("wait", .lower, [2, 2, 2])], seed: 9))
    #expect(c.method == .welch)
    #expect(c.kpis[0].result.basis == .spreadUnknown && c.kpis[0].verdict == .notEnoughData)
    let same = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, [3, 3, 3])], seed: 1),
      CompareFixture.contents([("wait", .lower, [3, 3, 3])], seed: 9))
    #expect(same.kpis[0].result.basis == .spreadUnknown && same.kpis[0].result.pValue == 1)
    #expect(same.kpis[0].verdict == .notEnoughData)
  }

  @Test func nanValuesAreDroppedPairwise() throws {
    // Pairs (1, 2) and (4, 5) survive: differences 1 and 1, constant -> a difference with n = 2.
    let c = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, [1, .nan, 3, 4])]),
      CompareFixture.contents([("wait", .lower, [2, 5, .nan, 5])]))
    let k = c.kpis[0]
    #expect(k.result.a.count == 2 && k.result.b.count == 2)
    #expect(k.result.a.mean == 2.5 && k.result.b.mean == 3.5)
    #expect(k.result.basis == .constantDifference && k.verdict == .worse)
  }

  @Test func fewerThanTwoPairsIsNotEnoughData() throws {
    // One usable pair in "sparse" (no verdict, out of the Holm family); "wait" is judged alone.
    let c = try CompareFixture.compare(
      CompareFixture.contents([("sparse", .lower, [1, .nan, .nan]), ("wait", .lower, [1, 2, 3])]),
      CompareFixture.contents([("sparse", .lower, [9, 5, .nan]), ("wait", .lower, [1, 2, 3])]))
    let k = c.kpis[0]
    #expect(k.verdict == .notEnoughData)
    #expect(k.result.pValue == 1 && k.result.lower == -.infinity && k.result.upper == .infinity)
    #expect(k.adjustedPValue == nil)
    #expect(c.judgedCount == 1)
    #expect(!k.result.difference.isNaN)
    #expect(c.table().contains("not enough data"))
    // A KPI empty in every replication.
    let empty = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, [.nan, .nan])]),
      CompareFixture.contents([("wait", .lower, [.nan, .nan])]))
    #expect(empty.kpis[0].verdict == .notEnoughData && !empty.kpis[0].result.pValue.isNaN)
  }

  @Test func betterNoneIsDescribedNotJudged() throws {
    let c = try CompareFixture.compare(
      CompareFixture.contents([("calls", .none, [10, 11, 12])]),
      CompareFixture.contents([("calls", .none, [20, 21, 22])]))
    let k = c.kpis[0]
    #expect(k.result.basis == .constantDifference && k.result.pValue == 0)
    #expect(k.verdict == .noVerdict && k.adjustedPValue == nil)
    #expect(!c.anySignificant && c.judgedCount == 0)
  }
}
