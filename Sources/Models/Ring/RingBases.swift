import SimKernel

/// The production bases: lots are harvested (or precooled) there and wait in the base's
/// queue until a truck of the base leaves for its hub, full enough or when the oldest lot
/// has waited its longest hold. A base also trucks direct deliveries (orders the hubs could
/// not fill) from its queue (``RingBases/pickAtBase(_:category:tonnes:)``).
final class RingBases {
  let config: RingConfig
  let scheduler: Scheduler
  let produce: RingProduce
  let metrics: RingMetrics
  let lots: RingLots
  let trucks: RingTrucks
  let jobs: RingDeliveryJobs
  // Streams per harvest source (base × category): arrivals, lot attributes.
  let harvestStreams: [RandomStream]
  let lotStreams: [RandomStream]
  let baseNode: [Int]
  let hubNode: [Int]
  // The queue of lots waiting for a truck at each base (chained through lots.next).
  var queueHead: [Int32]
  var queueTail: [Int32]
  var queueTonnes: [Double]
  var holdTimer: [EventHandle]
  /// Direct deliveries waiting for a truck at each base (orders the hubs could not fill).
  var baseJobs: [[Int32]]
  /// Bases in order of off-peak travel time to each destination, and their largest truck.
  let baseOrder: [[Int]]
  let maxBaseCapacity: [Double]

  init(
    config: RingConfig, network: RingNetwork, produce: RingProduce, trucks: RingTrucks, jobs: RingDeliveryJobs,
    harvestStreams: [RandomStream], lotStreams: [RandomStream], scheduler: Scheduler
  ) {
    self.config = config
    self.scheduler = scheduler
    self.produce = produce
    metrics = produce.metrics
    lots = produce.lots
    self.trucks = trucks
    self.jobs = jobs
    self.harvestStreams = harvestStreams
    self.lotStreams = lotStreams
    baseNode = network.baseNode
    hubNode = network.hubNode
    queueHead = Array(repeating: -1, count: config.bases.count)
    queueTail = queueHead
    queueTonnes = Array(repeating: 0, count: config.bases.count)
    holdTimer = Array(repeating: .none, count: config.bases.count)
    baseJobs = Array(repeating: [], count: config.bases.count)
    let net = network
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
  }

  // MARK: - Harvest

  /// Schedules the first harvest of every source that harvests anything.
  func start() {
    let nc = config.categories.count
    for (b, base) in config.bases.enumerated() {
      for c in 0..<nc where base.harvestRate[c] > 0 {
        let s = b * nc + c
        scheduler.schedule(
          at: nextHarvest(source: s, after: 0), SubsystemTag.ring, kind: RingEvent.harvest.rawValue,
          entity: Int32(s), priority: .arrival)
      }
    }
  }

  /// The next harvest time of a source: an exponential gap of harvest-window hours after `t`
  /// (a Poisson process inside the daily window, mean gap = mean lot mass ÷ tonnes per hour).
  func nextHarvest(source s: Int, after t: SimTime) -> SimTime {
    let nc = config.categories.count
    let base = config.bases[s / nc]
    let c = s % nc
    var gap = harvestStreams[s].exponential(mean: config.categories[c].lotMass.mean / base.harvestRate[c])
    var now = t
    while true {
      let window = harvestWindow(base, containing: now)
      if now < window.start { now = window.start }
      let room = window.end - now
      if gap <= room { return now + gap }
      gap -= room
      now = window.end
    }
  }

  /// The harvest window that contains `t`, or the next one.
  private func harvestWindow(_ base: RingBase, containing t: SimTime) -> (start: SimTime, end: SimTime) {
    let day = (t / 24).rounded(.down) * 24
    for k in [-24.0, 0] {
      let s = day + k + base.harvestStart
      if t >= s && t < s + base.harvestHours { return (s, s + base.harvestHours) }
    }
    let s = day + base.harvestStart
    return t < s ? (s, s + base.harvestHours) : (s + 24, s + 24 + base.harvestHours)
  }

