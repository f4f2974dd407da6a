import DequeModule
import SimKernel

/// The fresh-produce ring as an event handler. Lots are harvested at bases (or arrive as
/// imported reefer containers from the port), wait at their base (outdoors, or in a cold
/// room once precooled) until a truck leaves for their hub, are stored in the hub's cold
/// room, and are picked for orders from Beijing destinations and delivered. Every lot's
/// quality decays with the temperature it sees (``QualityModel``); a lot below its
/// category's threshold is spoiled and counted as loss by weight.
///
/// When X happens, do Y:
/// - a lot is harvested → draw its mass, tag and precooling now (common random numbers);
///   precool it, or queue it at its base;
/// - a base holds enough for a truck, or its oldest lot has waited its longest hold, and a
///   truck is free → load (reefer fleets first), drive to the hub link by link;
/// - a reefer fails on a laden trip → its lots are at the outdoor temperature until repaired;
/// - a truck unloads at its hub → lots above their threshold join the cold-room stock (with
///   a spoilage timer), the truck drives home;
/// - a destination orders → pick the tonnes from the hubs in order of off-peak travel time
///   (FIFO or first expiry first, splitting a lot if needed), queue a delivery per hub; what
///   no hub holds is taken from the bases' waiting lots, nearest base first, and trucked
///   direct by the base's trucks (`base_dispatch: shortfall`); what remains is unmet demand;
/// - a delivery truck unloads → lots are delivered (or spoiled), the order completes with
///   its last portion and its lead time is recorded.
public final class RingModel: SubsystemModel, PortImportObserver {
  public let name = "ring"
  let config: RingConfig
  var network: RingNetwork
  unowned(unsafe) let sim: Simulation
  let scheduler: Scheduler
  let quality: [QualityModel]
  /// Outdoor quality loss by category, tabulated over the run.
  var outdoorLoss: [OutdoorLossTable]
  let replication: Int

  // Streams: per harvest source (arrivals, lot attributes), per demand source, per fleet.
  let harvestStreams: [RandomStream]
  let lotStreams: [RandomStream]
  let orderStreams: [RandomStream]
  let failureStreams: [RandomStream]
  let importStream: RandomStream
  let recordStream: RandomStream

  var lots = RingLots()
  // Bases: the queue of lots waiting for a truck (chained through lots.next).
  var baseQueues: [LinkedIndexQueue]
  var queueTonnes: [Double]
  var holdTimer: [EventHandle]
  // Hubs: stock lot lists per hub × category; delivery jobs waiting per hub.
  var stock: [Deque<Int32>]
  var jobQueue: [[Int32]]
  /// Direct deliveries waiting for a truck at each base (orders the hubs could not fill).
  var baseJobs: [[Int32]]
  // Vehicles (fleets' trucks first; drayage trucks for imports are added as needed).
  var vFleet: [Int32] = []
  var vRoute: [Int32] = []
  var vLeg: [Int32] = []
  var vLoad: [Int32] = []
  var vLaden: [Bool] = []
  var vJob: [Int32] = []
  var vTripStart: [SimTime] = []
  var vAt: [Int32] = []
  var vExcursion: [Bool] = []
  var vExcursionTimer: [EventHandle] = []
  var freeDrayage: [Int32] = []
  var idle: [[Int32]]
  var busyCount: [Int]
  // Delivery jobs (one order's portion from one hub) and orders.
  var jobOrder: [Int32] = []
  var jobLots: [Int32] = []
  var jobHub: [Int32] = []
  var freeJobs: [Int32] = []
  var orderTime: [SimTime] = []
  var orderSource: [Int32] = []
  var orderPending: [Int32] = []
  var freeOrders: [Int32] = []
  /// Hubs in order of off-peak travel time to each destination.
  let hubOrder: [[Int]]
  /// Off-peak travel time (h) from each hub to each destination (hub × destination).
  let hubTravel: [[Double]]
  let maxDeliveryCapacity: [Double]
  /// Bases in order of off-peak travel time to each destination, and their largest truck.
  let baseOrder: [[Int]]
  let maxBaseCapacity: [Double]

