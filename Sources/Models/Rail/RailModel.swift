import SimKernel

/// Sea-rail intermodal links as an event handler and as the port's landside: laden boxes
/// choose rail or truck by generalised cost; rail imports move from the port yard into the
/// rail yard and wait for a train of their corridor; rail exports are booked on an inbound
/// train that reaches the port before their vessel's cut-off. Trains leave on schedule,
/// full or not.
///
/// When X happens, do Y:
/// - the port releases an import (or announces an export) → draw its destination, its
///   choice number and its handling time now (common random numbers); a corridor's box
///   takes rail with the corridor's logit probability (an export only if a train with room
///   is expected before the cut-off: it is booked on it); the others go by truck;
/// - an import's pick-up time comes → it leaves the port yard if the rail yard has room
///   (else it waits there, first come first served) and is moved by a handler;
/// - a train leaves the port → it takes the corridor's boxes in the rail yard (FIFO or by
///   due time) while they fit; the rest missed it;
/// - a train leaves an origin → it carries the boxes booked on it; it reaches the port after
///   the onward leg, any closure of the crossing, the crossing delay and the transit; each
///   box is then moved to its terminal and handed to the port.
///
/// Without a port (port disabled) no boxes come; trains still run their timetables empty.
public final class RailModel: SubsystemModel, PortLandside {
  public static let subsystem = Subsystem.rail
  let config: RailConfig
  /// The simulation owns its handlers and outlives them: no reference counting per access.
  unowned(unsafe) let sim: Simulation
  let scheduler: Scheduler
  /// The port holds this model strongly (as its landside); this is the weak way back.
  unowned(unsafe) let port: (any RailPortHandover)?

  // Random streams: box attributes per direction; per route its trains; per corridor closures.
  let importStream: RandomStream
  let exportStream: RandomStream
  let trainStreams: [RandomStream]

  // Per corridor, precomputed from the config.
  /// Probability that a box of the corridor takes rail (generalised-cost logit).
  var railProbability: [Double]
  var generalisedCost: [(rail: Double, truck: Double)]
  var subsidyPerTEU: [Double]
  var truckHours: [SimTime]
  var drayageHours: [SimTime]
  /// Expected time from an inbound departure to the box being at the port (decision rule).
  var expectedInbound: [SimTime]
  /// Closures per corridor, sorted and merged.
  var closures: [[Range<SimTime>]]
  /// Cumulative demand shares (corridors in order, then road-only).
  let cumulativeShare: [Double]

  // State.
  var boxes = RailBoxTable()
  var trains = RailTrainTable()
  var handlers: Resource
  /// TEU in the rail yard or reserved for a box being moved in.
  var yardTEU = 0.0
  var awaitingTEU = 0.0
  var exportsInTransitTEU = 0.0
  var blocked = RingBuffer<Int32>()
  /// Rail-yard queue per corridor (linked through `boxes.next`).
  var yardQueues: [LinkedIndexQueue]
  /// Export boxes booked at each corridor's origin (linked list).
  var originHead: [Int32]
  /// Per route: the number of its next departure.
  var nextDeparture: [Int]
  /// TEU booked on upcoming inbound departures: `booked[corridor * bookingWindow + k % bookingWindow]`.
  var booked: [Double]
  static let bookingWindow = 512

  var metrics: RailMetrics
  let emissions: EmissionsAccount
  let costs: CostAccount
  let trainSource: Int
  let truckSource: Int
  let railFreight: Int
  let subsidyCost: Int
  let truckFreight: Int

  /// Creates the model for one replication, coupled to `port` (nil: no boxes come).
  public convenience init(config: RailConfig, context: ModelContext, port: PortModel?) {
    self.init(config: config, context: context, handover: port)
  }

