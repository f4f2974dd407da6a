import Models
import SimKernel
import Testing

/// Rail coupled to a real port in one run: flows balance across the handover in every
/// replication, the two sides' counters agree, and rail changes nothing it should not.
@Suite struct RailPortCouplingTests {
  /// A small busy port (the shape of the port tests' congested case) with rail behind it.
  static func portWithRail(railYardTEU: Double, subsidy: Double = 0) -> ChainSimConfig {
    let terminals = [
      TerminalConfig(
        name: "A", berths: 2, cranes: 6, minCranesPerVessel: 1, maxCranesPerVessel: 3,
        craneProductivity: .normal(mean: 25, sd: 4, min: 10, max: nil), yardBlocks: 2, yardBlockTEU: 4000, gateLanes: 3),
      TerminalConfig(
        name: "B", berths: 1, cranes: 3, minCranesPerVessel: 1, maxCranesPerVessel: 3,
        craneProductivity: .constant(20), yardBlocks: 2, yardBlockTEU: 2000, gateLanes: 2),
    ]
    let services = [
      VesselServiceConfig(
        name: "AE", terminal: 0, arrivals: .weekly(callsPerWeek: 7, jitter: .normal(mean: 0, sd: 6, min: nil, max: nil)),
        moves: .lognormal(mean: 1200, sd: 300)),
      VesselServiceConfig(
        name: "feeder", terminal: 1, arrivals: .random(interarrival: .exponential(mean: 30)), moves: .uniform(min: 200, max: 600)),
    ]
    let containers = ContainerConfig(
      teuPerSingleLift: 1.6, twinLiftShare: 0.1, dischargeShare: 0.5,
      dischargeMix: [0.6, 0.3, 0.1], loadMix: [0.8, 0.1, 0.1],
      importDwell: .exponential(mean: 48), emptyDwell: .exponential(mean: 150), transshipmentDwell: .exponential(mean: 48),
      exportLead: .exponential(mean: 72), cutoff: 24, movesPerBatch: 10, callNotice: 168)
    let customs = CustomsConfig(
      importAdvanceDeclaration: 0.3, importDocumentTime: .exponential(mean: 20), importInspectionRate: 0.1,
      exportAdvanceDeclaration: 0.5, exportDocumentTime: .exponential(mean: 2), exportInspectionRate: 0.05,
      inspectionTime: .exponential(mean: 5), inspectionTeams: 2)
    let channel = ChannelConfig(transit: .constant(2), closures: [], randomClosuresPerYear: 10, closureDuration: .exponential(mean: 8))
    let corridors = [
      RailCorridor(
        name: "Near", demandShare: 0.3, railKm: 200, roadKm: 180, timetable: .evenly(3, every: 24),
        wagons: 25, transit: .lognormal(mean: 6, sd: 2)),
      RailCorridor(
        name: "Far", demandShare: 0.2, railKm: 900, roadKm: 800, timetable: .evenly(1, every: 24, first: 7),
        wagons: 20, transit: .lognormal(mean: 30, sd: 6)),
      RailCorridor(
        name: "Border", kind: .border, demandShare: 0.1, railKm: 900, roadKm: 760, drayageKm: 0,
        timetable: .evenly(3, every: 168), transit: .constant(36), crossingDelay: .lognormal(mean: 24, sd: 8),
        onwardTime: 96, closures: [24 * 20..<24 * 23], randomClosuresPerYear: 6, closureDuration: .exponential(mean: 24)),
    ]
    let rail = RailConfig(
      corridors: corridors, roadOnlyShare: 0.4,
      yard: RailYardConfig(capacityTEU: railYardTEU, handlers: 3, handlingTime: .lognormal(mean: 3, sd: 1)),
      choice: RailModeChoice(subsidyPerTEU: subsidy))
    return ChainSimConfig(
      name: "port-rail", run: RunSettings(seed: 5, replications: 1, horizon: 24 * 45, warmup: 24 * 7, sampleInterval: 6),
      port: PortConfig(
        terminals: terminals, services: services, containers: containers, customs: customs,
        channel: channel, divertAboveWait: 12),
      rail: rail)
  }

  static func kpi(_ o: ReplicationOutput, _ subsystem: String, _ name: String) -> [Double] {
    o.subsystems.first { $0.name == subsystem }?.kpis.first { $0.info.name == name }?.values ?? []
  }

  @Test(arguments: 0..<3) func flowsBalanceAcrossTheHandoverInEveryRun(replication: Int) {
    // A rail yard of 150 TEU fills: imports wait in the port yard for room.
    let out = Replication.run(Self.portWithRail(railYardTEU: 150), index: replication)
    let rail = out.subsystems.first { $0.name == "rail" }
    #expect(rail != nil)
    let names = rail?.checks.map(\.name) ?? []
    for n in [
      "import_handover", "rail_yard_balance", "export_balance", "train_capacity", "rail_yard_capacity",
      "port_import_counter", "port_export_counter",
    ] { #expect(names.contains(n), "check \(n)") }
    for s in out.subsystems {
      for c in s.checks { #expect(c.passed, "replication \(replication) \(s.name).\(c.name): \(c.entered) ≠ \(c.left) + \(c.remained)") }
    }
    let teu = Self.kpi(out, "rail", "rail_teu_by_direction")
    #expect(teu.count == 2 && teu[0] > 0 && teu[1] > 0, "rail carries both ways: \(teu)")
    #expect((Self.kpi(out, "rail", "pickup_delay_mean").first ?? 0) > 0, "the small rail yard blocks imports")
    #expect((Self.kpi(out, "rail", "rail_yard_stock_max").first ?? 1e9) <= 150)
    #expect((Self.kpi(out, "rail", "rail_share_of_throughput").first ?? 0) > 0)
  }

  /// The same seed with and without a subsidy: the port sees the same vessels (common
  /// random numbers), and more boxes go by rail.
  @Test func aSubsidyShiftsBoxesToRail() {
    let base = Replication.run(Self.portWithRail(railYardTEU: 5000), index: 0)
    let subsidised = Replication.run(Self.portWithRail(railYardTEU: 5000, subsidy: 400), index: 0)
    #expect(Self.kpi(base, "port", "vessel_calls") == Self.kpi(subsidised, "port", "vessel_calls"))
    let a = Self.kpi(base, "rail", "rail_share_of_laden").first ?? 0, b = Self.kpi(subsidised, "rail", "rail_share_of_laden").first ?? 0
    #expect(b > a, "\(a) → \(b)")
    let truckA = Self.kpi(base, "rail", "co2_by_mode").last ?? 0, truckB = Self.kpi(subsidised, "rail", "co2_by_mode").last ?? 0
    #expect(truckB < truckA)
  }
}