  var metrics: RingMetrics
  var traces = RingTraceBuffer()
  let emissions: EmissionsAccount
  let costs: CostAccount
  let co2Source: Int
  let transportCost: Int
  /// The drayage pseudo-fleet's index (after the configured fleets).
  var drayage: Int { config.fleets.count }

  /// Creates the model for one replication and registers it with the simulation.
  /// - Precondition: `config` was read by ``RingConfig/init(_:)`` (names resolved, routes exist).
  public init(config: RingConfig, context: ModelContext) {
    self.config = config
    sim = context.simulation
    scheduler = context.simulation.scheduler
    replication = context.replication
    let net: RingNetwork
    do {
      net = try RingNetwork(config)
    } catch {
      preconditionFailure("ring road network: \(error)")
    }
    quality = config.categories.indices.map { config.quality($0) }
    outdoorLoss = quality.map { OutdoorLossTable(model: $0, ambient: config.ambient) }
    let nc = config.categories.count
    var hs: [RandomStream] = [], ls: [RandomStream] = []
    for b in config.bases {
      for c in config.categories {
        hs.append(context.stream("ring", "harvest/\(b.name)/\(c.name)"))
        ls.append(context.stream("ring", "lots/\(b.name)/\(c.name)"))
      }
    }
    harvestStreams = hs
    lotStreams = ls
    orderStreams = config.destinations.flatMap { d in config.categories.map { context.stream("ring", "orders/\(d.name)/\($0.name)") } }
    failureStreams = config.fleets.map { context.stream("ring", "failures/\($0.name)") }
    importStream = context.stream("ring", "imports")
    recordStream = context.stream("ring", "records")
    baseQueues = Array(repeating: LinkedIndexQueue(), count: config.bases.count)
    queueTonnes = Array(repeating: 0, count: config.bases.count)
    holdTimer = Array(repeating: .none, count: config.bases.count)
    stock = Array(repeating: [], count: config.hubs.count * nc)
    jobQueue = Array(repeating: [], count: config.hubs.count)
    baseJobs = Array(repeating: [], count: config.bases.count)
    idle = Array(repeating: [], count: config.fleets.count + 1)
    busyCount = Array(repeating: 0, count: config.fleets.count)
    hubOrder = net.destinationNode.map { d in
      net.hubNode.indices.sorted { a, b in
        let ta = net.offPeakHours(from: net.hubNode[a], to: d), tb = net.offPeakHours(from: net.hubNode[b], to: d)
        return ta < tb || (ta == tb && a < b)
      }
    }
    hubTravel = net.hubNode.map { h in net.destinationNode.map { net.offPeakHours(from: h, to: $0) } }
    baseOrder = net.destinationNode.map { d in
      net.baseNode.indices.filter {
        net.offPeakHours(from: net.baseNode[$0], to: d).isFinite && net.offPeakHours(from: d, to: net.baseNode[$0]).isFinite
      }.sorted { a, b in
        let ta = net.offPeakHours(from: net.baseNode[a], to: d), tb = net.offPeakHours(from: net.baseNode[b], to: d)
        return ta < tb || (ta == tb && a < b)
      }
    }
    maxBaseCapacity = config.bases.indices.map { b in
      config.fleets.filter { !$0.homeIsHub && $0.home == b && $0.vehicles > 0 }.map(\.capacity).max() ?? 0
    }
    maxDeliveryCapacity = config.hubs.indices.map { h in
      config.fleets.filter { $0.homeIsHub && $0.home == h && $0.vehicles > 0 }.map(\.capacity).max() ?? 0
    }
    network = net
    metrics = RingMetrics(categories: nc, destinations: config.destinations.count, fleets: config.fleets.count)
    emissions = context.accounts.emissions
    costs = context.accounts.costs
    co2Source = context.accounts.emissions.registerSource("ring.trucks")
    transportCost = context.accounts.costs.registerCategory("ring.transport")
    for (f, fleet) in config.fleets.enumerated() {
      let home = fleet.homeIsHub ? network.hubNode[fleet.home] : network.baseNode[fleet.home]
      for _ in 0..<fleet.vehicles {
        let v = addVehicle(fleet: f, at: home)
        idle[f].append(v)
      }
    }
    sim.register(self, for: SubsystemTag.ring)
    registerSeries()
  }

