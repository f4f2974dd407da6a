import Models
import SimKernel
import Testing

/// The port's side of the port ⇄ rail handover, driven by a scripted landside: boxes the
/// landside accepts stay its responsibility until it hands them back, and no TEU is lost.
@Suite struct PortLandsideTests {
  /// Takes every `every`-th import and export offered; picks imports up `pickUpDelay` after
  /// they are wanted and delivers exports `lead` before the cut-off.
  final class ScriptedRail: PortLandside, EventHandler {
    unowned(unsafe) var port: PortModel! = nil
    let scheduler: Scheduler
    let every: Int
    let pickUpDelay: SimTime
    let lead: SimTime
    var offeredImports = 0, offeredExports = 0
    var acceptedImportTEU = 0.0, acceptedExportTEU = 0.0, pickedUpTEU = 0.0, deliveredTEU = 0.0
    var lateDeliveries = 0
    var teu: [Int32: Double] = [:]

    init(simulation: Simulation, every: Int, pickUpDelay: SimTime, lead: SimTime) {
      scheduler = simulation.scheduler
      self.every = every
      self.pickUpDelay = pickUpDelay
      self.lead = lead
      simulation.register(self, for: SubsystemTag.rail)
    }

    func importReleased(batch: Int32, terminal: Int, teu: Double, pickUpAt: SimTime) -> Bool {
      offeredImports += 1
      guard offeredImports % every == 0 else { return false }
      acceptedImportTEU += teu
      self.teu[batch] = teu
      scheduler.schedule(at: Swift.max(scheduler.now, pickUpAt + pickUpDelay), SubsystemTag.rail, kind: 0, entity: batch)
      return true
    }

    func exportAnnounced(batch: Int32, terminal: Int, teu: Double, cutoff: SimTime, truckDue: SimTime) -> Bool {
      offeredExports += 1
      guard offeredExports % every == 0 else { return false }
      acceptedExportTEU += teu
      self.teu[-batch - 1] = teu
      if cutoff - lead < scheduler.now { lateDeliveries += 1 }
      scheduler.schedule(at: Swift.max(scheduler.now, cutoff - lead), SubsystemTag.rail, kind: 1, entity: batch)
      return true
    }

    func handle(_ event: Event) {
      if event.kind == 0 {
        pickedUpTEU += teu.removeValue(forKey: event.entity) ?? .nan
        port.pickUpByRail(batch: event.entity)
      } else {
        deliveredTEU += teu.removeValue(forKey: -event.entity - 1) ?? .nan
        port.deliverByRail(batch: event.entity)
      }
    }
    func warmupEnded(at time: SimTime) {}
  }

  /// Two terminals, steady weekly calls, a customs regime that releases most imports in hours.
  func port(horizon: SimTime) -> (ChainSimConfig, PortConfig) {
    let terminals = [
      TerminalConfig(
        name: "A", berths: 2, cranes: 6, minCranesPerVessel: 1, maxCranesPerVessel: 3,
        craneProductivity: .constant(25), yardBlocks: 4, yardBlockTEU: 5000, gateLanes: 3),
      TerminalConfig(
        name: "B", berths: 1, cranes: 3, minCranesPerVessel: 1, maxCranesPerVessel: 3,
        craneProductivity: .constant(20), yardBlocks: 4, yardBlockTEU: 5000, gateLanes: 2),
    ]
    let services = [
      VesselServiceConfig(
        name: "AE", terminal: 0, arrivals: .weekly(callsPerWeek: 5, jitter: .constant(0)), moves: .uniform(min: 800, max: 1200)),
      VesselServiceConfig(
        name: "feeder", terminal: 1, arrivals: .random(interarrival: .exponential(mean: 40)), moves: .uniform(min: 200, max: 600)),
    ]
    let containers = ContainerConfig(
      teuPerSingleLift: 1.6, twinLiftShare: 0.1, dischargeShare: 0.5,
      dischargeMix: [0.7, 0.2, 0.1], loadMix: [0.8, 0.2, 0],
      importDwell: .exponential(mean: 48), emptyDwell: .exponential(mean: 100), transshipmentDwell: .exponential(mean: 48),
      exportLead: .exponential(mean: 48), cutoff: 24, movesPerBatch: 10, callNotice: 120)
    let config = PortConfig(terminals: terminals, services: services, containers: containers)
    return (
      ChainSimConfig(
        name: "landside", run: RunSettings(seed: 5, replications: 1, horizon: horizon, warmup: 0, sampleInterval: 12),
        port: config), config
    )
  }

