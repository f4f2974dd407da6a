import SimKernel

/// The destinations' orders: each demand source (destination × category) orders as a Poisson
/// process with its hourly pattern; an order is picked from the hubs nearest first (one
/// delivery job per truckload), then under `base_dispatch: shortfall` from the bases' waiting
/// lots, and what remains is unmet. The order completes with its last delivered portion.
final class RingOrders {
  let config: RingConfig
  let scheduler: Scheduler
  let produce: RingProduce
  let metrics: RingMetrics
  let hubs: RingHubs
  let bases: RingBases
  let jobs: RingDeliveryJobs
  /// One stream per demand source: order times and sizes.
  let orderStreams: [RandomStream]
  let destinationNode: [Int]
  // Orders as parallel arrays with slot reuse: when placed, by which source, portions on the way.
  var orderTime: [SimTime] = []
  var orderSource: [Int32] = []
  var orderPending: [Int32] = []
  var freeOrders: [Int32] = []

  init(
    config: RingConfig, network: RingNetwork, produce: RingProduce, hubs: RingHubs, bases: RingBases,
    jobs: RingDeliveryJobs, orderStreams: [RandomStream], scheduler: Scheduler
  ) {
    self.config = config
    self.scheduler = scheduler
    self.produce = produce
    metrics = produce.metrics
    self.hubs = hubs
    self.bases = bases
    self.jobs = jobs
    self.orderStreams = orderStreams
    destinationNode = network.destinationNode
  }

  /// Schedules the first order of every source with demand.
  func start() {
    let nc = config.categories.count
    for (d, dest) in config.destinations.enumerated() {
      for c in 0..<nc where dest.dailyDemand[c] > 0 {
        let s = d * nc + c
        if let t = nextOrder(source: s, after: 0) {
          scheduler.schedule(at: t, SubsystemTag.ring, kind: RingEvent.order.rawValue, entity: Int32(s), priority: .arrival)
        }
      }
    }
  }

  /// Order rate (orders per hour) of a demand source at time `t`.
  private func orderRate(source s: Int, at t: SimTime) -> Double {
    let nc = config.categories.count
    let d = config.destinations[s / nc], c = s % nc
    let hour = t - (t / 24).rounded(.down) * 24
    return d.dailyDemand[c] / 24 / config.categories[c].orderSize.mean * d.intensity(atHour: hour)
  }

  /// The next order time after `t`: a Poisson process with the hourly pattern, by thinning.
  func nextOrder(source s: Int, after t: SimTime) -> SimTime? {
    let nc = config.categories.count
    let d = config.destinations[s / nc], c = s % nc
    let peak = (d.hourlyPattern.count == 24 ? (0..<24).map { d.intensity(atHour: Double($0)) }.max() ?? 1 : 1)
    let maxRate = d.dailyDemand[c] / 24 / config.categories[c].orderSize.mean * peak
    guard maxRate > 0 else { return nil }
    let stream = orderStreams[s]
    var now = t
    for _ in 0..<10_000 {
      now += stream.exponential(mean: 1 / maxRate)
      if stream.uniform() * maxRate <= orderRate(source: s, at: now) { return now }
    }
    return now
  }

  /// An order: picks from the hubs nearest first, one delivery per truckload; then (under
  /// `base_dispatch: shortfall`) from the bases' waiting lots; the rest is unmet.
  func order(source s: Int) {
    let nc = config.categories.count
    let d = s / nc, c = s % nc
    let now = scheduler.now
    let size = Swift.max(1e-6, config.categories[c].orderSize.sample(orderStreams[s]))
    if let t = nextOrder(source: s, after: now) {
      scheduler.schedule(at: t, SubsystemTag.ring, kind: RingEvent.order.rawValue, entity: Int32(s), priority: .arrival)
    }
    metrics.ordered[s] += size
    let o = allocateOrder(source: s, at: now)
    var remaining = size
    for h in hubs.hubOrder[d] where remaining > 1e-9 {
      let capacity = hubs.maxDeliveryCapacity[h]
      while remaining > 1e-9 {
        let margin = hubs.shippingMargin(hub: h, destination: d, category: c)
        let (head, portion) = hubs.pick(hub: h, category: c, tonnes: Swift.min(remaining, capacity), margin: margin)
        guard head >= 0, portion > 1e-9 else { break }
        remaining -= portion
        let job = jobs.allocate(order: o, hub: h, lots: head, destination: destinationNode[d])
        orderPending[Int(o)] += 1
        hubs.jobQueue[h].append(job)
      }
    }
    if remaining > 1e-9, config.baseDispatch == .shortfall {
      remaining = orderFromBases(order: o, destination: d, category: c, tonnes: remaining)
    }
    if remaining > 1e-9 { metrics.unmet[s] += remaining }
    if orderPending[Int(o)] == 0 {
      // Nothing at any hub: the order counts as not delivered within the target.
      metrics.orders[s] += 1
      freeOrders.append(o)
    }
    for h in hubs.hubOrder[d] where !hubs.jobQueue[h].isEmpty { hubs.dispatch(hub: h) }
  }

  /// Meets what the hubs could not of an order from the bases, nearest first, one truckload
  /// per delivery and only with a truck at home now (a base does not queue direct deliveries
  /// ahead of its trunk hauls); returns the tonnes still missing.
  private func orderFromBases(order o: Int32, destination d: Int, category c: Int, tonnes amount: Double) -> Double {
    var remaining = amount
    for b in bases.baseOrder[d] where remaining > 1e-9 {
      let capacity = bases.maxBaseCapacity[b]
      guard capacity > 0 else { continue }
      while remaining > 1e-9, bases.hasIdleTruck(base: b) {
        let portion = Swift.min(remaining, capacity)
        let (head, got) = bases.pickAtBase(b, category: c, tonnes: portion)
        guard head >= 0, got > 1e-9 else { break }
        remaining -= got
        let job = jobs.allocate(order: o, hub: -1 - b, lots: head, destination: destinationNode[d])
        orderPending[Int(o)] += 1
        bases.queueDirect(job: job, base: b)
        if got < portion - 1e-9 { break }
      }
    }
    return remaining
  }

  private func allocateOrder(source s: Int, at t: SimTime) -> Int32 {
    if let o = freeOrders.popLast() {
      orderTime[Int(o)] = t; orderSource[Int(o)] = Int32(s); orderPending[Int(o)] = 0
      return o
    }
    orderTime.append(t); orderSource.append(Int32(s)); orderPending.append(0)
    return Int32(orderTime.count - 1)
  }

  /// One hub's portion of an order has arrived; the order completes with its last portion.
  func portionDelivered(job: Int32) {
    let o = Int(jobs.order[Int(job)])
    jobs.release(job)
    orderPending[o] -= 1
    guard orderPending[o] == 0 else { return }
    let s = Int(orderSource[o])
    let lead = scheduler.now - orderTime[o]
    metrics.orders[s] += 1
    metrics.leadTime[s].add(lead)
    if lead <= config.targetLeadTime + 1e-9 { metrics.onTime[s] += 1 }
    freeOrders.append(Int32(o))
  }
}
