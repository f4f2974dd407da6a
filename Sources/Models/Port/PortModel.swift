import SimKernel

/// The port as an event handler: vessels arrive by service, wait at the anchorage of their
/// terminal (or are sent to a less busy one), transit the channel, are worked crane chunk by
/// crane chunk — discharge into the yard, then load — and leave. Behind the moves, batches
/// of boxes dwell in the yard, clear customs and pass the gate on trucks.
///
/// When X happens, do Y:
/// - a call is announced → create the vessel (moves, productivity, transits drawn now) and
///   its export boxes, whose trucks are due before the cut-off;
/// - a vessel arrives → choose its terminal; berth it if the channel is open, a berth and the
///   minimum cranes are free, else it anchors;
/// - a chunk is done → the batch enters the yard (discharge) or leaves it (load); the next
///   chunk starts, or waits for yard space, or the vessel is ready to sail;
/// - the channel closes → no vessel moves in or out until it reopens.
/// Boxes: see `PortModel+Boxes.swift`; disruptions: `PortModel+Disruptions.swift`.
public final class PortModel: SubsystemModel {
  public static let subsystem = Subsystem.port
  let config: PortConfig
  /// The simulation owns its handlers and outlives them: no reference counting per access.
  unowned(unsafe) let sim: Simulation
  /// The simulation's clock and calendar as a plain value (no reference counting per event).
  let scheduler: Scheduler

  var vessels = VesselTable()
  var batches = BatchTable()
  var berths: [Resource]
  var cranesFree: [Int]
  var cranesBroken: [Int]
  var cranesBusy: [TimeWeighted]
  /// Vessels holding a berth, per terminal (for breakdowns).
  var atBerth: [[Int32]]
  /// Moves of anchored vessels and of vessels holding a berth, per terminal (expected wait).
  var anchoredMoves: [Double]
  var berthedMoves: [Double]
  /// Mean crane productivity per terminal.
  let meanProductivity: [Double]

  // Yard, gate and customs (used with `containers`).
  /// The containers section (defaults when the port is the berth core only: then unused).
  let boxes: ContainerConfig
  /// Whether boxes are tracked (`config.containers` is set).
  let hasContainers: Bool
  /// TEU in the yard or reserved for a chunk being discharged, per terminal.
  var yardTEU: [Double]
  var yardLevel: [TimeWeighted]
  /// Vessels (2v) and export batches (2b+1) waiting for yard space, FIFO per terminal.
  var spaceWaiters: [RingBuffer<Int32>]
  /// Transshipment batches ready to be loaded, per terminal (linked list).
  var readyHead: [Int32]
  var readyTail: [Int32]
  /// Export batches rolled from a call, waiting for the service's next call (linked list).
  var rolledHead: [Int32]
  var gates: [Resource]
  let gateSchedules: [CapacitySchedule]
  var gateQueueTrucks: [Double]
  var gateQueueLevel: [TimeWeighted]
  var inspection: Resource

