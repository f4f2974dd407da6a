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
public final class RecyclingModel: SubsystemModel {
  public static let subsystem = Subsystem.recycling
  let config: RecyclingConfig
  let plan: RecyclingPlan
  var network: RecyclingNetwork
  /// The simulation owns its handlers and outlives them: no reference counting per access.
  unowned(unsafe) let sim: Simulation
  /// The simulation's clock and calendar as a plain value (no reference counting per event).
  let scheduler: Scheduler

  let arrivalStreams: [RandomStream]
  let lotStreams: [RandomStream]
  /// First index of each category's fractions in the flat fraction list.
  let fractionStart: [Int]

  // Points: stock[point * categories + category]; pickup jobs.
  var stock: [Double]
  var jobQueued: [Bool]
  var jobDeferred: [Bool]
  var fleetQueue: [[Int]]
  var idleVehicles: [[Int]]
  // Vehicles.
  var vehicleJob: [Int]
  var load: [Double]
  // Stores and lines.
  var waiting: [Double]
  var inProcess: [Double]
  var inTransit: [Double]
  var busyServers: [Int]
  var serverLoad: [Double]
  var deferredJobs: [[Int]]
  var above: [Bool]

  var metrics: RecyclingMetrics
  let emissions: EmissionsAccount
  let costs: CostAccount
  let co2Source: Int
  let collectionCost: Int
  let processingCost: Int

  /// Creates the model for one replication and registers it with the simulation.
  public init(config: RecyclingConfig, context: ModelContext) {
    self.config = config
    self.sim = context.simulation
    self.scheduler = context.simulation.scheduler
    plan = RecyclingPlan(config)
    network = RecyclingNetwork(config)
    let nc = config.categories.count
    arrivalStreams = plan.sources.map {
      context.stream(.recycling, "returns", "\(config.districts[$0.district].name)/\(config.categories[$0.category].name)")
    }
    lotStreams = plan.sources.map {
      context.stream(.recycling, "lots", "\(config.districts[$0.district].name)/\(config.categories[$0.category].name)")
    }
    var start: [Int] = []
    var m = 0
    for c in config.categories {
      start.append(m)
      m += c.fractions.count
    }
    fractionStart = start
    stock = Array(repeating: 0, count: config.points.count * nc)
    jobQueued = Array(repeating: false, count: plan.jobs.count)
    jobDeferred = jobQueued
    fleetQueue = Array(repeating: [], count: plan.fleets.count)
    idleVehicles = Array(repeating: [], count: plan.fleets.count)
    for (v, f) in plan.vehicleFleet.enumerated() { idleVehicles[f].append(v) }
    vehicleJob = Array(repeating: -1, count: plan.vehicleFleet.count)
    load = Array(repeating: 0, count: plan.vehicleFleet.count * nc)
    let stores = plan.storeCentre.count
    waiting = Array(repeating: 0, count: stores)
    inProcess = waiting
    inTransit = waiting
    busyServers = Array(repeating: 0, count: stores)
    serverLoad = Array(repeating: 0, count: plan.serverStore.count)
    deferredJobs = Array(repeating: [], count: stores)
    above = Array(repeating: false, count: stores)
    metrics = RecyclingMetrics(categories: nc, fractions: m, centres: config.centres.count, stores: stores)
    emissions = context.accounts.emissions
    costs = context.accounts.costs
    co2Source = context.emissionSource(.recycling, "collection_vehicles")
    collectionCost = context.costCategory(.recycling, "collection")
    processingCost = context.costCategory(.recycling, "processing")
    context.register(self)
    registerSeries()
  }

  public func start() {
    for (s, source) in plan.sources.enumerated() {
      scheduler.schedule(after: nextLotDelay(source: s, source.category), SubsystemTag.recycling,
                   kind: RecyclingEvent.returnArrival.rawValue, entity: Int32(s), priority: .arrival)
    }
    for (s, line) in plan.storeLine.enumerated() where line.workingHours < 24 {
      scheduler.schedule(at: line.shiftStart, SubsystemTag.recycling, kind: RecyclingEvent.shiftStarts.rawValue, entity: Int32(s))
    }
    for (j, job) in plan.jobs.enumerated() {
      scheduler.schedule(after: config.points[job.point].collectionInterval, SubsystemTag.recycling,
                   kind: RecyclingEvent.scheduledCollection.rawValue, entity: Int32(j))
    }
  }

  public func handle(_ event: Event) {
    let i = Int(event.entity)
    switch RecyclingEvent(rawValue: event.kind) {
    case .returnArrival: lotArrives(source: i)
    case .scheduledCollection: scheduledCollection(job: i)
    case .vehicleAtPoint: vehicleAtPoint(i)
    case .vehicleAtCentre: vehicleAtCentre(i)
    case .batchProcessed: batchProcessed(server: i)
    case .shiftStarts:
      scheduler.schedule(after: 24, SubsystemTag.recycling, kind: RecyclingEvent.shiftStarts.rawValue, entity: event.entity)
      startLines(store: i)
    case nil: preconditionFailure("unknown recycling event \(event.kind)")
    }
  }

  public func warmupEnded(at time: SimTime) {
    metrics.reset(at: time)
  }

  // MARK: - Returns

  /// Lots arrive as a Poisson process whose mean interval is mean lot mass ÷ tonnes per hour.
  private func nextLotDelay(source s: Int, _ category: Int) -> Double {
    arrivalStreams[s].exponential(mean: config.categories[category].lotMass.mean / plan.sources[s].rate)
  }

  private func lotArrives(source s: Int) {
    let source = plan.sources[s]
    let c = source.category
    scheduler.schedule(after: nextLotDelay(source: s, c), SubsystemTag.recycling,
                 kind: RecyclingEvent.returnArrival.rawValue, entity: Int32(s), priority: .arrival)
    // The lot's attributes, from its own stream, whatever happens to it next.
    let stream = lotStreams[s]
    let mass = Swift.max(1e-6, config.categories[c].lotMass.sample(stream))
    let u = stream.uniform()
    metrics.run.generated[c] += mass
    metrics.kpi.generated[c] += mass
    guard u < source.capture, source.point >= 0 else {
      leak(mass, category: c, turnedAway: false)
      return
    }
    let p = source.point
    let nc = plan.categoryCount
    if let room = config.points[p].capacity {
      var held = 0.0
      for k in 0..<nc { held += stock[p * nc + k] }
      guard held + mass <= room else {
        leak(mass, category: c, turnedAway: true)
        return
      }
    }
    metrics.run.formal[c] += mass
    metrics.kpi.formal[c] += mass
    changeStock(point: p, category: c, by: mass)
    if let threshold = config.points[p].pickupThreshold {
      for j in plan.jobsOfPoint[p] where plan.jobs[j].categories.contains(c) && !jobQueued[j] {
        if jobStock(j) >= threshold { queue(job: j) }
      }
    }
  }

  private func leak(_ mass: Double, category c: Int, turnedAway: Bool) {
    metrics.run.leaked[c] += mass
    metrics.kpi.leaked[c] += mass
    if turnedAway {
      metrics.run.turnedAway[c] += mass
      metrics.kpi.turnedAway[c] += mass
    }
  }

  func changeStock(point p: Int, category c: Int, by delta: Double) {
    stock[p * plan.categoryCount + c] += delta
    metrics.pointStock[c].add(delta, at: scheduler.now)
  }
}
