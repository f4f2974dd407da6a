import Experiments
import Testing

/// `validate` warns about unstable landside queues: a gate, a yard or customs teams offered
/// more than they can handle (the baseline gets no warning: DocumentationTests).
@Suite struct PortWarningTests {
  @Test func overloadedGateYardAndCustomsAreWarned() throws {
    let prepared = try ScenarioPreparation.prepare(
      path: packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml").path,
      overrides: ["port.terminals[name=UICT].gate_lanes=1", "port.customs.inspection_teams=5", "port.terminals[name=FICT].yard_blocks=2"])
    let w = prepared.warnings
    #expect(w.contains { $0.hasPrefix("port.terminals[name=UICT]: gate offered load") }, "\(w)")
    #expect(w.contains { $0.hasPrefix("port.terminals[name=FICT]: the yard's expected occupancy") }, "\(w)")
    #expect(w.contains { $0.hasPrefix("port.customs: inspection offered load") }, "\(w)")
    #expect(w.count == 3, "only the three overloaded resources: \(w)")
  }
}
