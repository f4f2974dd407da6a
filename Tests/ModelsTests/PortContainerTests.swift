import Models
import SimKernel
import Testing

/// Boxes behind the moves: TEU counting, the yard under pressure, closures and gate hours.
@Suite struct PortContainerTests {
  static func kpi(_ o: ReplicationOutput, _ name: String) -> [Double] {
    o.subsystems.first { $0.name == "port" }?.kpis.first { $0.info.name == name }?.values ?? []
  }
  static func checks(_ o: ReplicationOutput) -> [CheckOutput] {
    o.subsystems.first { $0.name == "port" }?.checks ?? []
  }

  /// One terminal, one crane, vessels every 100 h with exactly 100 moves, all deterministic.
  func handComputedPort(twin: Double = 0.2, single: Double = 1.5) -> ChainSimConfig {
    let terminal = TerminalConfig(
      name: "T", berths: 1, cranes: 1, minCranesPerVessel: 1, maxCranesPerVessel: 1,
      craneProductivity: .constant(100), yardBlocks: 2, yardBlockTEU: 1000)
    let service = VesselServiceConfig(name: "S", terminal: 0, arrivals: .random(interarrival: .constant(100)), moves: .constant(100))
    let containers = ContainerConfig(
      teuPerSingleLift: single, twinLiftShare: twin, dischargeShare: 0.5,
      dischargeMix: [0.6, 0.2, 0.2], loadMix: [1, 0, 0],
      importDwell: .constant(5), emptyDwell: .constant(5), transshipmentDwell: .constant(1),
      exportLead: .constant(10), cutoff: 24, movesPerBatch: 10)
    return ChainSimConfig(
      name: "hand", run: RunSettings(seed: 1, replications: 1, horizon: 250, warmup: 0, sampleInterval: 10),
      port: PortConfig(terminals: [terminal], services: [service], containers: containers))
  }

  @Test func teuPerMoveAndTransshipmentCountedTwice() throws {
    let config = handComputedPort()
    // TEU per move = 0.2 × 2 + 0.8 × 1.5 = 1.6; boxes per move = 1.2.
    #expect(abs((config.port?.containers?.teuPerMove ?? 0) - 1.6) < 1e-12)
    #expect(abs((config.port?.containers?.boxesPerMove ?? 0) - 1.2) < 1e-12)
    let out = Replication.run(config, index: 0)
    // Vessels arrive at 100 and 200 (the third, at 300, is after the horizon). Each
    // discharges 50 moves: 30 import, 10 empty, 10 transshipment; and loads its 50 export
    // moves. The second also loads the first one's 10 transshipment moves.
    let byFlow = Self.kpi(out, "teu_by_flow")
    #expect(byFlow.count == 5)
    #expect(abs(byFlow[0] - 2 * 30 * 1.6) < 1e-9, "import \(byFlow[0])")
    #expect(abs(byFlow[1] - 2 * 10 * 1.6) < 1e-9, "empty import \(byFlow[1])")
    #expect(abs(byFlow[2] - 3 * 10 * 1.6) < 1e-9, "transshipment counted at discharge and again at load: \(byFlow[2])")
    #expect(abs(byFlow[3] - 2 * 50 * 1.6) < 1e-9, "export \(byFlow[3])")
    #expect(byFlow[4] == 0)
    #expect(abs((Self.kpi(out, "teu_throughput").first ?? 0) - 336) < 1e-9)
    #expect(Self.kpi(out, "moves_handled").first == 210)
    for c in Self.checks(out) { #expect(c.passed, "\(c.name): \(c.entered) ≠ \(c.left) + \(c.remained)") }
  }

  /// A busy terminal with a yard far too small, and the channel closed for two days.
  func congestedPort(yardTEU: Double, closures: [Range<SimTime>], gateHours: (SimTime, SimTime) = (0, 24)) -> ChainSimConfig {
    let terminals = [
      TerminalConfig(
        name: "A", berths: 2, cranes: 6, minCranesPerVessel: 1, maxCranesPerVessel: 3,
        craneProductivity: .normal(mean: 25, sd: 4, min: 10, max: nil), yardBlocks: 2, yardBlockTEU: yardTEU / 2,
        gateLanes: 3, gateOpensAt: gateHours.0, gateClosesAt: gateHours.1, craneMTBF: 100, craneRepair: .exponential(mean: 3)),
      TerminalConfig(
        name: "B", berths: 1, cranes: 3, minCranesPerVessel: 1, maxCranesPerVessel: 3,
        craneProductivity: .constant(20), yardBlocks: 4, yardBlockTEU: yardTEU / 4,
        gateLanes: 2, gateOpensAt: gateHours.0, gateClosesAt: gateHours.1),
    ]
    let services = [
      VesselServiceConfig(
        name: "AE", terminal: 0, alternatives: [1], arrivals: .weekly(callsPerWeek: 7, jitter: .normal(mean: 0, sd: 6, min: nil, max: nil)),
        moves: .lognormal(mean: 1200, sd: 300)),
      VesselServiceConfig(
        name: "feeder", terminal: 1, arrivals: .random(interarrival: .exponential(mean: 30)), moves: .uniform(min: 200, max: 600)),
    ]
    let containers = ContainerConfig(
      teuPerSingleLift: 1.6, twinLiftShare: 0.1, dischargeShare: 0.5,
      dischargeMix: [0.6, 0.3, 0.1], loadMix: [0.8, 0.1, 0.1],
      importDwell: .exponential(mean: 72), emptyDwell: .exponential(mean: 150), transshipmentDwell: .exponential(mean: 48),
      exportLead: .exponential(mean: 48), cutoff: 24, movesPerBatch: 10, callNotice: 120)
    let customs = CustomsConfig(
      importAdvanceDeclaration: 0.3, importDocumentTime: .exponential(mean: 20), importInspectionRate: 0.1,
      exportAdvanceDeclaration: 0.5, exportDocumentTime: .exponential(mean: 2), exportInspectionRate: 0.05,
      inspectionTime: .exponential(mean: 5), inspectionTeams: 2)
    let channel = ChannelConfig(
      transit: .constant(2), closures: closures, randomClosuresPerYear: 20, closureDuration: .exponential(mean: 8))
    return ChainSimConfig(
      name: "congested", run: RunSettings(seed: 11, replications: 1, horizon: 24 * 50, warmup: 24 * 7, sampleInterval: 6),
      port: PortConfig(
        terminals: terminals, services: services, containers: containers, customs: customs,
        channel: channel, divertAboveWait: 12))
  }

  @Test func noBoxLostUnderFullYardAndClosure() {
    for index in 0..<3 {
      let out = Replication.run(congestedPort(yardTEU: 2500, closures: [24 * 20..<24 * 22]), index: index)
      let checks = Self.checks(out)
      #expect(checks.contains { $0.name == "teu_balance_a" } && checks.contains { $0.name == "teu_balance_b" })
      for c in checks { #expect(c.passed, "replication \(index) \(c.name): \(c.entered) ≠ \(c.left) + \(c.remained)") }
      #expect(
        Self.kpi(out, "discharge_blocked_hours").reduce(0, +) > 0,
        "the small yard must stop discharge at times: \(Self.kpi(out, "discharge_blocked_hours")) \(Self.kpi(out, "yard_occupancy_max"))")
      #expect((Self.kpi(out, "yard_occupancy_max").max() ?? 2) <= 1 + 1e-12, "the yard never holds more than its capacity")
      #expect((Self.kpi(out, "channel_closed_hours").first ?? 0) >= 48)
      #expect(Self.kpi(out, "crane_breakdowns").reduce(0, +) > 0)
      let broken = out.subsystems.first { $0.name == "port" }?.series.first { $0.info.name == "cranes_broken" }
      #expect(
        broken.map { s in s.values.enumerated().allSatisfy { $0.element >= 0 && $0.element <= ($0.offset % 2 == 0 ? 6 : 3) } } == true,
        "broken cranes stay within each terminal's pool")
    }
  }

