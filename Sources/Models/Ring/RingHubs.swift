import DequeModule
import SimKernel

/// The hubs (cold-storage and wholesale): trucks from the bases and the port unload into a
/// hub's stock (in its cold room, or outdoors for lots that are not kept cold), where each
/// lot has a timer for when it would spoil or has stayed the longest dwell; orders pick from
/// the stock (FIFO or first expiry first) and the hub's delivery trucks take each pick to its
/// destination, first come first served.
final class RingHubs {
  let config: RingConfig
  let scheduler: Scheduler
  let produce: RingProduce
  let metrics: RingMetrics
  let lots: RingLots
  let trucks: RingTrucks
  let jobs: RingDeliveryJobs
  /// Stock lot lists per hub × category, in arrival order.
  var stock: [Deque<Int32>]
  /// Delivery jobs waiting for a truck, per hub.
  var jobQueue: [[Int32]]
  /// Hubs in order of off-peak travel time to each destination.
  let hubOrder: [[Int]]
  /// Off-peak travel time (h) from each hub to each destination (hub × destination).
  let hubTravel: [[Double]]
  /// The largest delivery truck of each hub (t).
  let maxDeliveryCapacity: [Double]

  init(
    config: RingConfig, network net: RingNetwork, produce: RingProduce, trucks: RingTrucks, jobs: RingDeliveryJobs,
    scheduler: Scheduler
  ) {
    self.config = config
    self.scheduler = scheduler
    self.produce = produce
    metrics = produce.metrics
    lots = produce.lots
    self.trucks = trucks
    self.jobs = jobs
    stock = Array(repeating: [], count: config.hubs.count * config.categories.count)
    jobQueue = Array(repeating: [], count: config.hubs.count)
    hubOrder = net.destinationNode.map { d in
      net.hubNode.indices.sorted { a, b in
        let ta = net.offPeakHours(from: net.hubNode[a], to: d), tb = net.offPeakHours(from: net.hubNode[b], to: d)
        return ta < tb || (ta == tb && a < b)
      }
    }
    hubTravel = net.hubNode.map { h in net.destinationNode.map { net.offPeakHours(from: h, to: $0) } }
    maxDeliveryCapacity = config.hubs.indices.map { h in
      config.fleets.filter { $0.homeIsHub && $0.home == h && $0.vehicles > 0 }.map(\.capacity).max() ?? 0
    }
  }

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
    produce.setTemperature(lot, celsius)
    produce.record(lot, .store, node: node)
    stock[h * config.categories.count + c].append(lot)
    metrics.hubStock[c].add(lots.weight[i], at: scheduler.now)
    armSpoilTimer(lot)
  }

  /// In the cold room: the exact time to the threshold. Outdoors: a lower bound on it (the
  /// decay rate at the day's warmest), after which the lot is checked again. Never later than
  /// the end of its longest hub dwell, when it is sold on.
  private func armSpoilTimer(_ lot: Int32) {
    let i = Int(lot)
    let c = Int(lots.category[i])
    var hours: Double
    if lots.temperature[i].isNaN {
      let warmest = config.ambient.celsius(at: scheduler.now) + 2 * abs(config.ambient.dailyAmplitude) + 1
      hours = Swift.max(0.1, produce.quality[c].hoursToThreshold(from: lots.quality[i], at: warmest))
    } else {
      hours = produce.quality[c].hoursToThreshold(from: lots.quality[i], at: lots.temperature[i])
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
    produce.advance(lot)
    // A cold-room timer is exact: unless the dwell ended first, the lot has spoiled.
    let expired = maxDwell(lot).map { scheduler.now >= lots.stored[i] + $0 - 1e-9 } ?? false
    if !expired, lots.temperature[i].isNaN, !produce.isSpoiled(lot) {
      armSpoilTimer(lot)
      return
    }
    let c = Int(lots.category[i])
    let s = Int(lots.node[i]) * config.categories.count + c
    if let k = stock[s].firstIndex(of: lot) { stock[s].remove(at: k) }
    metrics.hubStock[c].add(-lots.weight[i], at: scheduler.now)
    if expired, !produce.isSpoiled(lot) {
      produce.sellOff(lot, at: Int(lots.node[i]))
    } else {
      produce.spoil(lot, at: Int(lots.node[i]))
    }
  }

  /// Whether a lot in stock is worth shipping: its quality now is at least `margin` above its
  /// category's threshold (a lot that would spoil on the way stays, and spoils, at the hub).
  func isShippable(_ lot: Int32, margin: Double) -> Bool {
    produce.projectedQuality(lot) >= produce.quality[Int(lots.category[Int(lot)])].threshold + margin
  }

  /// The quality a lot of category `c` loses outdoors over the trip from hub `h` to
  /// destination `d` plus an hour of loading, unloading and waiting (at today's outdoor temperature).
  func shippingMargin(hub h: Int, destination d: Int, category c: Int) -> Double {
    let hours = hubTravel[h][d] + 1
    return hours.isFinite ? produce.quality[c].lossRate(at: config.ambient.celsius(at: scheduler.now)) * hours : 0
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
        let q = produce.projectedQuality(lot)
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
      produce.advance(lot)
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
        produce.record(part, .split, node: Int(lots.node[i]))
        remaining = 0
        chain(part)
      }
    }
    return (head, amount - remaining)
  }

  /// Sends free delivery trucks of a hub to its waiting jobs, first come first served.
  func dispatch(hub h: Int) {
    while !jobQueue[h].isEmpty {
      guard
        let f = config.fleets.indices.first(where: {
          config.fleets[$0].homeIsHub && config.fleets[$0].home == h && !trucks.idle[$0].isEmpty
        })
      else { return }
      let v = trucks.idle[f].removeFirst()
      let job = jobQueue[h].removeFirst()
      trucks.startLadenTrip(vehicle: v, lots: jobs.lots[Int(job)], to: Int(jobs.destination[Int(job)]), job: job)
    }
  }
}
