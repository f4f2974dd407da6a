import SimKernel

/// The centres' collection vehicles and the pickups they serve: a pickup job (a point
/// collected by one fleet of its centre) waits in its fleet's FIFO queue; a free vehicle
/// drives there if anything can be loaded within the centre's permit room (else the pickup
/// is deferred until processing frees room), loads within capacity and permit room, drives
/// back and unloads into the centre's stores.
final class CollectionVehicles {
  let config: RecyclingConfig
  let plan: RecyclingPlan
  let scheduler: Scheduler
  let metrics: RecyclingMetrics
  let points: CollectionPoints
  let centres: RecyclingCentres
  var network: RecyclingNetwork
  let emissions: EmissionsAccount
  let costs: CostAccount
  let co2Source: Int
  let collectionCost: Int
  // Pickup jobs: in a fleet's queue, or deferred for permit room.
  var jobQueued: [Bool]
  var jobDeferred: [Bool]
  var fleetQueue: [[Int]]
  /// Deferred pickups per store, released when the store has permit room again.
  var deferredJobs: [[Int]]
  // Vehicles: free ones per fleet (lowest number first), the job of each, its load by category.
  var idleVehicles: [[Int]]
  var vehicleJob: [Int]
  var load: [Double]

  init(
    config: RecyclingConfig, plan: RecyclingPlan, network: RecyclingNetwork, metrics: RecyclingMetrics,
    points: CollectionPoints, centres: RecyclingCentres, accounts: SharedAccounts, co2Source: Int, collectionCost: Int,
    scheduler: Scheduler
  ) {
    self.config = config
    self.plan = plan
    self.network = network
    self.metrics = metrics
    self.points = points
    self.centres = centres
    self.scheduler = scheduler
    emissions = accounts.emissions
    costs = accounts.costs
    self.co2Source = co2Source
    self.collectionCost = collectionCost
    jobQueued = Array(repeating: false, count: plan.jobs.count)
    jobDeferred = jobQueued
    fleetQueue = Array(repeating: [], count: plan.fleets.count)
    deferredJobs = Array(repeating: [], count: plan.storeCentre.count)
    idleVehicles = Array(repeating: [], count: plan.fleets.count)
    for (v, f) in plan.vehicleFleet.enumerated() { idleVehicles[f].append(v) }
    vehicleJob = Array(repeating: -1, count: plan.vehicleFleet.count)
    load = Array(repeating: 0, count: plan.vehicleFleet.count * plan.categoryCount)
  }

  /// Schedules every pickup job's first scheduled collection.
  func start() {
    for (j, job) in plan.jobs.enumerated() {
      scheduler.schedule(
        after: config.points[job.point].collectionInterval, SubsystemTag.recycling,
        kind: RecyclingEvent.scheduledCollection.rawValue, entity: Int32(j))
    }
  }

  func scheduledCollection(job j: Int) {
    scheduler.schedule(
      after: config.points[plan.jobs[j].point].collectionInterval, SubsystemTag.recycling,
      kind: RecyclingEvent.scheduledCollection.rawValue, entity: Int32(j))
    if !jobQueued[j] && points.jobStock(j) > 0 { queue(job: j) }
  }

  /// Puts a pickup in its fleet's FIFO queue and sends a vehicle if one is free.
  func queue(job j: Int) {
    jobQueued[j] = true
    fleetQueue[plan.jobs[j].fleet].append(j)
    dispatch(fleet: plan.jobs[j].fleet)
  }

