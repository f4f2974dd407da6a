import Experiments
import Foundation
import SimKernel
import Testing

/// `HeadlineKPIs`: the one declared list of the KPIs a planner reads first (Issue 17).
@Suite struct HeadlineKPIsTests {
  @Test func everyListedKPIExistsWithoutALabelAndEachSubsystemHasAHandful() async throws {
    let path = packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml").path
    let prepared = try ScenarioPreparation.prepare(path: path, overrides: ["run.replications=2", "run.horizon=10d", "run.warmup=1d"])
    let rows = KPISummary.rows(await ReplicationSet.run(prepared.config, jobs: 2))
    let subsystems = Set(rows.map(\.subsystem))
    #expect(Set(HeadlineKPIs.list.map(\.subsystem)) == subsystems, "one entry per subsystem of the baseline")
    for entry in HeadlineKPIs.list {
      #expect((2...6).contains(entry.kpis.count), "\(entry.subsystem): \(entry.kpis.count) KPIs")
      for kpi in entry.kpis {
        let found = rows.filter { $0.subsystem == entry.subsystem && $0.kpi == kpi }
        #expect(found.count == 1 && found.first?.label == nil, "\(entry.subsystem)/\(kpi): \(found.count) rows")
        #expect(
          found.first.map { !$0.units.isEmpty && $0.halfWidth.isFinite } == true, "\(entry.subsystem)/\(kpi) has units and an interval")
      }
    }
    let headline = HeadlineKPIs.rows(rows)
    #expect(headline.count == HeadlineKPIs.list.reduce(0) { $0 + $1.kpis.count })
    #expect(
      headline.map(\.subsystem)
        == rows.map(\.subsystem).reduce(into: [String]()) { out, s in
          if !out.contains(s) { out += Array(repeating: s, count: HeadlineKPIs.list.first { $0.subsystem == s }?.kpis.count ?? 0) }
        }, "in the run's subsystem order")
  }

  @Test func aSubsystemTheListDoesNotNameShowsItsFirstKPIs() {
    func row(_ kpi: String, _ label: String? = nil) -> KPISummaryRow {
      KPISummaryRow(
        subsystem: "harbour-bus", kpi: kpi, label: label, longName: kpi, units: "1", better: .none,
        mean: 1, halfWidth: 0.1, count: 2)
    }
    let rows = [row("a"), row("b", "x"), row("b", "y"), row("c"), row("d"), row("e"), row("f")]
    #expect(HeadlineKPIs.rows(rows).map(\.kpi) == ["a", "c", "d", "e"])
  }
}
