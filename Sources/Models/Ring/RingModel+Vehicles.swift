import SimKernel

extension RingModel {
  /// The truck's kind: the drayage trucks of the port are reefers.
  func isReefer(_ v: Int) -> Bool {
    let f = Int(vFleet[v])
    return f == drayage || config.fleets[f].kind == .reefer
  }

  /// The temperature a lot sees on board: a reefer's set point for precooled lots, half-way
  /// from the outdoor temperature for lots with field heat (assumed linear pull-down);
  /// outdoors on an ambient truck or during an excursion.
  func temperatureOnBoard(_ lot: Int32, vehicle v: Int) -> Double {
    guard isReefer(v), !vExcursion[v] else { return .nan }
    let cold = config.categories[Int(lots.category[Int(lot)])].coldTemperature
    return lots.precooled[Int(lot)] ? cold : (cold + config.ambient.celsius(at: scheduler.now)) / 2
  }

  func markBusy(_ v: Int) {
    let f = Int(vFleet[v])
    guard f < busyCount.count else { return }
    busyCount[f] += 1
    metrics.busy[f].record(Double(busyCount[f]), at: scheduler.now)
  }

  func markIdle(_ v: Int) {
    let f = Int(vFleet[v])
    guard f < busyCount.count else { return }
    busyCount[f] -= 1
    metrics.busy[f].record(Double(busyCount[f]), at: scheduler.now)
    idle[f].append(Int32(v))
  }

  /// Loads lots (at the dock, outdoors) for a trip to `destination`; `job` ≥ 0 for a delivery.
  func startLadenTrip(vehicle v32: Int32, lots head: Int32, to destination: Int, job: Int32) {
    let v = Int(v32)
    markBusy(v)
    guard let r = network.route(from: Int(vAt[v]), to: destination) else {
      preconditionFailure("ring: no route from node \(vAt[v]) to \(destination)")
    }
    vRoute[v] = Int32(r)
    vLoad[v] = head
    vLaden[v] = true
    vJob[v] = job
    let f = Int(vFleet[v])
    let trunk = job < 0 && f != drayage
    var lot = head
    while lot >= 0 {
      let i = Int(lot)
      lots.place[i] = .onTruck
      setTemperature(lot, .nan)
      record(lot, .load, node: Int(vAt[v]))
      if trunk {
        let c = Int(lots.category[i])
        metrics.hauled[c] += lots.weight[i]
        if isReefer(v) { metrics.hauledCold[c] += lots.weight[i] }
      }
      lot = lots.next[i]
    }
    let loading = f == drayage ? 0 : config.fleets[f].loadingTime
    scheduler.schedule(after: loading, SubsystemTag.ring, kind: RingEvent.loaded.rawValue, entity: v32)
  }

  /// Leaves with the load: lots take the truck's temperature; a reefer may fail on the way.
  func depart(vehicle v: Int) {
    let now = scheduler.now
    vTripStart[v] = now
    var lot = vLoad[v]
    while lot >= 0 {
      setTemperature(lot, temperatureOnBoard(lot, vehicle: v))
      record(lot, .depart, node: Int(vAt[v]))
      lot = lots.next[Int(lot)]
    }
    let f = Int(vFleet[v])
    if f != drayage, config.fleets[f].kind == .reefer, config.fleets[f].failureProbability > 0 {
      let stream = failureStreams[f]
      let fails = stream.uniform() < config.fleets[f].failureProbability
      let when = stream.uniform()
      if fails {
        let links = network.routes[Int(vRoute[v])]
        let freeTime = network.roads.arrivalTime(following: links, departure: now) - now
        vExcursionTimer[v] = scheduler.schedule(after: when * freeTime, SubsystemTag.ring,
                                                kind: RingEvent.excursionStarts.rawValue, entity: Int32(v))
      }
    }
    bookKm(vehicle: v)
    vLeg[v] = 0
    enterLink(vehicle: v)
  }

  /// Books the km of the truck's current route into the emissions and cost accounts.
  func bookKm(vehicle v: Int, times: Double = 1) {
    let f = Int(vFleet[v])
    let km = network.routeKm[Int(vRoute[v])] * times
    let co2 = f == drayage ? (config.portSupply?.co2PerKm ?? 0) : config.fleets[f].co2PerKm
    let cost = f == drayage ? (config.portSupply?.costPerKm ?? 0) : config.fleets[f].costPerKm
    metrics.vehicleKm[f] += km
    emissions.add(kg: km * co2, source: co2Source)
    costs.add(cny: km * cost, category: transportCost)
  }

