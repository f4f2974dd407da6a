import DequeModule
import SimKernel

extension RingModel {
  // MARK: - Hub stock

  /// The temperature of a hub's cold room for a category.
  func storeTemperature(hub h: Int, category c: Int) -> Double {
    config.hubs[h].storageTemperature ?? config.categories[c].coldTemperature
  }

  /// A lot joins its hub's stock (in the cold room, or at the outdoor temperature if it is not
  /// a cold-room lot), with a timer for when it would spoil there (outdoors: a check that
  /// re-arms until it does).
  func store(_ lot: Int32, hub node: Int) {
    let i = Int(lot)
    let h = node  // hubs are the first nodes
    let c = Int(lots.category[i])
    let celsius = lots.coldRoom[i] ? storeTemperature(hub: h, category: c) : .nan
    lots.place[i] = .inStore
    lots.node[i] = Int32(node)
    lots.stored[i] = scheduler.now
    setTemperature(lot, celsius)
    record(lot, .store, node: node)
    stock[h * config.categories.count + c].append(lot)
    metrics.hubStock[c].add(lots.weight[i], at: scheduler.now)
    armSpoilTimer(lot)
  }

  /// In the cold room: the exact time to the threshold. Outdoors: a lower bound on it (the
  /// decay rate at the day's warmest), after which the lot is checked again. Never later than
  /// the end of its longest hub dwell, when it is sold on.
  private func armSpoilTimer(_ lot: Int32) {
    let i = Int(lot)
    let model = quality[Int(lots.category[i])]
    var hours: Double
    if lots.temperature[i].isNaN {
      let warmest = config.ambient.celsius(at: scheduler.now) + 2 * abs(config.ambient.dailyAmplitude) + 1
      hours = Swift.max(0.1, model.hoursToThreshold(from: lots.quality[i], at: warmest))
    } else {
      hours = model.hoursToThreshold(from: lots.quality[i], at: lots.temperature[i])
    }
    if !hours.isFinite { hours = 24 * 365 }
    if let dwell = maxDwell(lot) { hours = Swift.min(hours, Swift.max(0, lots.stored[i] + dwell - scheduler.now)) }
    lots.spoilTimer[i] = scheduler.schedule(after: hours, SubsystemTag.ring, kind: RingEvent.spoilInStore.rawValue, entity: lot)
  }

  /// The longest a lot may stay in hub stock: the ring's `hub_max_dwell`, shorter for a lot
  /// outside the cold room when its category says so (nil: no limit).
  func maxDwell(_ lot: Int32) -> Double? {
    let i = Int(lot)
    guard !lots.coldRoom[i], let outdoor = config.categories[Int(lots.category[i])].outdoorMaxDwell else { return config.hubMaxDwell }
    return config.hubMaxDwell.map { Swift.min($0, outdoor) } ?? outdoor
  }

  /// A lot's timer in stock: it has spoiled, has stayed the longest dwell (sold on, or spoiled
  /// if it is below the threshold), or (outdoors) is checked again.
  func spoilInStore(lot: Int32) {
    let i = Int(lot)
    lots.spoilTimer[i] = .none
    advance(lot)
    // A cold-room timer is exact: unless the dwell ended first, the lot has spoiled.
    let expired = maxDwell(lot).map { scheduler.now >= lots.stored[i] + $0 - 1e-9 } ?? false
    if !expired, lots.temperature[i].isNaN, !isSpoiled(lot) {
      armSpoilTimer(lot)
      return
    }
    let c = Int(lots.category[i])
    let s = Int(lots.node[i]) * config.categories.count + c
    if let k = stock[s].firstIndex(of: lot) { stock[s].remove(at: k) }
    metrics.hubStock[c].add(-lots.weight[i], at: scheduler.now)
    if expired, !isSpoiled(lot) { sellOff(lot, at: Int(lots.node[i])) } else { spoil(lot, at: Int(lots.node[i])) }
  }

  /// Whether a lot in stock is worth shipping: its quality now is at least `margin` above its
  /// category's threshold (a lot that would spoil on the way stays, and spoils, at the hub).
  func isShippable(_ lot: Int32, margin: Double) -> Bool {
    projectedQuality(lot) >= quality[Int(lots.category[Int(lot)])].threshold + margin
  }

  /// The quality a lot of category `c` loses outdoors over the trip from hub `h` to
  /// destination `d` plus an hour of loading, unloading and waiting (at today's outdoor temperature).
  func shippingMargin(hub h: Int, destination d: Int, category c: Int) -> Double {
    let hours = hubTravel[h][d] + 1
    return hours.isFinite ? quality[c].lossRate(at: config.ambient.celsius(at: scheduler.now)) * hours : 0
  }

  /// How many of the oldest shippable lots first-expiry-first-out compares per pick.
  static let fefoWindow = 64

