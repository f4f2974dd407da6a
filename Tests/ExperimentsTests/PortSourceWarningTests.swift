import Experiments
import Foundation
import Testing

/// `validate` and `run` warn, with file, line, column and key path, about a vessel allowed more
/// cranes than its terminal has and about a terminal that no service calls at (Issue 17).
@Suite struct PortSourceWarningTests {
  /// Writes a variant of the baseline with `body` (indented under `port:`) and prepares it.
  func prepareVariant(_ body: String) throws -> (path: String, warnings: [String]) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-warn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let base = packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml").path
    let path = dir.appendingPathComponent("variant.yaml").path
    try "extends: \(base)\nport:\n\(body)".write(toFile: path, atomically: true, encoding: .utf8)
    return (path, try ScenarioPreparation.prepare(path: path, overrides: []).warnings)
  }

  @Test func moreCranesPerVesselThanQuayCranesIsWarnedAtTheKey() throws {
    let (path, w) = try prepareVariant(
      """
        terminals:
          - name: Orient
            max_cranes_per_vessel: 11
      """)
    #expect(
      w == [
        "\(path):5:30: port.terminals[name=Orient].max_cranes_per_vessel: 11 is more than the terminal's 10 quay cranes: a vessel is never worked by more than 10; lower it to at most quay_cranes"
      ], "\(w)")
  }

  @Test func aMaximumWrittenInTheBaseIsWarnedWhereItIsWritten() throws {
    // Basin-4's base entry writes max_cranes_per_vessel: 3 (line 119); the variant leaves it 2 cranes.
    let (_, w) = try prepareVariant(
      """
        terminals:
          - name: Basin-4
            quay_cranes: 2
      """)
    let base = packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml").path
    // (Two cranes also overload the terminal: that warning is PortWarningTests' business.)
    #expect(
      w.filter { $0.contains("max_cranes_per_vessel") } == [
        "\(base):119:30: port.terminals[name=Basin-4].max_cranes_per_vessel: 3 is more than the terminal's 2 quay cranes: a vessel is never worked by more than 2; lower it to at most quay_cranes"
      ], "\(w)")
  }

  @Test func theDefaultMaximumAboveASmallTerminalIsWarnedAtTheEntry() throws {
    // max_cranes_per_vessel is left to its default, 4, for a terminal of 3 cranes.
    let (path, w) = try prepareVariant(
      """
        terminals:
          - name: Lingang
            berths: 1
            quay_cranes: 3
            crane_productivity: 20/h
            yard_blocks: 4
            yard_block_teu: 3000
            gate_lanes: 4
        services:
          - name: TPCT liner calls
            alternatives: [Lingang]
      """)
    #expect(
      w == [
        "\(path):4:7: port.terminals[name=Lingang].max_cranes_per_vessel: 4 (the default) is more than the terminal's 3 quay cranes: a vessel is never worked by more than 3; lower it to at most quay_cranes"
      ], "\(w)")
  }

  @Test func aTerminalNoServiceCallsAtIsWarnedAtItsEntry() throws {
    let (path, w) = try prepareVariant(
      """
        terminals:
          - name: Lingang
            berths: 2
            quay_cranes: 6
            crane_productivity: 20/h
            yard_blocks: 4
            yard_block_teu: 3000
            gate_lanes: 4
      """)
    #expect(
      w == [
        "\(path):4:7: port.terminals[name=Lingang]: no service calls at this terminal (none names it as its terminal, or among its alternatives with port.divert_above_wait set): its berths and cranes stay idle and its KPIs are empty"
      ], "\(w)")
  }

  @Test func aTerminalCalledOnlyAsAnAlternativeIsNotWarned() throws {
    let (_, w) = try prepareVariant(
      """
        terminals:
          - name: Lingang
            berths: 2
            quay_cranes: 6
            crane_productivity: 20/h
            yard_blocks: 4
            yard_block_teu: 3000
            gate_lanes: 4
        services:
          - name: TPCT liner calls
            alternatives: [Lingang]
      """)
    #expect(w.isEmpty, "\(w)")
  }

  @Test func anAlternativeWithoutDiversionDoesNotCount() throws {
    // A port of its own: the baseline sets divert_above_wait, and a variant cannot unset it.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-warn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let terminal = "berths: 2, quay_cranes: 6, crane_productivity: 20/h, yard_blocks: 4, yard_block_teu: 3000, gate_lanes: 4"
    let text = """
      run: {horizon: 10d}
      port:
        terminals:
          - {name: Home, \(terminal)}
          - {name: Lingang, \(terminal)}
        services:
          - {name: Liner, terminal: Home, alternatives: [Lingang], interarrival: "exp(mean: 12h)", moves: 800}

      """
    let path = dir.appendingPathComponent("port.yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let w = try ScenarioPreparation.prepare(path: path, overrides: []).warnings
    #expect(
      w.count == 1 && w.first?.hasPrefix("\(path):5:7: port.terminals[name=Lingang]: no service calls at this terminal") == true, "\(w)")
    let diverting = try ScenarioPreparation.prepare(path: path, overrides: ["port.divert_above_wait=6h"]).warnings
    #expect(diverting.isEmpty, "with diversion the alternative is called at: \(diverting)")
  }
}