  func addVehicle(fleet f: Int, at node: Int) -> Int32 {
    vFleet.append(Int32(f)); vRoute.append(-1); vLeg.append(0); vLoad.append(-1); vLaden.append(false); vJob.append(-1)
    vTripStart.append(0); vAt.append(Int32(node)); vExcursion.append(false); vExcursionTimer.append(.none)
    return Int32(vFleet.count - 1)
  }

  public func start() {
    let nc = config.categories.count
    for (b, base) in config.bases.enumerated() {
      for c in 0..<nc where base.harvestRate[c] > 0 {
        let s = b * nc + c
        scheduler.schedule(at: nextHarvest(source: s, after: 0), SubsystemTag.ring, kind: RingEvent.harvest.rawValue,
                           entity: Int32(s), priority: .arrival)
      }
    }
    for (d, dest) in config.destinations.enumerated() {
      for c in 0..<nc where dest.dailyDemand[c] > 0 {
        let s = d * nc + c
        if let t = nextOrder(source: s, after: 0) {
          scheduler.schedule(at: t, SubsystemTag.ring, kind: RingEvent.order.rawValue, entity: Int32(s), priority: .arrival)
        }
      }
    }
  }

  public func handle(_ event: Event) {
    let i = Int(event.entity)
    switch RingEvent(rawValue: event.kind) {
    case .harvest: harvest(source: i)
    case .precooled: precooled(lot: Int32(i))
    case .holdExpired: holdExpired(base: i)
    case .loaded: depart(vehicle: i)
    case .linkEnd: linkEnd(vehicle: i)
    case .unloaded: unloaded(vehicle: i)
    case .excursionStarts: excursion(vehicle: i, starts: true)
    case .excursionEnds: excursion(vehicle: i, starts: false)
    case .order: order(source: i)
    case .spoilInStore: spoilInStore(lot: Int32(i))
    case nil: preconditionFailure("unknown ring event \(event.kind)")
    }
  }

  public func warmupEnded(at time: SimTime) {
    metrics.reset(at: time)
  }

  // MARK: - Quality

  /// Brings a lot's quality up to now at the temperature it has had since its last update.
  func advance(_ lot: Int32) {
    let i = Int(lot)
    let now = scheduler.now
    let model = quality[Int(lots.category[i])]
    let t = lots.temperature[i]
    if t.isNaN {
      lots.quality[i] -= outdoorLoss[Int(lots.category[i])].loss(from: lots.updated[i], to: now)
    } else {
      lots.quality[i] -= model.lossRate(at: t) * (now - lots.updated[i])
    }
    lots.updated[i] = now
  }

  /// Advances a lot and sets the temperature it sees from now (NaN = outdoors).
  func setTemperature(_ lot: Int32, _ celsius: Double) {
    advance(lot)
    lots.temperature[Int(lot)] = celsius
  }

  /// Whether the lot (advanced to now) is below its category's threshold.
  func isSpoiled(_ lot: Int32) -> Bool {
    lots.quality[Int(lot)] < quality[Int(lots.category[Int(lot)])].threshold
  }

  /// Counts a lot as sold on to other channels (it stayed the longest hub dwell) and frees it.
  func sellOff(_ lot: Int32, at node: Int) {
    retire(lot, .sellOff, at: node) { $0.soldOff[$1] += $2 }
  }

  /// Counts a lot as spoiled and frees it.
  func spoil(_ lot: Int32, at node: Int) {
    retire(lot, .spoil, at: node) { $0.spoiled[$1] += $2 }
  }

  /// Records a lot's last step, adds its weight to a flow (whole run and since the warm-up)
  /// by category, and frees its slot.
  private func retire(_ lot: Int32, _ step: TraceStep, at node: Int, _ count: (inout RingFlows, Int, Double) -> Void) {
    let c = Int(lots.category[Int(lot)])
    let w = lots.weight[Int(lot)]
    record(lot, step, node: node)
    count(&metrics.run, c, w)
    count(&metrics.kpi, c, w)
    lots.release(lot)
  }
}
