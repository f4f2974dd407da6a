import SimKernel

/// Reverse logistics under EPR as an event handler: end-of-life lots arise per district and
/// category, go to the nearest formal collection point or leak to the informal sector,
/// wait at the point until a vehicle of its centre collects them (on schedule or when the
/// stock reaches a threshold), and are stored and processed at the centre into recovered
/// fractions and residue.
///
/// When X happens, do Y:
/// - a lot reaches end of life → draw its mass and its uniform number now (common random
///   numbers); formal if the number is below the access model's capture probability and the
///   point has room, else leaked; formal stock may call a vehicle (pickup threshold);
/// - a scheduled collection is due → queue the point for a vehicle if it holds stock;
/// - a vehicle is free and a point is queued → drive there if anything can be loaded within
///   the centre's permit room, else the pickup is deferred until processing frees room;
/// - a vehicle reaches a point → load within capacity and permit room, drive back;
/// - a vehicle reaches its centre → unload into the stores, start idle lines;
/// - a line finishes a batch → split it into fractions and residue, take the next batch,
///   release deferred pickups.
///
/// Each event goes to the part that owns it: returns to ``RecyclingReturns``, collections and
/// vehicle trips to ``CollectionVehicles``, batches and shifts to ``RecyclingCentres``; the
/// tonnes held at points are ``CollectionPoints``'. The model joins them only where a finished
/// batch frees permit room for deferred pickups.
public final class RecyclingModel: SubsystemModel {
  public static let subsystem = Subsystem.recycling
  let config: RecyclingConfig
  let plan: RecyclingPlan
  /// The simulation owns its handlers and outlives them: no reference counting per access.
  unowned(unsafe) let sim: Simulation
  /// The simulation's clock and calendar as a plain value (no reference counting per event).
  let scheduler: Scheduler

  // The parts, each with its own state and the logic of its events; they book into one
  // `metrics`.
  let returns: RecyclingReturns
  let points: CollectionPoints
  let vehicles: CollectionVehicles
  let centres: RecyclingCentres
  let metrics: RecyclingMetrics

  // Read-only views of the parts for the series and checks (RecyclingModel+Output.swift).
  var stock: [Double] { _read { yield points.stock } }
  var vehicleJob: [Int] { _read { yield vehicles.vehicleJob } }
  var load: [Double] { _read { yield vehicles.load } }
  var waiting: [Double] { _read { yield centres.waiting } }
  var inProcess: [Double] { _read { yield centres.inProcess } }
  var busyServers: [Int] { _read { yield centres.busyServers } }
  var serverLoad: [Double] { _read { yield centres.serverLoad } }

  /// Creates the model for one replication and registers it with the simulation.
  public init(config: RecyclingConfig, context: ModelContext) {
    self.config = config
    self.sim = context.simulation
    self.scheduler = context.simulation.scheduler
    plan = RecyclingPlan(config)
    let nc = config.categories.count
    let arrivalStreams = plan.sources.map {
      context.stream(.recycling, "returns", "\(config.districts[$0.district].name)/\(config.categories[$0.category].name)")
    }
    let lotStreams = plan.sources.map {
      context.stream(.recycling, "lots", "\(config.districts[$0.district].name)/\(config.categories[$0.category].name)")
    }
    let fractions = config.categories.reduce(0) { $0 + $1.fractions.count }
    metrics = RecyclingMetrics(categories: nc, fractions: fractions, centres: config.centres.count, stores: plan.storeCentre.count)
    let co2Source = context.emissionSource(.recycling, "collection_vehicles")
    let collectionCost = context.costCategory(.recycling, "collection")
    let processingCost = context.costCategory(.recycling, "processing")
    points = CollectionPoints(config: config, plan: plan, metrics: metrics, scheduler: scheduler)
    centres = RecyclingCentres(
      config: config, plan: plan, metrics: metrics, costs: context.accounts.costs,
      processingCost: processingCost, scheduler: scheduler)
    vehicles = CollectionVehicles(
      config: config, plan: plan, network: RecyclingNetwork(config), metrics: metrics,
      points: points, centres: centres, accounts: context.accounts, co2Source: co2Source,
      collectionCost: collectionCost, scheduler: scheduler)
    returns = RecyclingReturns(
      config: config, plan: plan, metrics: metrics, points: points, vehicles: vehicles,
      arrivalStreams: arrivalStreams, lotStreams: lotStreams, scheduler: scheduler)
    context.register(self)
    registerSeries()
  }

  public func start() {
    returns.start()
    centres.start()
    vehicles.start()
  }

  public func handle(_ event: Event) {
    let i = Int(event.entity)
    switch RecyclingEvent(rawValue: event.kind) {
    case .returnArrival: returns.lotArrives(source: i)
    case .scheduledCollection: vehicles.scheduledCollection(job: i)
    case .vehicleAtPoint: vehicles.vehicleAtPoint(i)
    case .vehicleAtCentre: vehicles.vehicleAtCentre(i)
    case .batchProcessed: vehicles.releaseDeferred(store: centres.batchProcessed(server: i))
    case .shiftStarts: centres.shiftStarts(store: i)
    case nil: preconditionFailure("unknown recycling event \(event.kind)")
    }
  }

  public func warmupEnded(at time: SimTime) {
    metrics.reset(at: time)
  }
}
