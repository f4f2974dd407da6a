import SimKernel

/// The ring's trucks and the roads they drive: the fleets' trucks (at home until a base or
/// hub sends them) and the port's drayage trucks. A truck loads, drives its route link by
/// link, unloads and drives home; a reefer may fail on a laden trip. What a truck carries
/// is handed over by the model (to a hub's stock or a destination), and a truck that is home
/// again is offered to its base or hub by the model.
final class RingTrucks {
  let config: RingConfig
  let scheduler: Scheduler
  let produce: RingProduce
  let metrics: RingMetrics
  let lots: RingLots
  var network: RingNetwork
  var vehicles = RingVehicleTable()
  /// Trucks at home by fleet, in the order they are sent (one list more for the drayage
  /// pseudo-fleet, which stays empty: drayage trucks wait in `freeDrayage`).
  var idle: [[Int32]]
  /// Trucks away from home or loading, by configured fleet (drayage is not counted).
  var busyCount: [Int]
  /// Drayage trucks back at the port, reused for the next import.
  var freeDrayage: [Int32] = []
  let failureStreams: [RandomStream]
  let emissions: EmissionsAccount
  let costs: CostAccount
  let co2Source: Int
  let transportCost: Int
  /// The drayage pseudo-fleet's index (after the configured fleets).
  var drayage: Int { config.fleets.count }

  init(
    config: RingConfig, network: RingNetwork, produce: RingProduce, failureStreams: [RandomStream], scheduler: Scheduler,
    accounts: SharedAccounts, co2Source: Int, transportCost: Int
  ) {
    self.config = config
    self.network = network
    self.produce = produce
    metrics = produce.metrics
    lots = produce.lots
    self.failureStreams = failureStreams
    self.scheduler = scheduler
    emissions = accounts.emissions
    costs = accounts.costs
    self.co2Source = co2Source
    self.transportCost = transportCost
    idle = Array(repeating: [], count: config.fleets.count + 1)
    busyCount = Array(repeating: 0, count: config.fleets.count)
    for (f, fleet) in config.fleets.enumerated() {
      let home = homeNode(of: fleet)
      for _ in 0..<fleet.vehicles {
        let v = vehicles.add(fleet: f, at: home)
        idle[f].append(v)
      }
    }
  }

  /// The node a fleet's trucks live at (its hub or its base).
  func homeNode(of fleet: RingFleet) -> Int {
    fleet.homeIsHub ? network.hubNode[fleet.home] : network.baseNode[fleet.home]
  }

  /// A drayage truck at the port for an import: one back from an earlier trip, else a new one.
  func drayageTruck(at port: Int) -> Int32 {
    guard let free = freeDrayage.popLast() else { return vehicles.add(fleet: drayage, at: port) }
    vehicles.at[Int(free)] = Int32(port)
    return free
  }

  /// The truck's kind: the drayage trucks of the port are reefers.
  func isReefer(_ v: Int) -> Bool {
    let f = Int(vehicles.fleet[v])
    return f == drayage || config.fleets[f].kind == .reefer
  }

  /// The temperature a lot sees on board: a reefer's set point for precooled lots, half-way
  /// from the outdoor temperature for lots with field heat (assumed linear pull-down);
  /// outdoors on an ambient truck or during an excursion.
  func temperatureOnBoard(_ lot: Int32, vehicle v: Int) -> Double {
    guard isReefer(v), !vehicles.excursion[v] else { return .nan }
    let cold = config.categories[Int(lots.category[Int(lot)])].coldTemperature
    return lots.precooled[Int(lot)] ? cold : (cold + config.ambient.celsius(at: scheduler.now)) / 2
  }

  func markBusy(_ v: Int) {
    let f = Int(vehicles.fleet[v])
    guard f < busyCount.count else { return }
    busyCount[f] += 1
    metrics.busy[f].record(Double(busyCount[f]), at: scheduler.now)
  }

  func markIdle(_ v: Int) {
    let f = Int(vehicles.fleet[v])
    guard f < busyCount.count else { return }
    busyCount[f] -= 1
    metrics.busy[f].record(Double(busyCount[f]), at: scheduler.now)
    idle[f].append(Int32(v))
  }

