import SimKernel

/// End-of-life returns: lots arise per district and category as a Poisson process and go to
/// the nearest formal collection point (with the access model's capture probability, if the
/// point has room) or leak to the informal sector. Formal stock may call a vehicle (pickup
/// threshold).
final class RecyclingReturns {
  let config: RecyclingConfig
  let plan: RecyclingPlan
  let scheduler: Scheduler
  let metrics: RecyclingMetrics
  let points: CollectionPoints
  let vehicles: CollectionVehicles
  // One stream per source each: arrival times, lot attributes.
  let arrivalStreams: [RandomStream]
  let lotStreams: [RandomStream]

  init(
    config: RecyclingConfig, plan: RecyclingPlan, metrics: RecyclingMetrics, points: CollectionPoints,
    vehicles: CollectionVehicles, arrivalStreams: [RandomStream], lotStreams: [RandomStream], scheduler: Scheduler
  ) {
    self.config = config
    self.plan = plan
    self.metrics = metrics
    self.points = points
    self.vehicles = vehicles
    self.arrivalStreams = arrivalStreams
    self.lotStreams = lotStreams
    self.scheduler = scheduler
  }

  /// Schedules every source's first lot.
  func start() {
    for (s, source) in plan.sources.enumerated() {
      scheduler.schedule(
        after: nextLotDelay(source: s, source.category), SubsystemTag.recycling,
        kind: RecyclingEvent.returnArrival.rawValue, entity: Int32(s), priority: .arrival)
    }
  }

  /// Lots arrive as a Poisson process whose mean interval is mean lot mass ÷ tonnes per hour.
  private func nextLotDelay(source s: Int, _ category: Int) -> Double {
    arrivalStreams[s].exponential(mean: config.categories[category].lotMass.mean / plan.sources[s].rate)
  }

  func lotArrives(source s: Int) {
    let source = plan.sources[s]
    let c = source.category
    scheduler.schedule(
      after: nextLotDelay(source: s, c), SubsystemTag.recycling,
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
    guard points.hasRoom(point: p, for: mass) else {
      leak(mass, category: c, turnedAway: true)
      return
    }
    metrics.run.formal[c] += mass
    metrics.kpi.formal[c] += mass
    points.changeStock(point: p, category: c, by: mass)
    if let threshold = config.points[p].pickupThreshold {
      for j in plan.jobsOfPoint[p] where plan.jobs[j].categories.contains(c) && !vehicles.jobQueued[j] {
        if points.jobStock(j) >= threshold { vehicles.queue(job: j) }
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
}