  /// A congested home terminal with an idle alternative: vessels are sent there, and the
  /// wait falls against the same run without the fallback (common random numbers).
  @Test func congestedVesselsGoToTheAlternative() {
    var config = congestedPort(yardTEU: 1e7, closures: [])
    config.port?.terminals[0].cranes = 3
    config.port?.terminals[0].berths = 1
    config.port?.divertAboveWait = 6
    let diverted = Replication.run(config, index: 0)
    config.port?.services[0].alternatives = []
    let stuck = Replication.run(config, index: 0)
    #expect((Self.kpi(diverted, "vessels_diverted").first ?? 0) > 0)
    #expect(Self.kpi(stuck, "vessels_diverted").first == 0)
    #expect((Self.kpi(diverted, "wait_for_berth_mean").first ?? .infinity) < (Self.kpi(stuck, "wait_for_berth_mean").first ?? 0))
    for c in Self.checks(diverted) { #expect(c.passed, "\(c.name)") }
  }

  @Test func aRoomyYardNeverBlocks() {
    let out = Replication.run(congestedPort(yardTEU: 1e7, closures: []), index: 0)
    #expect(Self.kpi(out, "discharge_blocked_hours").allSatisfy { $0 == 0 })
    for c in Self.checks(out) { #expect(c.passed, "\(c.name)") }
  }

  @Test func noTruckPassesOutsideGateHours() {
    let out = Replication.run(congestedPort(yardTEU: 1e7, closures: [], gateHours: (8, 18)), index: 1)
    let gate = Self.checks(out).first { $0.name == "gate_hours" }
    #expect(gate?.passed == true)
    #expect((gate?.entered ?? 0) > 100, "trucks did pass the gate")
    let roundTheClock = Replication.run(congestedPort(yardTEU: 1e7, closures: [], gateHours: (0, 24)), index: 1)
    // Night closures make trucks queue: longer turnaround than a gate open round the clock.
    #expect((Self.kpi(out, "truck_turnaround_mean").first ?? 0) > (Self.kpi(roundTheClock, "truck_turnaround_mean").first ?? 0) + 1)
  }
}
