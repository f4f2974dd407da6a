import Foundation
import SimKernel
import Testing

@testable import Experiments

/// Paired-t and Welch against numbers from scipy 1.17, t quantiles from GSL against table
/// values, Holm on hand-made p-values.
struct CompareStatisticsTests {
  // The example used below:
  //   a = [10.2, 11.5, 9.8, 12.1, 10.9], b = [9.1, 10.2, 9.0, 10.8, 9.7]
  let a = [10.2, 11.5, 9.8, 12.1, 10.9]
  let b = [9.1, 10.2, 9.0, 10.8, 9.7]

  func close(_ x: Double, _ y: Double, _ tol: Double = 1e-9) -> Bool { abs(x - y) <= tol * max(1, abs(y)) }

  @Test func tQuantilesMatchTables() {
    // scipy: stats.t.ppf(0.975, 9) = 2.262157162798205, ppf(0.975, 4) = 2.7764451051977934,
    // ppf(0.95, 20) = 1.7247182429207866, ppf(0.995, 2) = 9.924843200918287
    #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 9), 2.262157162798205))
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157) < 1e-6)  // printed tables
    #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 4), 2.7764451051977934))
    #expect(close(StudentT.quantile(0.95, degreesOfFreedom: 20), 1.7247182429207866))
    #expect(close(StudentT.quantile(0.995, degreesOfFreedom: 2), 9.924843200918287))
  }

  @Test func pairedTUnderCommonRandomNumbers() throws {
    // Same seed, replications and scheme -> paired. scipy: stats.ttest_rel(b, a):
    //   t = -12.292936145191996, p = 0.0002515406806273764,
    //   confidence_interval(0.95) = (-1.3974769267929075, -0.8825230732070928);
    //   np.corrcoef(a, b)[0,1] = 0.9921217966744552;
    //   var(b-a, ddof=1) / (var(a, ddof=1) + var(b, ddof=1)) = 0.02969613259668501
    let c = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, a)]), CompareFixture.contents([("wait", .lower, b)]))
    #expect(c.method == .pairedT)
    let k = try #require(c.kpis.first)
    #expect(close(k.result.difference, -1.14))
    #expect(close(k.result.t, -12.292936145191996, 1e-8))
    #expect(close(k.result.pValue, 0.0002515406806273764, 1e-6))
    #expect(close(k.result.lower, -1.3974769267929075, 1e-8))
    #expect(close(k.result.upper, -0.8825230732070928, 1e-8))
    #expect(close(k.result.correlation ?? 0, 0.9921217966744552, 1e-8))
    #expect(close(k.result.varianceRatio ?? 0, 0.02969613259668501, 1e-8))
    #expect(close(k.relativeChange ?? 0, -1.14 / 10.9))  // mean(a) = 10.9
    #expect(k.verdict == .better)
    #expect(k.adjustedPValue == k.result.pValue, "one KPI: Holm leaves p unchanged")
    #expect(c.anySignificant)
  }

  @Test func welchWhenSeedsDiffer() throws {
    // scipy: stats.ttest_ind(b, a, equal_var=False): t = -2.118388316804425,
    //   p = 0.06848204283713098, df = 7.666516142360648,
    //   confidence_interval(0.95) = (-2.390423613444477, 0.11042361344447604)
    let c = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, a)], seed: 1), CompareFixture.contents([("wait", .lower, b)], seed: 2))
    #expect(c.method == .welch)
    #expect(c.methodReason.contains("seeds differ (1 vs 2)"))
    let k = try #require(c.kpis.first)
    #expect(close(k.result.t, -2.118388316804425, 1e-8))
    #expect(close(k.result.pValue, 0.06848204283713098, 1e-6))
    #expect(close(k.result.degreesOfFreedom, 7.666516142360648, 1e-8))
    #expect(close(k.result.lower, -2.390423613444477, 1e-8))
    #expect(close(k.result.upper, 0.11042361344447604, 1e-7))
    #expect(k.result.correlation == nil && k.result.varianceRatio == nil)
    #expect(k.verdict == .noDifference)
    #expect(!c.anySignificant)
    // At alpha 0.1 the same data is a significant improvement (intervals at 90%).
    let loose = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, a)], seed: 1), CompareFixture.contents([("wait", .lower, b)], seed: 2),
      options: CompareOptions(alpha: 0.1))
    #expect(loose.kpis[0].verdict == .better)
    #expect(loose.kpis[0].result.upper < 0)
  }

  @Test func welchWithUnequalReplicationCounts() throws {
    // x = [3.1, 2.9, 3.4, 3.0], y = [3.6, 3.9, 3.3, 4.1, 3.8, 3.5]; scipy ttest_ind(y, x,
    // equal_var=False): t = 3.745126703594154, p = 0.0059422337296780176, df = 7.7896995708154515,
    // CI = (0.22881592307161897, 0.9711840769283804). Higher is better here -> better.
    let c = try CompareFixture.compare(
      CompareFixture.contents([("rate", .higher, [3.1, 2.9, 3.4, 3.0])]),
      CompareFixture.contents([("rate", .higher, [3.6, 3.9, 3.3, 4.1, 3.8, 3.5])]))
    #expect(c.method == .welch)
    #expect(c.methodReason.contains("replications differ (0–3 vs 0–5)"))
    let k = c.kpis[0]
    #expect(close(k.result.t, 3.745126703594154, 1e-8))
    #expect(close(k.result.pValue, 0.0059422337296780176, 1e-6))
    #expect(close(k.result.degreesOfFreedom, 7.7896995708154515, 1e-8))
    #expect(close(k.result.lower, 0.22881592307161897, 1e-8))
    #expect(close(k.result.upper, 0.9711840769283804, 1e-8))
    #expect(k.verdict == .better)
  }

  /// A row with a given p-value, for the Holm test.
  func row(_ name: String, p: Double, better: Better = .lower, enough: Bool = true) -> KPIComparison {
    let s = SampleSummary(mean: 1, halfWidth: 0.1, count: 5)
    let r = MeanDifference(
      a: s, b: s, difference: -0.5, lower: -0.6, upper: -0.4, t: -3, degreesOfFreedom: 4,
      pValue: p, basis: enough ? .tTest : .tooFewObservations)
    return KPIComparison(
      subsystem: "port", kpi: name, label: nil, longName: name, units: "h", better: better,
      result: r, relativeChange: nil, adjustedPValue: nil, verdict: .noDifference)
  }

  @Test func holmAcrossTheKPIsWithAVerdict() {
    // p = [0.01, 0.04, 0.03, 0.005] in the family (m = 4). Sorted: 0.005·4 = 0.02,
    // 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 -> running max 0.02, 0.03, 0.06, 0.06.
    // Adjusted in input order: [0.03, 0.06, 0.06, 0.02]. The better = none row and the row
    // without enough data are left out of the family (else m would be 6).
    var rows = [
      row("k1", p: 0.01), row("k2", p: 0.04), row("k3", p: 0.03), row("k4", p: 0.005),
      row("described", p: 0.001, better: .none), row("empty", p: 1, enough: false),
    ]
    KPIVerdicts.assign(&rows, alpha: 0.05, holm: true)
    let adjusted = rows.map(\.adjustedPValue)
    #expect(zip(adjusted.prefix(4), [0.03, 0.06, 0.06, 0.02]).allSatisfy { close($0!, $1, 1e-12) })
    #expect(adjusted[4] == nil && adjusted[5] == nil)
    #expect(rows.map(\.verdict) == [.better, .noDifference, .noDifference, .better, .noVerdict, .notEnoughData])

    var raw = rows
    for i in raw.indices { raw[i].adjustedPValue = nil }
    KPIVerdicts.assign(&raw, alpha: 0.05, holm: false)
    #expect(raw.map(\.verdict) == [.better, .better, .better, .better, .noVerdict, .notEnoughData])
  }
}