  /// Sends free vehicles of a fleet to queued pickups, FIFO. A pickup with nothing loadable
  /// (every category with stock has no permit room) is deferred until a line frees room.
  func dispatch(fleet f: Int) {
    let nc = plan.categoryCount
    let centre = plan.fleets[f].centre
    while !idleVehicles[f].isEmpty, !fleetQueue[f].isEmpty {
      let j = fleetQueue[f].removeFirst()
      let job = plan.jobs[j]
      var held = 0.0, loadable = 0.0
      for c in job.categories {
        let amount = points.stock[job.point * nc + c]
        held += amount
        loadable += Swift.min(amount, centres.permitRoom(store: plan.storeOf[centre * nc + c]))
      }
      if held <= 0 {
        jobQueued[j] = false
        continue
      }
      if loadable <= 0 {
        jobDeferred[j] = true
        for c in job.categories where points.stock[job.point * nc + c] > 0 {
          let s = plan.storeOf[centre * nc + c]
          if centres.permitRoom(store: s) <= 0 {
            deferredJobs[s].append(j)
            metrics.deferrals[s] += 1
          }
        }
        continue
      }
      let v = idleVehicles[f].removeFirst()
      vehicleJob[v] = j
      drive(
        vehicle: v, from: network.centreNode[centre], to: network.pointNode[job.point], departure: scheduler.now,
        event: .vehicleAtPoint)
    }
  }

  /// Returns deferred pickups of a store to their fleets' queues once it has permit room.
  func releaseDeferred(store s: Int) {
    guard !deferredJobs[s].isEmpty, centres.permitRoom(store: s) > 0 else { return }
    let jobs = deferredJobs[s]
    deferredJobs[s] = []
    var fleets: [Int] = []
    for j in jobs where jobDeferred[j] {
      jobDeferred[j] = false
      fleetQueue[plan.jobs[j].fleet].append(j)
      if !fleets.contains(plan.jobs[j].fleet) { fleets.append(plan.jobs[j].fleet) }
    }
    for f in fleets { dispatch(fleet: f) }
  }

  /// Books a trip leg (km, CO₂, cost) and schedules the arrival.
  private func drive(vehicle v: Int, from a: Int, to b: Int, departure: SimTime, event: RecyclingEvent) {
    let fleet = plan.fleets[plan.vehicleFleet[v]]
    let trip = network.trip(from: a, to: b, departure: departure)
    let km = trip.km
    metrics.vehicleKm[fleet.centre] += km
    metrics.vehicleKmRun[fleet.centre] += km
    emissions.add(kg: km * fleet.config.co2PerKm, source: co2Source)
    costs.add(cny: km * fleet.config.costPerKm, category: collectionCost)
    scheduler.schedule(at: trip.arrival, SubsystemTag.recycling, kind: event.rawValue, entity: Int32(v))
  }

  /// Loads what fits (capacity, permit room) in category order and drives back.
  func vehicleAtPoint(_ v: Int) {
    let nc = plan.categoryCount
    let j = vehicleJob[v]
    let job = plan.jobs[j]
    let fleet = plan.fleets[job.fleet]
    var free = fleet.config.capacity
    for c in job.categories {
      let s = plan.storeOf[fleet.centre * nc + c]
      let take = Swift.min(points.stock[job.point * nc + c], free, centres.permitRoom(store: s))
      guard take > 0 else { continue }
      points.changeStock(point: job.point, category: c, by: -take)
      load[v * nc + c] += take
      centres.inTransit[s] += take
      free -= take
      metrics.run.collected[c] += take
      metrics.kpi.collected[c] += take
    }
    jobQueued[j] = false
    metrics.trips[fleet.centre] += 1
    drive(
      vehicle: v, from: network.pointNode[job.point], to: network.centreNode[fleet.centre],
      departure: scheduler.now + fleet.config.loadingTime, event: .vehicleAtCentre)
    // What is left (vehicle full) calls another vehicle if it is still above the threshold.
    if let threshold = config.points[job.point].pickupThreshold, points.jobStock(j) >= threshold { queue(job: j) }
  }

  /// Unloads into the centre's stores, starts idle lines, and takes the next pickup.
  func vehicleAtCentre(_ v: Int) {
    let nc = plan.categoryCount
    let f = plan.vehicleFleet[v]
    let centre = plan.fleets[f].centre
    for c in 0..<nc where load[v * nc + c] > 0 {
      let s = plan.storeOf[centre * nc + c]
      let amount = load[v * nc + c]
      load[v * nc + c] = 0
      centres.receive(amount, store: s)
    }
    vehicleJob[v] = -1
    idleVehicles[f].append(v)
    idleVehicles[f].sort()
    dispatch(fleet: f)
  }
}
