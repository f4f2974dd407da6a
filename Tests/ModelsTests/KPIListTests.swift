import SimKernel
import Testing

@testable import Models

/// The KPI builder: a duration gives its mean, p50, p90 and p95 per label, named
/// `<base>_<statistic><suffix>` unless a name predates the rule, with the percentiles of
/// `Tally.percentile(_:)` and NaN for a label without observations.
struct KPIListTests {
  @Test func aDurationGivesMeanAndThreePercentilesPerLabel() {
    let a = Tally(Array(stride(from: 1.0, through: 100, by: 1)), keepsSamples: true)
    let empty = Tally(keepsSamples: true)
    let axis = LabelAxis(name: "terminal", labels: ["A", "B"])
    var kpis = KPIList()
    kpis.duration(
      "wait", "wait for a berth by terminal", [a, empty], axis, suffix: "_by_terminal",
      names: [.mean: "wait_by_terminal"], longNames: [.p90: "90th percentile of the wait"])
    let out = kpis.outputs
    #expect(out.map(\.info.name) == ["wait_by_terminal", "wait_p50_by_terminal", "wait_p90_by_terminal", "wait_p95_by_terminal"])
    #expect(
      out.map(\.info.longName) == [
        "Mean wait for a berth by terminal", "Median wait for a berth by terminal", "90th percentile of the wait",
        "95th percentile of wait for a berth by terminal",
      ])
    #expect(out.map { $0.values[0] } == [a.mean, a.percentile(0.5), a.percentile(0.9), a.percentile(0.95)])
    #expect(out.allSatisfy { $0.values.count == 2 && $0.values[1].isNaN })
    #expect(out.allSatisfy { $0.info.units == "h" && $0.info.better == .lower && $0.info.axis == axis && $0.info.validMin == 0 })
  }

  @Test func everyModelsDurationsHaveAllFourStatistics() {
    // A port with containers and rail, and the ring: every KPI in hours named `_mean` has its
    // p50, p90 and p95.
    let runs = [RailPortCouplingTests.portWithRail(railYardTEU: 5000), ringRun(ringConfig(), replications: 1, days: 5)]
    for subsystem in runs.flatMap({ Replication.run($0, index: 0).subsystems }) {
      let names = Set(subsystem.kpis.map(\.info.name))
      for kpi in subsystem.kpis where kpi.info.units == "h" {
        let name = kpi.info.name
        guard let range = name.range(of: "_mean") else { continue }
        for p in ["_p50", "_p90", "_p95"] {
          let expected = name.replacingCharacters(in: range, with: p)
          #expect(names.contains(expected), "\(subsystem.name)/\(name) has no \(expected)")
        }
      }
    }
  }
}
