import Foundation
import Results
import SimKernel
import Testing

@testable import Experiments

/// Time series per bin, files that cannot be compared, and the renderings.
struct CompareSeriesAndCompatibilityTests {
  /// A series with two labels and three times; replication r, time t, label l.
  func series(_ value: (Int, Int, Int) -> Double) -> SeriesResults {
    let info = MetricInfo(name: "queue", longName: "Queue", units: "1", axis: LabelAxis(name: "terminal", labels: ["X", "Y"]))
    return SeriesResults(info: info, values: (0..<3).map { r in (0..<3).flatMap { t in (0..<2).map { l in value(r, t, l) } } })
  }

  @Test func seriesDifferencePerBin() throws {
    // Label X: B = A + t (bin 0 identical, bins 1 and 2 a constant shift); label Y: B = A.
    let a = CompareFixture.contents([("wait", .lower, [1, 2, 3])], series: [series { r, t, l in Double(r * 10 + t + l) }])
    let b = CompareFixture.contents(
      [("wait", .lower, [1, 2, 3])],
      series: [series { r, t, l in Double(r * 10 + t + l) + (l == 0 ? Double(t) : 0) }])
    let c = try CompareFixture.compare(a, b)
    #expect(c.series.count == 2)
    let x = c.series[0], y = c.series[1]
    #expect(x.label == "X" && y.label == "Y")
    #expect(x.times == [0, 6, 12])
    #expect(x.bins.map(\.difference) == [0, 1, 2])
    #expect(x.binsExcludingZero == 2 && x.binsWithData == 3)
    #expect(x.meanDifference == 1)
    #expect(x.bins[1].a.mean == 11 && x.bins[1].b.mean == 12)  // (1 + 11 + 21) / 3 = 11
    #expect(y.binsExcludingZero == 0 && y.meanDifference == 0)
    #expect(!c.anySignificant, "series never enter the verdict")
  }