  /// Enters the current link of the route, or arrives if the route is done.
  func enterLink(vehicle v: Int) {
    let links = network.routes[Int(vRoute[v])]
    let leg = Int(vLeg[v])
    guard leg < links.count else {
      arrive(vehicle: v)
      return
    }
    let f = Int(vFleet[v])
    let speed = f == drayage ? 1 : config.fleets[f].speedFactor
    let permit = f == drayage ? false : config.fleets[f].entryPermit
    let exit = network.traverse(link: links[leg], entering: scheduler.now, speedFactor: speed, permit: permit)
    scheduler.schedule(at: exit, SubsystemTag.ring, kind: RingEvent.linkEnd.rawValue, entity: Int32(v))
  }

  func linkEnd(vehicle v: Int) {
    vLeg[v] += 1
    enterLink(vehicle: v)
  }

  /// At the end of the route: a laden truck unloads (at the dock, outdoors), an empty one is home.
  func arrive(vehicle v: Int) {
    let links = network.routes[Int(vRoute[v])]
    let node = links.isEmpty ? Int(vAt[v]) : network.roads.links[links[links.count - 1]].to
    vAt[v] = Int32(node)
    guard vLaden[v] else {
      markIdle(v)
      let f = config.fleets[Int(vFleet[v])]
      if f.homeIsHub { dispatch(hub: f.home) } else { dispatch(base: f.home) }
      return
    }
    scheduler.cancel(vExcursionTimer[v])
    vExcursionTimer[v] = .none
    vExcursion[v] = false
    var lot = vLoad[v]
    var first = -1
    while lot >= 0 {
      if first < 0 { first = Int(lots.category[Int(lot)]) }
      setTemperature(lot, .nan)
      record(lot, .arrive, node: node)
      lot = lots.next[Int(lot)]
    }
    if first >= 0 { metrics.legTime[first].add(scheduler.now - vTripStart[v]) }
    let f = Int(vFleet[v])
    let unloading = f == drayage ? 0 : config.fleets[f].unloadingTime
    scheduler.schedule(after: unloading, SubsystemTag.ring, kind: RingEvent.unloaded.rawValue, entity: Int32(v))
  }

  /// Hands the load over (hub stock or delivery), then drives home empty.
  func unloaded(vehicle v: Int) {
    let node = Int(vAt[v])
    let job = vJob[v]
    var lot = vLoad[v]
    vLoad[v] = -1
    vLaden[v] = false
    while lot >= 0 {
      let next = lots.next[Int(lot)]
      lots.next[Int(lot)] = -1
      advance(lot)
      if isSpoiled(lot) {
        spoil(lot, at: node)
      } else if job >= 0 {
        deliver(lot, at: node)
      } else {
        store(lot, hub: node)
      }
      lot = next
    }
    if job >= 0 { portionDelivered(job: job) }
    let f = Int(vFleet[v])
    if f == drayage {
      // Port trucks return to the port outside the ring: book the empty return, free the truck.
      bookKm(vehicle: v)
      freeDrayage.append(Int32(v))
      return
    }
    let fleet = config.fleets[f]
    let home = fleet.homeIsHub ? network.hubNode[fleet.home] : network.baseNode[fleet.home]
    guard let r = network.route(from: node, to: home) else { preconditionFailure("ring: no route home for truck \(v)") }
    vRoute[v] = Int32(r)
    vLeg[v] = 0
    bookKm(vehicle: v)
    enterLink(vehicle: v)
  }

  /// A reefer unit fails (lots see the outdoor temperature) or is repaired.
  func excursion(vehicle v: Int, starts: Bool) {
    guard vLaden[v] else { return }
    if starts {
      vExcursion[v] = true
      let f = Int(vFleet[v])
      metrics.excursions[f] += 1
      let duration = Swift.max(0, config.fleets[f].excursionDuration.sample(failureStreams[f]))
      vExcursionTimer[v] = scheduler.schedule(after: duration, SubsystemTag.ring, kind: RingEvent.excursionEnds.rawValue,
                                              entity: Int32(v))
    } else {
      vExcursion[v] = false
      vExcursionTimer[v] = .none
    }
    var lot = vLoad[v]
    while lot >= 0 {
      if starts {
        metrics.excursionTonnes[Int(lots.category[Int(lot)])] += lots.weight[Int(lot)]
        record(lot, .excursion, node: Int(vAt[v]))
      }
      setTemperature(lot, temperatureOnBoard(lot, vehicle: v))
      lot = lots.next[Int(lot)]
    }
  }
}
