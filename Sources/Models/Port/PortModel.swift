import SimKernel

/// The port as an event handler that dispatches each event to the part it concerns: the
/// vessel calls (here), the quay (berths and cranes), the container yard, the gate, customs
/// and the channel. The parts share the vessel and batch tables and the metrics, which the
/// port model owns.
///
/// When X happens, do Y:
/// - a call is announced → create the vessel (moves, productivity, transits drawn now) and
///   its export boxes, whose trucks are due before the cut-off;
/// - anything else → the part that owns the event handles it (`Quay`, `ContainerYard`,
///   `TerminalGate`, `Customs`, `Channel`).
public final class PortModel: SubsystemModel {
  public static let subsystem = Subsystem.port
  let config: PortConfig
  /// The simulation owns its handlers and outlives them: no reference counting per access.
  unowned(unsafe) let sim: Simulation
  /// The simulation's clock and calendar as a plain value (no reference counting per event).
  let scheduler: Scheduler

  var vessels = VesselTable()
  var batches = BatchTable()

  // Yard, gate and customs (used with `containers`).
  /// The containers section (defaults when the port is the berth core only: then unused).
  let boxes: ContainerConfig
  /// Whether boxes are tracked (`config.containers` is set).
  let hasContainers: Bool

  // The parts (set once in `init`, after the port itself).
  private(set) var quay: Quay!
  private(set) var yard: ContainerYard!
  private(set) var gate: TerminalGate!
  private(set) var customs: Customs!
  private(set) var channel: Channel!

  // Random streams: per service (arrivals; vessel attributes and its export boxes), per
  // terminal (box dwell, customs, gate), per terminal cranes, and the channel.
  let arrivalStreams: [RandomStream]
  let vesselStreams: [RandomStream]
  let boxStreams: [RandomStream]
  let craneStreams: [RandomStream]
  let channelStream: RandomStream
  var metrics: PortMetrics
  /// The hinterland transport that may carry boxes by rail (nil: every box uses the gate).
  public var landside: (any PortLandside)?
  /// Observers of laden imports leaving by road (the fresh-produce ring).
  public var importObservers: [any PortImportObserver] = []
  /// The nominal (schedule) time of each weekly service's next call.
  var nominalNext: [SimTime]

  /// Creates the model for one replication and registers it with the simulation.
  public init(config: PortConfig, context: ModelContext) {
    self.config = config
    self.sim = context.simulation
    self.scheduler = context.simulation.scheduler
    boxes = config.containers ?? ContainerConfig()
    hasContainers = config.containers != nil
    arrivalStreams = config.services.map { context.stream(.port, "arrivals", $0.name) }
    vesselStreams = config.services.map { context.stream(.port, "vessels", $0.name) }
    boxStreams = config.terminals.map { context.stream(.port, "boxes", $0.name) }
    craneStreams = config.terminals.map { context.stream(.port, "cranes", $0.name) }
    channelStream = context.stream(.port, "channel")
    metrics = PortMetrics(terminals: config.terminals.count)
    nominalNext = Array(repeating: 0, count: config.services.count)
    quay = Quay(port: self)
    yard = ContainerYard(port: self)
    gate = TerminalGate(port: self)
    customs = Customs(port: self)
    channel = Channel(port: self)
    context.register(self)
    registerSeries()
  }

  /// How long ahead a scheduled call is announced.
  var callNotice: SimTime { hasContainers ? boxes.callNotice : 48 }

  public func start() {
    for (s, service) in config.services.enumerated() {
      switch service.arrivals {
      case .weekly(let calls, _):
        guard calls > 0 else { continue }
        // The first call of each service falls at a random phase of its headway, drawn
        // from its own stream, so that services do not all arrive at time 0.
        let headway = 168.0 / Double(calls)
        let first = arrivalStreams[s].uniform() * headway
        scheduler.schedule(
          at: Swift.max(0, first - callNotice), SubsystemTag.port,
          kind: PortEvent.callAnnounced.rawValue, entity: Int32(s))
        nominalNext[s] = first
      case .random:
        announceRandomCall(service: s)
      }
    }
    channel.start()
    quay.startBreakdowns()
    gate.startHours()
  }

  public func handle(_ event: Event) {
    let e = event.entity
    switch PortEvent(rawValue: event.kind) {
    case .callAnnounced: announceCall(service: Int(e))
    case .randomArrival: announceRandomCall(service: Int(e))
    case .vesselArrival: quay.arrive(vessel: e)
    case .berthReached: quay.berthReached(vessel: e)
    case .chunkDone: quay.chunkDone(vessel: e)
    case .vesselGone: quay.gone(vessel: e)
    case .channelClosed: channel.closed(closure: Int(e))
    case .channelOpened: channel.opened()
    case .craneBreakdown: quay.craneBreakdown(terminal: Int(e))
    case .craneRepaired: quay.craneRepaired(terminal: Int(e))
    case .gateHoursChange: gate.hoursChange(terminal: Int(e))
    case .gateArrival: gate.arrival(batch: e)
    case .gateDone: gate.done(batch: e)
    case .documentsChecked: customs.documentsChecked(batch: e)
    case .inspectionDone: customs.inspectionDone(batch: e)
    case .transshipmentReady: yard.transshipmentReady(batch: e)
    case nil: preconditionFailure("unknown port event \(event.kind)")
    }
  }