  func run(every: Int, lead: SimTime = 30, horizon: SimTime = 24 * 40) -> (ScriptedRail, SubsystemOutput) {
    let (whole, config) = port(horizon: horizon)
    let sim = Simulation(sampleInterval: whole.run.sampleInterval, horizon: horizon, warmup: 0)
    let context = ModelContext(simulation: sim, seed: whole.run.seed, replication: 0, accounts: SharedAccounts(simulation: sim))
    let model = PortModel(config: config, context: context)
    let rail = ScriptedRail(simulation: sim, every: every, pickUpDelay: 6, lead: lead)
    rail.port = model
    model.landside = rail
    model.start()
    sim.run(until: horizon)
    return (rail, model.finish(at: horizon))
  }

  static func kpi(_ o: SubsystemOutput, _ name: String) -> [Double] {
    o.kpis.first { $0.info.name == name }?.values ?? []
  }

  @Test func acceptedBoxesAreHandedBackAndNothingIsLost() throws {
    let (rail, out) = run(every: 3)
    #expect(rail.offeredImports > 50 && rail.offeredExports > 50)
    #expect(rail.acceptedImportTEU > 0 && rail.acceptedExportTEU > 0)
    // Everything the rail took was handed back, except what is still due at the horizon.
    let pendingTEU = rail.teu.values.reduce(0, +)
    #expect(abs(rail.acceptedImportTEU + rail.acceptedExportTEU - rail.pickedUpTEU - rail.deliveredTEU - pendingTEU) < 1e-6)
    #expect(rail.pickedUpTEU > 0 && rail.deliveredTEU > 0)
    for c in out.checks { #expect(c.passed, "\(c.name): \(c.entered) ≠ \(c.left) + \(c.remained)") }
  }

  @Test func railTakesTrafficOffTheGate() {
    let (_, truckOnly) = run(every: Int.max)
    let (rail, withRail) = run(every: 2)
    // Same vessels and boxes (common random numbers): the quay sees the same import and
    // empty TEU (transshipment connections are drawn from the terminal's box stream, which
    // the gate also draws from, so they may shift).
    let flowsTruck = Self.kpi(truckOnly, "teu_by_flow"), flowsRail = Self.kpi(withRail, "teu_by_flow")
    #expect(flowsTruck.count == 5 && flowsRail.count == 5)
    for f in [0, 1, 4] where f < Swift.min(flowsTruck.count, flowsRail.count) { #expect(flowsTruck[f] == flowsRail[f], "flow \(f)") }
    #expect(Self.kpi(truckOnly, "rail_handover_teu") == [0, 0])
    let handover = Self.kpi(withRail, "rail_handover_teu")
    #expect(handover.count == 2)
    #expect(abs((handover.first ?? 0) - rail.pickedUpTEU) < 1e-6)
    #expect(abs((handover.last ?? 0) - rail.acceptedExportTEU) < 1e-6)
    let gateTruck = Self.kpi(truckOnly, "gate_utilisation").reduce(0, +)
    let gateRail = Self.kpi(withRail, "gate_utilisation").reduce(0, +)
    #expect(gateTruck > 0)
    #expect(gateRail < gateTruck * 0.8, "gate utilisation \(gateRail) with rail vs \(gateTruck) by truck only")
    for c in withRail.checks { #expect(c.passed, "\(c.name)") }
  }

  @Test func exportsDeliveredAfterTheCutOffRoll() {
    // Deliveries 60 h after the cut-off (36 h after the nominal arrival): the vessels have
    // sailed, so every rail export rolls to its service's next call.
    let (rail, out) = run(every: 1, lead: -60)
    #expect(rail.deliveredTEU > 0)
    #expect((Self.kpi(out, "export_rolled_teu").first ?? 0) > 0)
    for c in out.checks { #expect(c.passed, "\(c.name)") }
  }
}