  /// Loads lots (at the dock, outdoors) for a trip to `destination`; `job` ≥ 0 for a delivery.
  func startLadenTrip(vehicle v32: Int32, lots head: Int32, to destination: Int, job: Int32) {
    let v = Int(v32)
    markBusy(v)
    guard let r = network.route(from: Int(vehicles.at[v]), to: destination) else {
      preconditionFailure("ring: no route from node \(vehicles.at[v]) to \(destination)")
    }
    vehicles.route[v] = Int32(r)
    vehicles.load[v] = head
    vehicles.laden[v] = true
    vehicles.job[v] = job
    let f = Int(vehicles.fleet[v])
    let trunk = job < 0 && f != drayage
    var lot = head
    while lot >= 0 {
      let i = Int(lot)
      lots.place[i] = .onTruck
      produce.setTemperature(lot, .nan)
      produce.record(lot, .load, node: Int(vehicles.at[v]))
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
    vehicles.tripStart[v] = now
    var lot = vehicles.load[v]
    while lot >= 0 {
      produce.setTemperature(lot, temperatureOnBoard(lot, vehicle: v))
      produce.record(lot, .depart, node: Int(vehicles.at[v]))
      lot = lots.next[Int(lot)]
    }
    let f = Int(vehicles.fleet[v])
    if f != drayage, config.fleets[f].kind == .reefer, config.fleets[f].failureProbability > 0 {
      let stream = failureStreams[f]
      let fails = stream.uniform() < config.fleets[f].failureProbability
      let when = stream.uniform()
      if fails {
        let links = network.routes[Int(vehicles.route[v])]
        let freeTime = network.roads.arrivalTime(following: links, departure: now) - now
        vehicles.excursionTimer[v] = scheduler.schedule(
          after: when * freeTime, SubsystemTag.ring,
          kind: RingEvent.excursionStarts.rawValue, entity: Int32(v))
      }
    }
    bookKm(vehicle: v)
    vehicles.leg[v] = 0
    // A laden truck never comes home idle at the end of its route: it unloads first.
    _ = enterLink(vehicle: v)
  }

  /// Books the km of the truck's current route into the emissions and cost accounts.
  func bookKm(vehicle v: Int) {
    let f = Int(vehicles.fleet[v])
    let km = network.routeKm[Int(vehicles.route[v])]
    let co2 = f == drayage ? (config.portSupply?.co2PerKm ?? 0) : config.fleets[f].co2PerKm
    let cost = f == drayage ? (config.portSupply?.costPerKm ?? 0) : config.fleets[f].costPerKm
    metrics.vehicleKm[f] += km
    emissions.add(kg: km * co2, source: co2Source)
    costs.add(cny: km * cost, category: transportCost)
  }

  /// Enters the current link of the route, or arrives if the route is done. Returns whether
  /// the truck is home and idle (an empty truck at the end of its route).
  func enterLink(vehicle v: Int) -> Bool {
    let links = network.routes[Int(vehicles.route[v])]
    let leg = Int(vehicles.leg[v])
    guard leg < links.count else { return arrive(vehicle: v) }
    let f = Int(vehicles.fleet[v])
    let speed = f == drayage ? 1 : config.fleets[f].speedFactor
    let permit = f == drayage ? false : config.fleets[f].entryPermit
    let exit = network.traverse(link: links[leg], entering: scheduler.now, speedFactor: speed, permit: permit)
    scheduler.schedule(at: exit, SubsystemTag.ring, kind: RingEvent.linkEnd.rawValue, entity: Int32(v))
    return false
  }

  /// The truck reaches the end of a link. Returns whether it is home and idle.
  func linkEnd(vehicle v: Int) -> Bool {
    vehicles.leg[v] += 1
    return enterLink(vehicle: v)
  }

  /// At the end of the route: a laden truck unloads (at the dock, outdoors), an empty one is
  /// home (idle again; returns true).
  private func arrive(vehicle v: Int) -> Bool {
    let links = network.routes[Int(vehicles.route[v])]
    let node = links.isEmpty ? Int(vehicles.at[v]) : network.roads.links[links[links.count - 1]].to
    vehicles.at[v] = Int32(node)
    guard vehicles.laden[v] else {
      markIdle(v)
      return true
    }
    scheduler.cancel(vehicles.excursionTimer[v])
    vehicles.excursionTimer[v] = .none
    vehicles.excursion[v] = false
    var lot = vehicles.load[v]
    var first = -1
    while lot >= 0 {
      if first < 0 { first = Int(lots.category[Int(lot)]) }
      produce.setTemperature(lot, .nan)
      produce.record(lot, .arrive, node: node)
      lot = lots.next[Int(lot)]
    }
    if first >= 0 { metrics.legTime[first].add(scheduler.now - vehicles.tripStart[v]) }
    let f = Int(vehicles.fleet[v])
    let unloading = f == drayage ? 0 : config.fleets[f].unloadingTime
    scheduler.schedule(after: unloading, SubsystemTag.ring, kind: RingEvent.unloaded.rawValue, entity: Int32(v))
    return false
  }

  /// Takes the load off a truck that has unloaded: where it is, its delivery job (−1 for a
  /// trunk haul or an import) and the first lot of the load.
  func unload(vehicle v: Int) -> (node: Int, job: Int32, lots: Int32) {
    let load = vehicles.load[v]
    vehicles.load[v] = -1
    vehicles.laden[v] = false
    return (Int(vehicles.at[v]), vehicles.job[v], load)
  }

  /// Drives an empty truck home (a drayage truck returns to the port outside the ring: its
  /// return is booked and it waits there for the next import). Returns whether the truck is
  /// home and idle at once.
  func driveHome(vehicle v: Int) -> Bool {
    let node = Int(vehicles.at[v])
    let f = Int(vehicles.fleet[v])
    if f == drayage {
      bookKm(vehicle: v)
      freeDrayage.append(Int32(v))
      return false
    }
    let home = homeNode(of: config.fleets[f])
    guard let r = network.route(from: node, to: home) else { preconditionFailure("ring: no route home for truck \(v)") }
    vehicles.route[v] = Int32(r)
    vehicles.leg[v] = 0
    bookKm(vehicle: v)
    return enterLink(vehicle: v)
  }

  /// A reefer unit fails (lots see the outdoor temperature) or is repaired.
  func excursion(vehicle v: Int, starts: Bool) {
    guard vehicles.laden[v] else { return }
    if starts {
      vehicles.excursion[v] = true
      let f = Int(vehicles.fleet[v])
      metrics.excursions[f] += 1
      let duration = Swift.max(0, config.fleets[f].excursionDuration.sample(failureStreams[f]))
      vehicles.excursionTimer[v] = scheduler.schedule(
        after: duration, SubsystemTag.ring,
        kind: RingEvent.excursionEnds.rawValue, entity: Int32(v))
    } else {
      vehicles.excursion[v] = false
      vehicles.excursionTimer[v] = .none
    }
    var lot = vehicles.load[v]
    while lot >= 0 {
      if starts {
        metrics.excursionTonnes[Int(lots.category[Int(lot)])] += lots.weight[Int(lot)]
        produce.record(lot, .excursion, node: Int(vehicles.at[v]))
      }
      produce.setTemperature(lot, temperatureOnBoard(lot, vehicle: v))
      lot = lots.next[Int(lot)]
    }
  }
}
