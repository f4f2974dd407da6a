import SimKernel

extension RingModel {
  // MARK: - Harvest

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
    scheduler.schedule(at: nextHarvest(source: s, after: now), SubsystemTag.ring, kind: RingEvent.harvest.rawValue,
                       entity: Int32(s), priority: .arrival)
    // The lot's attributes, from its own stream, whatever happens to it next.
    let stream = lotStreams[s]
    let mass = Swift.max(1e-6, config.categories[c].lotMass.sample(stream))
    let tagged = stream.uniform() < base.tracingCoverage
    let precool = stream.uniform() < base.precoolingShare
    let coldRoom = stream.uniform() < config.categories[c].coldStorageShare
    let node = network.baseNode[b]
    let lot = lots.allocate(category: c, weight: mass, quality: quality[c].initialQuality, at: now, origin: b, node: node,
                            tagged: tagged)
    lots.coldRoom[Int(lot)] = coldRoom
    metrics.run.harvested[c] += mass
    metrics.kpi.harvested[c] += mass
    record(lot, .harvest, node: node)
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
    setTemperature(lot, config.categories[Int(lots.category[i])].coldTemperature)
    record(lot, .precool, node: Int(lots.node[i]))
    enqueue(lot, base: Int(lots.origin[i]))
  }

  // MARK: - Bases

  /// Puts a lot at the end of its base's queue and sends a truck if one should go.
  func enqueue(_ lot: Int32, base b: Int) {
    let i = Int(lot)
    lots.place[i] = .atBase
    lots.stored[i] = scheduler.now
    baseQueues[b].pushBack(lot, links: &lots.next)
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
    while let oldest = baseQueues[b].first {
      guard let f = config.fleets.indices.first(where: { config.fleets[$0].home == b && !config.fleets[$0].homeIsHub && !idle[$0].isEmpty })
      else { break }
      let capacity = config.fleets[f].capacity
      let overdue = now - lots.stored[Int(oldest)] >= base.maxHold - 1e-9
      guard overdue || queueTonnes[b] >= base.dispatchLoad * capacity else { break }
      let v = idle[f].removeFirst()
      var truckLoad = LinkedIndexQueue(), load = 0.0
      while let lot = baseQueues[b].first {
        let w = lots.weight[Int(lot)]
        if !truckLoad.isEmpty && load + w > capacity + 1e-9 { break }
        _ = baseQueues[b].popFront(links: &lots.next)
        queueTonnes[b] -= w
        advance(lot)
        if isSpoiled(lot) {
          spoil(lot, at: network.baseNode[b])
          continue
        }
        truckLoad.pushBack(lot, links: &lots.next)
        load += w
      }
      if baseQueues[b].isEmpty { queueTonnes[b] = 0 }
      guard let head = truckLoad.first else {
        idle[f].insert(v, at: 0)
        continue
      }
      startLadenTrip(vehicle: v, lots: head, to: network.hubNode[base.hub], job: -1)
    }
    // Arm the hold timer for the oldest lot; once it is overdue, a returning truck takes it.
    if let oldest = baseQueues[b].first, holdTimer[b] == .none {
      let due = lots.stored[Int(oldest)] + base.maxHold
      if due > now {
        holdTimer[b] = scheduler.schedule(at: due, SubsystemTag.ring, kind: RingEvent.holdExpired.rawValue, entity: Int32(b))
      }
    }
  }

  // MARK: - Imports (port → ring)

  /// A laden import batch left the port by road: its reefer share of food goes to the hub.
  public func importLeftByRoad(teu: Double, terminal: Int, at time: SimTime) {
    guard let supply = config.portSupply else { return }
    let tonnes = teu * supply.reeferShare * supply.tonnesPerTEU
    guard tonnes > 0 else { return }
    let port = network.portNode
    for c in supply.categoryShares.indices where supply.categoryShares[c] > 0 {
      let w = tonnes * supply.categoryShares[c]
      let tagged = importStream.uniform() < supply.tracingCoverage
      let lot = lots.allocate(category: c, weight: w, quality: quality[c].initialQuality, at: scheduler.now, origin: -1,
                              node: port, tagged: tagged)
      lots.precooled[Int(lot)] = true
      metrics.run.imported[c] += w
      metrics.kpi.imported[c] += w
      record(lot, .importArrival, node: port)
      let v: Int32
      if let free = freeDrayage.popLast() {
        v = free
        vAt[Int(v)] = Int32(port)
      } else {
        v = addVehicle(fleet: drayage, at: port)
      }
      startLadenTrip(vehicle: v, lots: lot, to: network.hubNode[supply.hub], job: -1)
    }
  }
}