  /// Takes up to `amount` tonnes of a category from a hub's stock worth shipping (FIFO or
  /// first expiry first), splitting the last lot if needed; returns the picked lots as a
  /// chain and the tonnes picked (0 when nothing there is worth shipping).
  func pick(hub h: Int, category c: Int, tonnes amount: Double, margin: Double = 0) -> (head: Int32, tonnes: Double) {
    let s = h * config.categories.count + c
    var remaining = amount
    var head: Int32 = -1, tail: Int32 = -1
    func chain(_ lot: Int32) {
      lots.place[Int(lot)] = .picked
      if tail >= 0 { lots.next[Int(tail)] = lot } else { head = lot }
      tail = lot
    }
    while remaining > 1e-9, !stock[s].isEmpty {
      var k = -1
      var lowest = Double.infinity
      var looked = 0
      // FEFO compares the `fefoWindow` oldest lots that are worth shipping (stock is kept in
      // arrival order), as a wholesaler looks at the front of the store: the cost of a pick
      // stays bounded however much stock a hub holds.
      for (j, lot) in stock[s].enumerated() where isShippable(lot, margin: margin) {
        if config.dispatchPolicy == .fifo {
          k = j
          break
        }
        let q = projectedQuality(lot)
        if q < lowest {
          lowest = q
          k = j
        }
        looked += 1
        if looked == Self.fefoWindow { break }
      }
      guard k >= 0 else { break }
      let lot = stock[s][k]
      let i = Int(lot)
      advance(lot)
      metrics.hubDwell[c].add(scheduler.now - lots.stored[i])
      let w = lots.weight[i]
      if w <= remaining + 1e-9 {
        stock[s].remove(at: k)
        scheduler.cancel(lots.spoilTimer[i])
        lots.spoilTimer[i] = .none
        metrics.hubStock[c].add(-w, at: scheduler.now)
        remaining -= w
        chain(lot)
      } else {
        let part = lots.split(i, weight: remaining, at: scheduler.now, node: Int(lots.node[i]))
        metrics.hubStock[c].add(-remaining, at: scheduler.now)
        record(part, .split, node: Int(lots.node[i]))
        remaining = 0
        chain(part)
      }
    }
    return (head, amount - remaining)
  }

  // MARK: - Orders

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
    for h in hubOrder[d] where remaining > 1e-9 {
      let capacity = maxDeliveryCapacity[h]
      while remaining > 1e-9 {
        let margin = shippingMargin(hub: h, destination: d, category: c)
        let (head, portion) = pick(hub: h, category: c, tonnes: Swift.min(remaining, capacity), margin: margin)
        guard head >= 0, portion > 1e-9 else { break }
        remaining -= portion
        let job = allocateJob(order: o, hub: h, lots: head)
        orderPending[Int(o)] += 1
        jobQueue[h].append(job)
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
    for h in hubOrder[d] where !jobQueue[h].isEmpty { dispatch(hub: h) }
  }

  private func allocateOrder(source s: Int, at t: SimTime) -> Int32 {
    if let o = freeOrders.popLast() {
      orderTime[Int(o)] = t; orderSource[Int(o)] = Int32(s); orderPending[Int(o)] = 0
      return o
    }
    orderTime.append(t); orderSource.append(Int32(s)); orderPending.append(0)
    return Int32(orderTime.count - 1)
  }

  func allocateJob(order o: Int32, hub h: Int, lots head: Int32) -> Int32 {
    if let j = freeJobs.popLast() {
      jobOrder[Int(j)] = o; jobHub[Int(j)] = Int32(h); jobLots[Int(j)] = head
      return j
    }
    jobOrder.append(o); jobHub.append(Int32(h)); jobLots.append(head)
    return Int32(jobOrder.count - 1)
  }

  /// Sends free delivery trucks of a hub to its waiting jobs, first come first served.
  func dispatch(hub h: Int) {
    while !jobQueue[h].isEmpty {
      guard let f = config.fleets.indices.first(where: { config.fleets[$0].homeIsHub && config.fleets[$0].home == h && !idle[$0].isEmpty })
      else { return }
      let v = idle[f].removeFirst()
      let job = jobQueue[h].removeFirst()
      let d = Int(orderSource[Int(jobOrder[Int(job)])]) / config.categories.count
      startLadenTrip(vehicle: v, lots: jobLots[Int(job)], to: network.destinationNode[d], job: job)
    }
  }

  /// A lot reaches its destination in time to be sold.
  func deliver(_ lot: Int32, at node: Int) {
    let i = Int(lot)
    let c = Int(lots.category[i])
    let w = lots.weight[i]
    record(lot, .deliver, node: node)
    metrics.run.delivered[c] += w
    metrics.kpi.delivered[c] += w
    metrics.qualityTonnes[c] += lots.quality[i] * w
    if lots.complete[i] { metrics.tracedTonnes[c] += w }
    lots.release(lot)
  }

  /// One hub's portion of an order has arrived; the order completes with its last portion.
  func portionDelivered(job: Int32) {
    let o = Int(jobOrder[Int(job)])
    freeJobs.append(job)
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
