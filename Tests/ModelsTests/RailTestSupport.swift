import SimKernel

@testable import Models

/// A corridor for tests: one departure a day at `departure` hours, trains of `capacity` TEU,
/// deterministic transit, rail far cheaper than trucks unless the costs are overridden.
func railCorridor(
  name: String = "Line", share: Double = 1, departure: SimTime = 10, capacity: Double = 100,
  transit: Distribution = .constant(5), railKm: Double = 300, roadKm: Double = 300,
  kind: RailCorridorKind = .dryPort, crossing: Distribution = .constant(0),
  closures: [Range<SimTime>] = []
) -> RailCorridor {
  RailCorridor(
    name: name, kind: kind, demandShare: share, railKm: railKm, roadKm: roadKm, drayageKm: 0,
    timetable: RailTimetable(cycle: 24, offsets: [departure]), wagons: 1, teuPerWagon: capacity,
    transit: transit, crossingDelay: crossing, closures: closures)
}

/// A rail section for tests: handling takes exactly `handling` hours; choice deterministic
/// (scale 0) unless given.
func railConfig(
  _ corridors: [RailCorridor], roadOnly: Double = 0, yardTEU: Double = 1e6, handlers: Int = 100,
  handling: SimTime = 1, scale: Double = 0, subsidy: Double = 0, terminalCNY: Double = 0,
  order: RailLoadingOrder = .fifo
) -> RailConfig {
  RailConfig(
    corridors: corridors, roadOnlyShare: roadOnly, roadOnlyKm: 20,
    yard: RailYardConfig(capacityTEU: yardTEU, handlers: handlers, handlingTime: .constant(handling), loadingOrder: order),
    choice: RailModeChoice(
      valueOfTime: 20, scale: scale, subsidyPerTEU: subsidy, truckSpeedKmh: 60, truckCNYPerKm: 7,
      teuPerTruck: 2, railCNYPerTEUKm: 1, railTerminalCNY: terminalCNY))
}

/// Stands in for the port: records the handovers.
final class FakePort: RailPortHandover {
  unowned let sim: Simulation
  var pickedUp: [(batch: Int32, at: SimTime)] = []
  var delivered: [(batch: Int32, at: SimTime)] = []
  /// TEU of each batch (the script's boxes), to count the handovers as the port does.
  var teu: [Double] = []
  var railImportTEUSinceWarmup = 0.0
  var railExportTEUSinceWarmup = 0.0
  init(_ sim: Simulation) { self.sim = sim }
  func pickUpByRail(batch: Int32) {
    pickedUp.append((batch, sim.now))
    railImportTEUSinceWarmup += teu[Int(batch)]
  }
  func deliverByRail(batch: Int32) { delivered.append((batch, sim.now)) }
  var quayTEUSinceWarmup: Double { 0 }
}

/// A box the scripted port offers to the rail model at `at`.
struct ScriptedBox {
  var at: SimTime
  var isImport: Bool
  var teu: Double
  /// Import: pick-up time; export: cut-off.
  var time: SimTime
  /// Export: when its truck would reach the gate.
  var truckDue: SimTime = 0
}

/// Offers scripted boxes to the rail model at their times (a port without vessels).
final class BoxScript: EventHandler {
  let boxes: [ScriptedBox]
  unowned let rail: RailModel
  unowned let port: FakePort
  var accepted: [Bool]
  init(_ boxes: [ScriptedBox], rail: RailModel, port: FakePort, sim: Simulation) {
    self.boxes = boxes
    self.rail = rail
    self.port = port
    port.teu = boxes.map(\.teu)
    accepted = Array(repeating: false, count: boxes.count)
    sim.register(self, for: SubsystemID(rawValue: 9))
    for (i, b) in boxes.enumerated() { sim.schedule(at: b.at, SubsystemID(rawValue: 9), kind: 1, entity: Int32(i)) }
  }
  func handle(_ event: Event) {
    let i = Int(event.entity)
    let b = boxes[i]
    accepted[i] =
      b.isImport
      ? rail.importReleased(batch: Int32(i), terminal: 0, teu: b.teu, pickUpAt: b.time)
      : rail.exportAnnounced(batch: Int32(i), terminal: 0, teu: b.teu, cutoff: b.time, truckDue: b.truckDue)
    // The port counts an export as coming by rail when the rail accepts it.
    if accepted[i] && !b.isImport { port.railExportTEUSinceWarmup += b.teu }
  }
  func warmupEnded(at time: SimTime) {}
}

/// A rail model on its own simulation, fed by scripted boxes.
struct RailHarness {
  let sim: Simulation
  let port: FakePort
  let rail: RailModel
  let script: BoxScript
  let accounts: SharedAccounts

  init(_ config: RailConfig, boxes: [ScriptedBox], horizon: SimTime = 24 * 5, seed: UInt64 = 7, replication: Int = 0) {
    sim = Simulation(sampleInterval: 24, horizon: horizon)
    accounts = SharedAccounts(simulation: sim)
    port = FakePort(sim)
    let context = ModelContext(simulation: sim, seed: seed, replication: replication, accounts: accounts)
    rail = RailModel(config: config, context: context, handover: port)
    script = BoxScript(boxes, rail: rail, port: port, sim: sim)
    rail.start()
    sim.run(until: horizon)
  }

  var output: SubsystemOutput { rail.finish(at: sim.now) }
  func kpi(_ name: String) -> [Double] { output.kpis.first { $0.info.name == name }?.values ?? [] }
}