  func expectIncompatible(_ a: ResultsContents, _ b: ResultsContents, _ fragment: String) {
    do {
      _ = try CompareFixture.compare(a, b)
      Issue.record("expected the files to be refused (\(fragment))")
    } catch let error as CompareError {
      #expect(error.exitCode == 2)
      #expect(error.message.contains("a.h5 and b.h5 cannot be compared"), "\(error.message)")
      #expect(error.message.contains(fragment), "\(error.message)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func incompatibleFilesAreRefused() {
    let base = CompareFixture.contents([("wait", .lower, [1, 2])])
    expectIncompatible(
      base, CompareFixture.contents([("wait", .lower, [1, 2])], horizon: 480),
      "horizons differ (a.h5: 240 h, b.h5: 480 h)")
    expectIncompatible(
      base, CompareFixture.contents([("wait", .lower, [1, 2])], subsystem: "rail"),
      "subsystems differ (a.h5: port, b.h5: rail)")
    expectIncompatible(
      base, CompareFixture.contents([("delay", .lower, [1, 2])]),
      "the port KPIs differ (only in a.h5: wait; only in b.h5: delay)")
    expectIncompatible(
      base, CompareFixture.contents([("wait", .lower, [1, 2])], axis: LabelAxis(name: "terminal", labels: ["X"])),
      "port.wait is broken down differently")
    var other = base
    other.metadata.sampleInterval = 12
    expectIncompatible(base, other, "sample intervals differ")
  }

  @Test func labelsAreMatchedByName() throws {
    // A variant adds a terminal and drops one: shared labels are compared by name, whatever
    // their position; a label in one file only has no verdict.
    func file(_ labels: [String], _ values: [[Double]]) -> ResultsContents {
      var c = CompareFixture.contents([("wait", .lower, values.map { $0[0] })], axis: LabelAxis(name: "terminal", labels: labels))
      c.subsystems[0].kpis[0].values = values
      return c
    }
    let a = file(["X", "Y"], [[1, 10], [2, 11], [3, 12]])
    let b = file(["Z", "Y"], [[5, 20], [6, 21], [7, 22]])
    let c = try CompareFixture.compare(a, b)
    #expect(c.kpis.map(\.label) == ["X", "Y", "Z"])
    let y = try #require(c.kpis.first { $0.label == "Y" })
    #expect(abs(y.result.difference - 10) < 1e-12)
    #expect(y.verdict == .worse)
    for label in ["X", "Z"] {
      #expect(c.kpis.first { $0.label == label }?.verdict == .notEnoughData)
    }
  }

  @Test func subsystemFilter() throws {
    let a = CompareFixture.contents([("wait", .lower, [1, 2])])
    let c = try CompareFixture.compare(a, a, options: CompareOptions(subsystems: ["port"]))
    #expect(c.kpis.count == 1)
    #expect(throws: CompareError.self) { try CompareFixture.compare(a, a, options: CompareOptions(subsystems: ["ring"])) }
  }

  @Test func jsonHasEverythingAndNoNaN() throws {
    let a = CompareFixture.contents(
      [("wait", .lower, [1, 2, 4]), ("sparse", .lower, [1, .nan, .nan])],
      series: [series { r, t, l in Double(r + t + l) }], scenario: "a: 1\n")
    let b = CompareFixture.contents(
      [("wait", .lower, [0, 1, 2]), ("sparse", .lower, [1, .nan, .nan])],
      series: [series { r, t, l in Double(r + t + l + 1) }], scenario: "a: 2\n")
    let c = try CompareFixture.compare(a, b)
    let text = c.json()
    #expect(!text.contains("nan") && !text.contains("inf"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["method"] as? String == "paired-t")
    let kpis = try #require(object["kpis"] as? [[String: Any]])
    #expect(kpis.count == 2)
    #expect(kpis[1]["verdict"] as? String == "not-enough-data")
    let series = try #require(object["series"] as? [[String: Any]])
    let bins = try #require(series[0]["bins"] as? [String: Any])
    #expect((bins["difference"] as? [Double]) == [1, 1, 1])
    let inputs = try #require(object["input_differences"] as? [[String: Any]])
    #expect(inputs.first?["key_path"] as? String == "a")
    #expect(text == c.json(), "stable output")
    let keys = text.components(separatedBy: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
    #expect(keys == keys.sorted(), "top-level keys in sorted order")
    #expect(c.markdown().contains("| subsystem | kpi |"))
    #expect(c.table().contains("inputs that changed (1):\n  a: 1 -> 2"))
  }
}

/// When pairing applies, and the display filter.
struct CompareMethodTests {
  @Test func pairingNeedsSeedReplicationsAndScheme() {
    let m = CompareFixture.metadata(replications: 3)
    #expect(ComparisonMethod.choose(m, replicationsA: [0, 1, 2], m, replicationsB: [0, 1, 2]).method == .pairedT)
    var other = m
    other.streamScheme = "ss2"
    let scheme = ComparisonMethod.choose(m, replicationsA: [0, 1, 2], other, replicationsB: [0, 1, 2])
    #expect(scheme.method == .welch && scheme.reason.contains("stream schemes differ (ss1 vs ss2)"))
    let shifted = ComparisonMethod.choose(m, replicationsA: [0, 1, 2], m, replicationsB: [1, 2, 3])
    #expect(shifted.method == .welch && shifted.reason.contains("replications differ (0–2 vs 1–3)"))
    let forced = ComparisonMethod.choose(m, replicationsA: [0, 1, 2], m, replicationsB: [0, 1, 2], forceUnpaired: true)
    #expect(forced.method == .welch && forced.reason.contains("asked for"))
  }

  @Test func differencesOnlyHidesRowsButNotTheVerdict() throws {
    let c = try CompareFixture.compare(
      CompareFixture.contents([("wait", .lower, [1, 2, 3]), ("queue", .lower, [1, 2, 3])]),
      CompareFixture.contents([("wait", .lower, [0, 1, 2]), ("queue", .lower, [1, 2, 3])]))
    let all = c.table(), some = c.table(differencesOnly: true)
    #expect(all.contains(" queue ") && !some.contains(" queue "))
    #expect(some.contains(" wait ") && some.contains("(1 KPI rows without a significant difference"))
    #expect(some.hasSuffix("verdict: 1 of 2 KPIs with a verdict differ significantly (Holm-adjusted p < 0.05): 1 better, 0 worse"))
  }
}