  init(config: RailConfig, context: ModelContext, handover: (any RailPortHandover)?) {
    self.config = config
    sim = context.simulation
    scheduler = context.simulation.scheduler
    port = handover
    let n = config.corridors.count
    importStream = context.stream(.rail, "imports")
    exportStream = context.stream(.rail, "exports")
    trainStreams = (0..<(2 * n)).map {
      context.stream(.rail, "trains", "\(config.corridors[$0 / 2].name)/\(RailDirection.labels[$0 % 2])")
    }
    var cumulative: [Double] = []
    var s = 0.0
    for c in config.corridors {
      s += c.demandShare
      cumulative.append(s)
    }
    cumulativeShare = cumulative
    railProbability = []
    generalisedCost = []
    subsidyPerTEU = []
    truckHours = []
    drayageHours = []
    expectedInbound = []
    handlers = Resource(capacity: config.yard.handlers)
    yardQueues = Array(repeating: LinkedIndexQueue(), count: n)
    originHead = Array(repeating: -1, count: n)
    nextDeparture = Array(repeating: 0, count: 2 * n)
    booked = Array(repeating: 0, count: n * Self.bookingWindow)
    metrics = RailMetrics(corridors: n)
    emissions = context.accounts.emissions
    costs = context.accounts.costs
    trainSource = context.emissionSource(.rail, "trains")
    truckSource = context.emissionSource(.rail, "hinterland_trucks")
    railFreight = context.costCategory(.rail, "rail_freight")
    subsidyCost = context.costCategory(.rail, "subsidy")
    truckFreight = context.costCategory(.rail, "truck_freight")
    closures = config.corridors.indices.map { c in
      Self.closureCalendar(
        config.corridors[c], until: context.horizon + 60 * 24,
        stream: context.stream(.rail, "closures", config.corridors[c].name))
    }
    for c in config.corridors.indices { precompute(corridor: c) }
    context.register(self)
    registerSeries()
  }

  public func start() {
    for r in nextDeparture.indices {
      let k = config.corridors[r / 2].timetable.firstDeparture(atOrAfter: 0)
      nextDeparture[r] = k
      scheduler.schedule(
        at: config.corridors[r / 2].timetable.departure(k), SubsystemTag.rail,
        kind: RailEvent.departure.rawValue, entity: Int32(r))
    }
  }

  public func handle(_ event: Event) {
    let e = event.entity
    switch RailEvent(rawValue: event.kind) {
    case .importPickup: importPickup(box: e)
    case .transferDone: transferDone(box: e)
    case .departure: departure(route: Int(e))
    case .trainArrived: trainArrived(train: e)
    case .exportHandled: exportHandled(box: e)
    case nil: preconditionFailure("unknown rail event \(event.kind)")
    }
  }

  public func warmupEnded(at time: SimTime) {
    metrics.reset(at: time)
    metrics.yardStock.record(yardTEU, at: time)
    handlers.resetStatistics(at: time)
  }

  // MARK: - Handlers (shared by imports and exports)

  /// Starts moving a box with a free handler, or queues it for one.
  func requestHandler(box b: Int32) {
    if handlers.request(b, at: scheduler.now) { startHandling(box: b) }
  }

  func startHandling(box b: Int32) {
    let kind: RailEvent = boxes.state[Int(b)] == .transferring ? .transferDone : .exportHandled
    scheduler.schedule(after: boxes.handling[Int(b)], SubsystemTag.rail, kind: kind.rawValue, entity: b)
  }

  func releaseHandler() {
    handlers.release(at: scheduler.now)
    while let next = handlers.startNext(at: scheduler.now) { startHandling(box: next) }
  }

  // MARK: - Departures

  private func departure(route r: Int) {
    let c = r / 2
    let corridor = config.corridors[c]
    let k = nextDeparture[r]
    nextDeparture[r] = k + 1
    scheduler.schedule(
      at: corridor.timetable.departure(k + 1), SubsystemTag.rail,
      kind: RailEvent.departure.rawValue, entity: Int32(r))
    // Every train draws its transit and crossing delay, loaded or not (common random numbers).
    let stream = trainStreams[r]
    let transit = Swift.max(0, corridor.transit.sample(stream))
    let crossing = Swift.max(0, corridor.crossingDelay.sample(stream))
    let carried =
      r % 2 == RailDirection.importing.rawValue
      ? loadImportTrain(corridor: c, transit: transit, crossing: crossing)
      : dispatchExportTrain(corridor: c, departure: k, transit: transit, crossing: crossing)
    let capacity = corridor.capacityTEU
    if carried > capacity * (1 + 1e-12) { metrics.trainsOverCapacity += 1 }
    metrics.carriedRun[r] += carried
    metrics.trainsRun[r] += 1
    metrics.carriedTEU[r] += carried
    metrics.capacityTEU[r] += capacity
    metrics.trains[r] += 1
    let fill = capacity > 0 ? carried / capacity : 0
    metrics.fill[r].add(fill)
    metrics.fillAll.add(fill)
    let kg = corridor.railKm * (config.emissions.trainKgPerKm + config.emissions.trainKgPerTEUKm * carried)
    metrics.co2Rail += kg
    emissions.add(kg: kg, source: trainSource)
  }

  /// The earliest time at or after `t` when corridor `c` is open.
  func reopened(corridor c: Int, at t: SimTime) -> SimTime {
    var time = t
    for closure in closures[c] where closure.upperBound > time {
      if closure.lowerBound > time { break }
      time = closure.upperBound
    }
    return time
  }
}