  public func warmupEnded(at time: SimTime) {
    metrics.reset(at: time)
    channel.warmupEnded(at: time)
    quay.warmupEnded(at: time)
    gate.warmupEnded(at: time)
    yard.warmupEnded(at: time)
    customs.warmupEnded(at: time)
  }

  // MARK: - Calls

  /// Creates a vessel of service `s` due at `arrival` (nominal slot `nominal`), with its
  /// export boxes, and schedules its arrival.
  private func createVessel(service s: Int, arrival: SimTime, nominal: SimTime) {
    let service = config.services[s]
    let terminal = service.terminal
    let stream = vesselStreams[s]
    // Held within the schema's bound, so the batch loops below stay finite (a far-tail draw of
    // lognormal(mean: 2125, sd: 800) never reaches it).
    let moves = service.moves.sample(stream).rounded().clamped(to: 1...PortSchema.maxMovesPerCall)
    let productivity = Swift.max(1e-6, config.terminals[terminal].craneProductivity.sample(stream))
    var discharge = DischargeMoves(importLaden: moves, emptyImport: 0, transshipment: 0)
    var loadMoves = 0.0
    if let c = config.containers {
      let d = (moves * c.dischargeShare).rounded()
      let importMoves = (d * c.dischargeMix[0]).rounded()
      let emptyMoves = Swift.min(d - importMoves, (d * c.dischargeMix[1]).rounded())
      discharge = DischargeMoves(importLaden: importMoves, emptyImport: emptyMoves, transshipment: d - importMoves - emptyMoves)
      loadMoves = moves - d
    }
    let v = vessels.add(service: s, terminal: terminal, moves: moves, productivity: productivity, discharge: discharge)
    let i = Int(v)
    vessels.transitIn[i] = Swift.max(0, config.channel.transit.sample(stream))
    vessels.transitOut[i] = Swift.max(0, config.channel.transit.sample(stream))
    vessels.nominal[i] = nominal
    if let c = config.containers {
      yard.createExports(vessel: v, loadMoves: loadMoves, containers: c, stream: stream)
    }
    yard.takeRolledExports(vessel: v)
    scheduler.schedule(at: arrival, SubsystemTag.port, kind: PortEvent.vesselArrival.rawValue, entity: v, priority: .arrival)
  }

  private func announceCall(service s: Int) {
    guard case .weekly(let calls, let jitter) = config.services[s].arrivals else { return }
    let nominal = nominalNext[s]
    let delay = Swift.max(-callNotice, jitter.sample(arrivalStreams[s]))
    createVessel(service: s, arrival: nominal + delay, nominal: nominal)
    let next = nominal + 168.0 / Double(calls)
    nominalNext[s] = next
    scheduler.schedule(at: next - callNotice, SubsystemTag.port, kind: PortEvent.callAnnounced.rawValue, entity: Int32(s))
  }

  /// A random-arrival service: the next vessel is known one inter-arrival time ahead (its
  /// arrival is announced when the previous one arrives).
  private func announceRandomCall(service s: Int) {
    guard case .random(let interarrival) = config.services[s].arrivals else { return }
    let at = scheduler.now + interarrival.sample(arrivalStreams[s])
    createVessel(service: s, arrival: at, nominal: at)
    scheduler.schedule(at: at, SubsystemTag.port, kind: PortEvent.randomArrival.rawValue, entity: Int32(s), priority: .arrival)
  }

  // MARK: - Rail handover

  /// The rail yard takes a released import batch (accepted by `landside`): it leaves the
  /// port yard now.
  public func pickUpByRail(batch b: Int32) {
    let k = Int(b)
    precondition(batches.state[k] == .inYard && batches.flow[k] == .importLaden, "not a released import in the yard")
    metrics.dwellByFlow[batches.flow[k].rawValue].add(scheduler.now - batches.inYardSince[k])
    metrics.railImportTEU += batches.teu[k]
    yard.leave(batch: b, terminal: Int(batches.terminal[k]))
  }

  /// A train brought an export batch (accepted by `landside`): it enters the terminal as a
  /// truck's would after the gate.
  public func deliverByRail(batch b: Int32) {
    let k = Int(b)
    precondition(batches.state[k] == .expected && batches.flow[k] == .exportLaden, "not an expected export")
    yard.receive(batch: b, terminal: Int(batches.terminal[k]))
  }
}