  // Channel.
  var channelClosures = 0
  var channelClosedSince: SimTime = .nan
  var waitingToSail: [Int32] = []

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
    let n = config.terminals.count
    berths = config.terminals.map { Resource(capacity: $0.berths, discipline: config.berthDiscipline) }
    cranesFree = config.terminals.map(\.cranes)
    cranesBroken = Array(repeating: 0, count: n)
    cranesBusy = config.terminals.map { _ in TimeWeighted(initial: 0, at: 0) }
    atBerth = Array(repeating: [], count: n)
    anchoredMoves = Array(repeating: 0, count: n)
    berthedMoves = Array(repeating: 0, count: n)
    meanProductivity = config.terminals.map { Swift.max(1e-6, $0.craneProductivity.mean) }
    yardTEU = Array(repeating: 0, count: n)
    yardLevel = config.terminals.map { _ in TimeWeighted(initial: 0, at: 0) }
    spaceWaiters = config.terminals.map { _ in RingBuffer<Int32>() }
    readyHead = Array(repeating: -1, count: n)
    readyTail = Array(repeating: -1, count: n)
    rolledHead = Array(repeating: -1, count: config.services.count)
    gateSchedules = config.terminals.map(\.gateSchedule)
    gates = gateSchedules.map { Resource(capacity: $0.capacity(at: 0)) }
    gateQueueTrucks = Array(repeating: 0, count: n)
    gateQueueLevel = config.terminals.map { _ in TimeWeighted(initial: 0, at: 0) }
    inspection = Resource(capacity: config.customs.inspectionTeams)
    arrivalStreams = config.services.map { context.stream(.port, "arrivals", $0.name) }
    vesselStreams = config.services.map { context.stream(.port, "vessels", $0.name) }
    boxStreams = config.terminals.map { context.stream(.port, "boxes", $0.name) }
    craneStreams = config.terminals.map { context.stream(.port, "cranes", $0.name) }
    channelStream = context.stream(.port, "channel")
    metrics = PortMetrics(terminals: n)
    nominalNext = Array(repeating: 0, count: config.services.count)
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
        scheduler.schedule(at: Swift.max(0, first - callNotice), SubsystemTag.port,
                     kind: PortEvent.callAnnounced.rawValue, entity: Int32(s))
        nominalNext[s] = first
      case .random:
        announceRandomCall(service: s)
      }
    }
    startDisruptions()
    startGateHours()
  }

  public func handle(_ event: Event) {
    let e = event.entity
    switch PortEvent(rawValue: event.kind) {
    case .callAnnounced: announceCall(service: Int(e))
    case .randomArrival: announceRandomCall(service: Int(e))
    case .vesselArrival: arrive(vessel: e)
    case .berthReached: berthReached(vessel: e)
    case .chunkDone: chunkDone(vessel: e)
    case .vesselGone: gone(vessel: e)
    case .channelClosed: channelClosed(closure: Int(e))
    case .channelOpened: channelOpened()
    case .craneBreakdown: craneBreakdown(terminal: Int(e))
    case .craneRepaired: craneRepaired(terminal: Int(e))
    case .gateHoursChange: gateHoursChange(terminal: Int(e))
    case .gateArrival: gateArrival(batch: e)
    case .gateDone: gateDone(batch: e)
    case .documentsChecked: documentsChecked(batch: e)
    case .inspectionDone: inspectionDone(batch: e)
    case .transshipmentReady: transshipmentReady(batch: e)
    case nil: preconditionFailure("unknown port event \(event.kind)")
    }
  }

  public func warmupEnded(at time: SimTime) {
    metrics.reset(at: time)
    if channelClosures > 0 { channelClosedSince = time }
    for t in berths.indices {
      berths[t].resetStatistics(at: time)
      gates[t].resetStatistics(at: time)
      cranesBusy[t].reset(at: time)
      yardLevel[t].reset(at: time)
      gateQueueLevel[t].reset(at: time)
    }
    inspection.resetStatistics(at: time)
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
    var discharge = (moves, 0.0, 0.0)
    var loadMoves = 0.0
    if let c = config.containers {
      let d = (moves * c.dischargeShare).rounded()
      let importMoves = (d * c.dischargeMix[0]).rounded()
      let emptyMoves = Swift.min(d - importMoves, (d * c.dischargeMix[1]).rounded())
      discharge = (importMoves, emptyMoves, d - importMoves - emptyMoves)
      loadMoves = moves - d
    }
    let v = vessels.add(service: s, terminal: terminal, moves: moves, productivity: productivity, discharge: discharge)
    let i = Int(v)
    vessels.transitIn[i] = Swift.max(0, config.channel.transit.sample(stream))
    vessels.transitOut[i] = Swift.max(0, config.channel.transit.sample(stream))
    vessels.nominal[i] = nominal
    if let c = config.containers {
      createExports(vessel: v, loadMoves: loadMoves, containers: c, stream: stream)
    }
    takeRolledExports(vessel: v)
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

  // MARK: - Anchorage and berths

  /// Expected wait for a berth at terminal `t` for a vessel arriving now (hours).
  func expectedWait(terminal t: Int) -> Double {
    let minimum = config.terminals[t].minCranesPerVessel
    if channelClosures == 0 && berths[t].available > 0 && berths[t].queue.isEmpty && cranesFree[t] >= minimum { return 0 }
    let capacity = Double(Swift.max(1, config.terminals[t].cranes - cranesBroken[t])) * meanProductivity[t]
    return (anchoredMoves[t] + berthedMoves[t] / 2) / capacity
  }

  private func arrive(vessel v: Int32) {
    let now = scheduler.now
    let i = Int(v)
    let s = Int(vessels.service[i])
    var t = Int(vessels.terminal[i])
    let service = config.services[s]
    if !service.alternatives.isEmpty && expectedWait(terminal: t) > config.divertAboveWait {
      let home = t
      var best = expectedWait(terminal: t)
      for a in service.alternatives where expectedWait(terminal: a) < best {
        best = expectedWait(terminal: a)
        t = a
      }
      if t != home {
        // The vessel keeps its drawn productivity relative to the terminal's mean.
        vessels.productivity[i] *= meanProductivity[t] / meanProductivity[home]
        vessels.terminal[i] = Int32(t)
        vessels.diverted[i] = true
        metrics.diverted += 1
      }
    }
    vessels.arrival[i] = now
    vessels.phase[i] = .anchored
    metrics.arrived(terminal: t, dischargeMoves: vessels.dischargeMoves[i])
    let priority = Int32(service.priority)
    // `request` would queue the vessel itself when no berth is free: ask only when it will succeed.
    if channelClosures == 0 && cranesFree[t] >= config.terminals[t].minCranesPerVessel && berths[t].available > 0 && berths[t].queue.isEmpty {
      _ = berths[t].request(v, priority: priority, at: now)
      allocateBerth(vessel: v, terminal: t)
    } else {
      anchoredMoves[t] += vessels.moves[i]
      berths[t].enqueue(v, priority: priority, at: now)
    }
  }

  /// Berths the next anchored vessels of terminal `t` while the channel is open and a berth
  /// and the minimum cranes are free.
  func berthWaitingVessels(terminal t: Int) {
    let minimum = config.terminals[t].minCranesPerVessel
    while channelClosures == 0, cranesFree[t] >= minimum, let next = berths[t].startNext(at: scheduler.now) {
      anchoredMoves[t] -= vessels.moves[Int(next)]
      allocateBerth(vessel: next, terminal: t)
    }
  }

  private func allocateBerth(vessel v: Int32, terminal t: Int) {
    let now = scheduler.now
    let i = Int(v)
    let cranes = Swift.min(config.terminals[t].maxCranesPerVessel, cranesFree[t])
    cranesFree[t] -= cranes
    recordCranes(terminal: t)
    vessels.cranes[i] = Int32(cranes)
    vessels.berthed[i] = now
    vessels.phase[i] = .transitIn
    atBerth[t].append(v)
    berthedMoves[t] += vessels.moves[i]
    metrics.berthed(terminal: t, wait: now - vessels.arrival[i])
    scheduler.schedule(after: vessels.transitIn[i], SubsystemTag.port, kind: PortEvent.berthReached.rawValue, entity: v)
  }

  func recordCranes(terminal t: Int) {
    cranesBusy[t].record(Double(config.terminals[t].cranes - cranesFree[t] - cranesBroken[t]), at: scheduler.now)
  }

  private func berthReached(vessel v: Int32) {
    let i = Int(v)
    vessels.workStart[i] = scheduler.now
    vessels.phase[i] = .working
    startChunk(vessel: v)
  }

  // MARK: - Work at the berth

  /// The discharge chunk a vessel works next: its flow and moves (nil when all discharged).
  func nextDischargeChunk(vessel i: Int) -> (flow: ContainerFlow, moves: Double)? {
    let batch = hasContainers ? boxes.movesPerBatch : .infinity
    let left = vessels.dischargeLeft[i]
    if left.0 > 0 { return (.importLaden, Swift.min(batch, left.0)) }
    if left.1 > 0 { return (.emptyImport, Swift.min(batch, left.1)) }
    if left.2 > 0 { return (.transshipment, Swift.min(batch, left.2)) }
    return nil
  }

  /// Starts the vessel's next chunk: discharge while boxes are on board (waiting if the
  /// yard has no room), then load; when nothing is left the vessel is ready to sail.
  func startChunk(vessel v: Int32) {
    let i = Int(v)
    let t = Int(vessels.terminal[i])
    applyCraneLosses(vessel: v, terminal: t)
    let rate = Double(vessels.cranes[i]) * vessels.productivity[i]
    if let chunk = nextDischargeChunk(vessel: i) {
      let teu = !hasContainers ? 0 : chunk.moves * boxes.teuPerMove
      if hasContainers && yardTEU[t] + teu > config.terminals[t].yardCapacityTEU {
        vessels.phase[i] = .blocked
        vessels.blockedSince[i] = scheduler.now
        spaceWaiters[t].push(v << 1)
        return
      }
      yardTEU[t] += teu
      vessels.chunkFlow[i] = chunk.flow
      vessels.chunkMoves[i] = chunk.moves
      scheduler.schedule(after: chunk.moves / rate, SubsystemTag.port, kind: PortEvent.chunkDone.rawValue, entity: v, priority: .release)
      return
    }
    if !vessels.loadingStarted[i] {
      vessels.loadingStarted[i] = true
      if hasContainers { prepareLoadList(vessel: v, terminal: t) }
    }
    let b = vessels.loadHead[i]
    guard b >= 0 else {
      workFinished(vessel: v)
      return
    }
    vessels.loadHead[i] = batches.next[Int(b)]
    vessels.chunkFlow[i] = nil
    vessels.chunkBatch[i] = b
    vessels.chunkMoves[i] = batches.moves[Int(b)]
    scheduler.schedule(after: batches.moves[Int(b)] / rate, SubsystemTag.port, kind: PortEvent.chunkDone.rawValue, entity: v, priority: .release)
  }

  private func chunkDone(vessel v: Int32) {
    let i = Int(v)
    let t = Int(vessels.terminal[i])
    let moves = vessels.chunkMoves[i]
    vessels.worked[i] += moves
    if let flow = vessels.chunkFlow[i] {
      switch flow {
      case .importLaden: vessels.dischargeLeft[i].0 -= moves
      case .emptyImport: vessels.dischargeLeft[i].1 -= moves
      default: vessels.dischargeLeft[i].2 -= moves
      }
      metrics.dischargedMoves += moves
      let teu = !hasContainers ? 0 : moves * boxes.teuPerMove
      metrics.quay(terminal: t, flow: !hasContainers ? nil : flow, moves: moves, teu: teu)
      if hasContainers { discharged(flow: flow, moves: moves, teu: teu, vessel: v, terminal: t) }
    } else {
      let b = vessels.chunkBatch[i]
      metrics.quay(terminal: t, flow: batches.flow[Int(b)], moves: moves, teu: batches.teu[Int(b)])
      loaded(batch: b, terminal: t)
      vessels.chunkBatch[i] = -1
    }
    startChunk(vessel: v)
  }

  private func workFinished(vessel v: Int32) {
    let now = scheduler.now
    let i = Int(v)
    let t = Int(vessels.terminal[i])
    vessels.workEnd[i] = now
    metrics.workFinished(terminal: t, moves: vessels.worked[i], atBerth: now - vessels.workStart[i])
    if channelClosures == 0 {
      sail(vessel: v)
    } else {
      vessels.phase[i] = .waitingToSail
      waitingToSail.append(v)
    }
  }

  /// Leaves the berth (cranes and berth freed) and transits out.
  func sail(vessel v: Int32) {
    let now = scheduler.now
    let i = Int(v)
    let t = Int(vessels.terminal[i])
    vessels.phase[i] = .transitOut
    let lost = Int(vessels.cranesToLose[i])
    vessels.cranesToLose[i] = 0
    cranesFree[t] += Int(vessels.cranes[i]) - lost
    for _ in 0..<lost { breakCrane(terminal: t) }
    recordCranes(terminal: t)
    vessels.cranes[i] = 0
    if let k = atBerth[t].firstIndex(of: v) { atBerth[t].remove(at: k) }
    berthedMoves[t] -= vessels.moves[i]
    berths[t].release(at: now)
    scheduler.schedule(after: vessels.transitOut[i], SubsystemTag.port, kind: PortEvent.vesselGone.rawValue, entity: v)
    berthWaitingVessels(terminal: t)
  }

  private func gone(vessel v: Int32) {
    let i = Int(v)
    vessels.departed[i] = scheduler.now
    vessels.phase[i] = .gone
    metrics.departed(terminal: Int(vessels.terminal[i]), inPort: scheduler.now - vessels.arrival[i])
  }
}
