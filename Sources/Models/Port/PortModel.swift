import SimKernel

/// The port's berth core as an event handler: vessels arrive by service, wait at the
/// anchorage of their terminal, berth when a berth and enough quay cranes are free, work
/// their moves and leave.
///
/// When X happens, do Y:
/// - a call is announced → create the vessel (moves, productivity drawn now) and set its arrival;
/// - a vessel arrives → berth it if a berth and the minimum cranes are free, else it anchors;
/// - a vessel departs → free its berth and cranes, berth the next vessels that can start.
public final class PortModel: SubsystemModel {
  public let name = "port"
  let config: PortConfig
  unowned let sim: Simulation

  var vessels = VesselTable()
  var berths: [Resource]
  var cranesFree: [Int]
  var cranesBusy: [TimeWeighted]
  /// Random streams per service: arrivals, and vessel attributes.
  let arrivalStreams: [RandomStream]
  let vesselStreams: [RandomStream]
  var metrics: PortMetrics
  /// The nominal (schedule) time of each weekly service's next call.
  var nominalNext: [SimTime]

  /// Creates the model for one replication and registers it with the simulation.
  public init(config: PortConfig, simulation: Simulation, seed: UInt64, replication: Int) {
    self.config = config
    self.sim = simulation
    berths = config.terminals.map { Resource(capacity: $0.berths, discipline: config.berthDiscipline) }
    cranesFree = config.terminals.map(\.cranes)
    cranesBusy = config.terminals.map { _ in
      var t = TimeWeighted()
      t.record(0, at: 0)
      return t
    }
    arrivalStreams = config.services.map {
      RandomStream(seed: seed, replication: replication, subsystem: "port", purpose: "arrivals/\($0.name)")
    }
    vesselStreams = config.services.map {
      RandomStream(seed: seed, replication: replication, subsystem: "port", purpose: "vessels/\($0.name)")
    }
    metrics = PortMetrics(terminals: config.terminals.count)
    nominalNext = Array(repeating: 0, count: config.services.count)
    simulation.register(self, for: SubsystemTag.port)
    registerSeries()
  }

  public func start() {
    for (s, service) in config.services.enumerated() {
      switch service.arrivals {
      case .weekly(let calls, _):
        guard calls > 0 else { continue }
        // The first call of each service falls at a random phase of its headway, drawn
        // from its own stream, so that services do not all arrive at time 0.
        let headway = 168.0 / Double(calls)
        let first = arrivalStreams[s].uniform() * headway
        sim.schedule(at: Swift.max(0, first - scheduledCallNotice), SubsystemTag.port,
                     kind: PortEvent.callAnnounced.rawValue, entity: Int32(s))
        nominalNext[s] = first
      case .random(let interarrival):
        sim.schedule(after: interarrival.sample(arrivalStreams[s]), SubsystemTag.port,
                     kind: PortEvent.randomArrival.rawValue, entity: Int32(s), priority: .arrival)
      }
    }
  }

  public func handle(_ event: Event) {
    switch PortEvent(rawValue: event.kind) {
    case .callAnnounced: announceCall(service: Int(event.entity))
    case .randomArrival: randomArrival(service: Int(event.entity))
    case .vesselArrival: arrive(vessel: event.entity)
    case .vesselDeparture: depart(vessel: event.entity)
    case nil: preconditionFailure("unknown port event \(event.kind)")
    }
  }

  public func warmupEnded(at time: SimTime) {
    metrics.reset(at: time)
    for t in berths.indices {
      berths[t].resetStatistics(at: time)
      cranesBusy[t].reset(at: time)
    }
  }

  // MARK: - Events

  private func createVessel(service s: Int) -> Int32 {
    let service = config.services[s]
    let terminal = service.terminal
    let stream = vesselStreams[s]
    let moves = Swift.max(1, service.moves.sample(stream).rounded())
    let productivity = Swift.max(1e-6, config.terminals[terminal].craneProductivity.sample(stream))
    return vessels.add(service: s, terminal: terminal, moves: moves, productivity: productivity)
  }

  private func announceCall(service s: Int) {
    guard case .weekly(let calls, let jitter) = config.services[s].arrivals else { return }
    let v = createVessel(service: s)
    let nominal = nominalNext[s]
    let delay = Swift.max(-scheduledCallNotice, jitter.sample(arrivalStreams[s]))
    sim.schedule(at: nominal + delay, SubsystemTag.port, kind: PortEvent.vesselArrival.rawValue, entity: v, priority: .arrival)
    let next = nominal + 168.0 / Double(calls)
    nominalNext[s] = next
    sim.schedule(at: next - scheduledCallNotice, SubsystemTag.port, kind: PortEvent.callAnnounced.rawValue, entity: Int32(s))
  }

  private func randomArrival(service s: Int) {
    guard case .random(let interarrival) = config.services[s].arrivals else { return }
    let v = createVessel(service: s)
    arrive(vessel: v)
    sim.schedule(after: interarrival.sample(arrivalStreams[s]), SubsystemTag.port,
                 kind: PortEvent.randomArrival.rawValue, entity: Int32(s), priority: .arrival)
  }

  private func arrive(vessel v: Int32) {
    let now = sim.now
    let t = Int(vessels.terminal[Int(v)])
    vessels.arrival[Int(v)] = now
    metrics.arrived(terminal: t, moves: vessels.moves[Int(v)])
    let terminal = config.terminals[t]
    let priority = Int32(config.services[Int(vessels.service[Int(v)])].priority)
    if cranesFree[t] >= terminal.minCranesPerVessel && berths[t].request(v, priority: priority, at: now) {
      startService(vessel: v, terminal: t)
    } else {
      berths[t].enqueue(v, priority: priority, at: now)
    }
  }

  private func startService(vessel v: Int32, terminal t: Int) {
    let now = sim.now
    let terminal = config.terminals[t]
    let cranes = Swift.min(terminal.maxCranesPerVessel, cranesFree[t])
    cranesFree[t] -= cranes
    cranesBusy[t].record(Double(terminal.cranes - cranesFree[t]), at: now)
    let i = Int(v)
    vessels.cranes[i] = Int32(cranes)
    vessels.berthed[i] = now
    metrics.berthed(terminal: t, wait: now - vessels.arrival[i])
    let handling = vessels.moves[i] / (Double(cranes) * vessels.productivity[i])
    sim.schedule(after: handling, SubsystemTag.port, kind: PortEvent.vesselDeparture.rawValue, entity: v, priority: .release)
  }

  private func depart(vessel v: Int32) {
    let now = sim.now
    let i = Int(v)
    let t = Int(vessels.terminal[i])
    vessels.departed[i] = now
    cranesFree[t] += Int(vessels.cranes[i])
    cranesBusy[t].record(Double(config.terminals[t].cranes - cranesFree[t]), at: now)
    berths[t].release(at: now)
    metrics.departed(terminal: t, moves: vessels.moves[i], atBerth: now - vessels.berthed[i])
    let minimum = config.terminals[t].minCranesPerVessel
    while cranesFree[t] >= minimum, let next = berths[t].startNext(at: now) {
      startService(vessel: next, terminal: t)
    }
  }
}
