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
///
/// Each event goes to the part that owns it: harvests, precooling and holds to the bases
/// (``RingBases``), truck movements and reefer failures to the trucks (``RingTrucks``),
/// orders to ``RingOrders``, spoilage in store to the hubs (``RingHubs``). The model itself
/// does only what joins two parts: a truck home again is offered to its base or hub, an
/// unloaded truck's lots are handed to a hub or a destination, and imports from the port.
public final class RingModel: SubsystemModel, PortImportObserver {
  public static let subsystem = Subsystem.ring
  let config: RingConfig
  unowned(unsafe) let sim: Simulation
  let scheduler: Scheduler
  let replication: Int

  // The parts, each with its own state and the logic of its events: the produce (lots,
  // quality, traces) that every part works on, the trucks and their roads, the bases, the
  // hubs, the delivery jobs and the orders. They all book into one `metrics`.
  let produce: RingProduce
  let trucks: RingTrucks
  let bases: RingBases
  let hubs: RingHubs
  let jobs: RingDeliveryJobs
  let orders: RingOrders
  let metrics: RingMetrics
  /// Imports from the port (port → ring): tracing tags of the imported lots.
  let importStream: RandomStream

  // Read-only views of the parts for the series, KPIs, checks and traces (RingModel+Output.swift).
  var lots: RingLots { produce.lots }
  var traces: RingTraces { produce.traces }
  var busyCount: [Int] { _read { yield trucks.busyCount } }

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
    var hs: [RandomStream] = [], ls: [RandomStream] = []
    for b in config.bases {
      for c in config.categories {
        hs.append(context.stream(.ring, "harvest", "\(b.name)/\(c.name)"))
        ls.append(context.stream(.ring, "lots", "\(b.name)/\(c.name)"))
      }
    }
    let orderStreams = config.destinations.flatMap { d in config.categories.map { context.stream(.ring, "orders", "\(d.name)/\($0.name)") }
    }
    let failureStreams = config.fleets.map { context.stream(.ring, "failures", $0.name) }
    importStream = context.stream(.ring, "imports")
    let recordStream = context.stream(.ring, "records")
    let co2Source = context.emissionSource(.ring, "trucks")
    let transportCost = context.costCategory(.ring, "transport")
    metrics = RingMetrics(categories: config.categories.count, destinations: config.destinations.count, fleets: config.fleets.count)
    produce = RingProduce(config: config, metrics: metrics, recordStream: recordStream, scheduler: scheduler)
    trucks = RingTrucks(
      config: config, network: net, produce: produce, failureStreams: failureStreams, scheduler: scheduler,
      accounts: context.accounts, co2Source: co2Source, transportCost: transportCost)
    jobs = RingDeliveryJobs()
    bases = RingBases(
      config: config, network: net, produce: produce, trucks: trucks, jobs: jobs, harvestStreams: hs,
      lotStreams: ls, scheduler: scheduler)
    hubs = RingHubs(config: config, network: net, produce: produce, trucks: trucks, jobs: jobs, scheduler: scheduler)
    orders = RingOrders(
      config: config, network: net, produce: produce, hubs: hubs, bases: bases, jobs: jobs,
      orderStreams: orderStreams, scheduler: scheduler)
    context.register(self)
    registerSeries()
  }

  public func start() {
    bases.start()
    orders.start()
  }

  public func handle(_ event: Event) {
    let i = Int(event.entity)
    switch RingEvent(rawValue: event.kind) {
    case .harvest: bases.harvest(source: i)
    case .precooled: bases.precooled(lot: Int32(i))
    case .holdExpired: bases.holdExpired(base: i)
    case .loaded: trucks.depart(vehicle: i)
    case .linkEnd: if trucks.linkEnd(vehicle: i) { truckHome(i) }
    case .unloaded: unloaded(vehicle: i)
    case .excursionStarts: trucks.excursion(vehicle: i, starts: true)
    case .excursionEnds: trucks.excursion(vehicle: i, starts: false)
    case .order: orders.order(source: i)
    case .spoilInStore: hubs.spoilInStore(lot: Int32(i))
    case nil: preconditionFailure("unknown ring event \(event.kind)")
    }
  }

  public func warmupEnded(at time: SimTime) {
    metrics.reset(at: time)
  }

  /// A truck is home and idle: its base or hub sends it on if work waits.
  private func truckHome(_ v: Int) {
    let f = config.fleets[Int(trucks.vehicles.fleet[v])]
    if f.homeIsHub { hubs.dispatch(hub: f.home) } else { bases.dispatch(base: f.home) }
  }

  /// A truck has unloaded: its lots are handed over (spoiled, delivered, or into the hub's
  /// stock), a delivery counts towards its order, and the truck drives home.
  private func unloaded(vehicle v: Int) {
    let (node, job, head) = trucks.unload(vehicle: v)
    let lots = produce.lots
    var lot = head
    while lot >= 0 {
      let next = lots.next[Int(lot)]
      lots.next[Int(lot)] = -1
      produce.advance(lot)
      if produce.isSpoiled(lot) {
        produce.spoil(lot, at: node)
      } else if job >= 0 {
        produce.deliver(lot, at: node)
      } else {
        hubs.store(lot, hub: node)
      }
      lot = next
    }
    if job >= 0 { orders.portionDelivered(job: job) }
    if trucks.driveHome(vehicle: v) { truckHome(v) }
  }

  // MARK: - Imports (port → ring)

  /// A laden import batch left the port by road: its reefer share of food goes to the hub.
  public func importLeftByRoad(teu: Double, terminal: Int, at time: SimTime) {
    guard let supply = config.portSupply else { return }
    let tonnes = teu * supply.reeferShare * supply.tonnesPerTEU
    guard tonnes > 0 else { return }
    let port = trucks.network.portNode
    let lots = produce.lots
    for c in supply.categoryShares.indices where supply.categoryShares[c] > 0 {
      let w = tonnes * supply.categoryShares[c]
      let tagged = importStream.uniform() < supply.tracingCoverage
      let lot = lots.allocate(
        category: c, weight: w, quality: produce.quality[c].initialQuality, at: scheduler.now, origin: -1,
        node: port, tagged: tagged)
      lots.precooled[Int(lot)] = true
      metrics.run.imported[c] += w
      metrics.kpi.imported[c] += w
      produce.record(lot, .importArrival, node: port)
      let v = trucks.drayageTruck(at: port)
      trucks.startLadenTrip(vehicle: v, lots: lot, to: trucks.network.hubNode[supply.hub], job: -1)
    }
  }
}