  func harvest(source s: Int) {
    let nc = config.categories.count
    let b = s / nc, c = s % nc
    let base = config.bases[b]
    let now = scheduler.now
    scheduler.schedule(
      at: nextHarvest(source: s, after: now), SubsystemTag.ring, kind: RingEvent.harvest.rawValue,
      entity: Int32(s), priority: .arrival)
    // The lot's attributes, from its own stream, whatever happens to it next.
    let stream = lotStreams[s]
    let mass = Swift.max(1e-6, config.categories[c].lotMass.sample(stream))
    let tagged = stream.uniform() < base.tracingCoverage
    let precool = stream.uniform() < base.precoolingShare
    let coldRoom = stream.uniform() < config.categories[c].coldStorageShare
    let node = baseNode[b]
    let lot = lots.allocate(
      category: c, weight: mass, quality: produce.quality[c].initialQuality, at: now, origin: b, node: node,
      tagged: tagged)
    lots.coldRoom[Int(lot)] = coldRoom
    metrics.run.harvested[c] += mass
    metrics.kpi.harvested[c] += mass
    produce.record(lot, .harvest, node: node)
    if precool {
      lots.precooled[Int(lot)] = true
      lots.place[Int(lot)] = .precooling
      // From field heat to the set point: on average half-way (assumed linear pull-down).
      lots.temperature[Int(lot)] = (config.ambient.celsius(at: now) + config.categories[c].coldTemperature) / 2
      scheduler.schedule(after: base.precoolTime, SubsystemTag.ring, kind: RingEvent.precooled.rawValue, entity: lot)
    } else {
      enqueue(lot, base: b)
    }
  }

  func precooled(lot: Int32) {
    let i = Int(lot)
    produce.setTemperature(lot, config.categories[Int(lots.category[i])].coldTemperature)
    produce.record(lot, .precool, node: Int(lots.node[i]))
    enqueue(lot, base: Int(lots.origin[i]))
  }

  // MARK: - Bases

  /// Puts a lot at the end of its base's queue and sends a truck if one should go.
  func enqueue(_ lot: Int32, base b: Int) {
    let i = Int(lot)
    lots.place[i] = .atBase
    lots.stored[i] = scheduler.now
    lots.next[i] = -1
    if queueTail[b] >= 0 { lots.next[Int(queueTail[b])] = lot } else { queueHead[b] = lot }
    queueTail[b] = lot
    queueTonnes[b] += lots.weight[i]
    dispatch(base: b)
  }

  func holdExpired(base b: Int) {
    holdTimer[b] = .none
    dispatch(base: b)
  }

  /// Sends free trucks of the base's fleets (in fleet order: list reefers first to prefer
  /// them) while the queue fills a truck to its dispatch load or its oldest lot has waited
  /// the longest hold; arms the hold timer for what remains.
  func dispatch(base b: Int) {
    let base = config.bases[b]
    let now = scheduler.now
    dispatchDirect(base: b)
    while queueHead[b] >= 0 {
      guard
        let f = config.fleets.indices.first(where: {
          config.fleets[$0].home == b && !config.fleets[$0].homeIsHub && !trucks.idle[$0].isEmpty
        })
      else { break }
      let capacity = config.fleets[f].capacity
      let overdue = now - lots.stored[Int(queueHead[b])] >= base.maxHold - 1e-9
      guard overdue || queueTonnes[b] >= base.dispatchLoad * capacity else { break }
      let v = trucks.idle[f].removeFirst()
      var head: Int32 = -1, tail: Int32 = -1, load = 0.0
      while queueHead[b] >= 0 {
        let lot = queueHead[b]
        let w = lots.weight[Int(lot)]
        if head >= 0 && load + w > capacity + 1e-9 { break }
        queueHead[b] = lots.next[Int(lot)]
        if queueHead[b] < 0 { queueTail[b] = -1 }
        queueTonnes[b] -= w
        lots.next[Int(lot)] = -1
        produce.advance(lot)
        if produce.isSpoiled(lot) {
          produce.spoil(lot, at: baseNode[b])
          continue
        }
        if tail >= 0 { lots.next[Int(tail)] = lot } else { head = lot }
        tail = lot
        load += w
      }
      if queueHead[b] < 0 { queueTonnes[b] = 0 }
      if head < 0 {
        trucks.idle[f].insert(v, at: 0)
        continue
      }
      trucks.startLadenTrip(vehicle: v, lots: head, to: hubNode[base.hub], job: -1)
    }
    // Arm the hold timer for the oldest lot; once it is overdue, a returning truck takes it.
    if queueHead[b] >= 0, holdTimer[b] == .none {
      let due = lots.stored[Int(queueHead[b])] + base.maxHold
      if due > now {
        holdTimer[b] = scheduler.schedule(at: due, SubsystemTag.ring, kind: RingEvent.holdExpired.rawValue, entity: Int32(b))
      }
    }
  }
}
