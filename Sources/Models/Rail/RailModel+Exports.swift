import SimKernel

/// Exports: the choice when the port announces the box, the booking on an inbound train
/// expected before the cut-off, the train's journey to the port and the move to the terminal.
extension RailModel {
  public func exportAnnounced(batch: Int32, terminal: Int, teu: Double, cutoff: SimTime, truckDue: SimTime) -> Bool {
    let now = scheduler.now
    guard let offer = offer(teu: teu, direction: .exporting, stream: exportStream) else { return false }
    let c = offer.corridor, r = offer.route
    let corridor = config.corridors[c]
    // The box is ready at the customer's door (or the border crossing) when its truck
    // would leave for the port.
    let ready = Swift.max(now, truckDue - truckHours[c])
    guard offer.uChoice < railProbability[c], let k = book(corridor: c, teu: teu, at: ready + drayageHours[c], cutoff: cutoff) else {
      bookTrucks(teu: teu, km: corridor.roadKm)
      return false
    }
    let b = boxes.allocate(batch: batch, route: r, teu: teu, state: .atOrigin, start: ready, due: cutoff, handling: offer.handling)
    let i = Int(b)
    boxes.ready[i] = ready + drayageHours[c]
    boxes.departure[i] = k
    boxes.next[i] = originHead[c]
    originHead[c] = b
    metrics.exportsAcceptedTEU += teu
    metrics.acceptedTEU[r] += teu
    exportsInTransitTEU += teu
    bookRail(teu: teu, corridor: c)
    return true
  }

  /// Books `teu` on the first inbound departure at or after `earliest` with room whose
  /// expected arrival (and move to the terminal) is before `cutoff`. Each full departure
  /// passed over counts as a missed departure. Returns its number, or nil (no train).
  func book(corridor c: Int, teu: Double, at earliest: SimTime, cutoff: SimTime) -> Int? {
    let r = 2 * c + RailDirection.exporting.rawValue
    let corridor = config.corridors[c]
    let window = Self.bookingWindow
    var k = Swift.max(nextDeparture[r], corridor.timetable.firstDeparture(atOrAfter: earliest))
    while k < nextDeparture[r] + window {
      guard corridor.timetable.departure(k) + expectedInbound[c] <= cutoff else { return nil }
      let slot = c * window + k % window
      if booked[slot] + teu <= corridor.capacityTEU * (1 + 1e-12) {
        booked[slot] += teu
        return k
      }
      metrics.missed[r] += 1
      k += 1
    }
    return nil
  }

  /// An inbound train leaves the origin with the boxes booked on departure `k`. Returns the TEU carried.
  func dispatchExportTrain(corridor c: Int, departure k: Int, transit: SimTime, crossing: SimTime) -> Double {
    let now = scheduler.now
    let r = 2 * c + RailDirection.exporting.rawValue
    booked[c * Self.bookingWindow + k % Self.bookingWindow] = 0
    var carried = 0.0
    var head: Int32 = -1
    var previous: Int32 = -1
    var b = originHead[c]
    while b >= 0 {
      let i = Int(b)
      let next = boxes.next[i]
      if boxes.departure[i] == k {
        if previous >= 0 { boxes.next[Int(previous)] = next } else { originHead[c] = next }
        boxes.next[i] = head
        head = b
        boxes.state[i] = .onTrain
        carried += boxes.teu[i]
        let wait = now - boxes.ready[i]
        metrics.wait[r].add(wait)
        metrics.waitByDirection[1].add(wait)
      } else {
        previous = b
      }
      b = next
    }
    guard head >= 0 else { return 0 }
    // Any closure of the crossing (or line), the crossing, then the transit to the port. An
    // export from beyond a border enters the model at the crossing (the onward leg is abroad,
    // before the port announces the box).
    let arrival = reopened(corridor: c, at: now) + crossing + transit
    let t = trains.allocate(route: r, head: head, departed: now)
    scheduler.schedule(at: arrival, SubsystemTag.rail, kind: RailEvent.trainArrived.rawValue, entity: t)
    return carried
  }

  /// An inbound train at the port: each box is moved to its terminal.
  func trainArrived(train t: Int32) {
    var b = trains.head[Int(t)]
    trains.release(t)
    while b >= 0 {
      let next = boxes.next[Int(b)]
      boxes.next[Int(b)] = -1
      boxes.state[Int(b)] = .unloading
      requestHandler(box: b)
      b = next
    }
  }

  /// An export reaches its terminal: the port takes it (customs, then the yard; it rolls if
  /// its vessel has loaded).
  func exportHandled(box b: Int32) {
    releaseHandler()
    let i = Int(b)
    let now = scheduler.now
    let r = Int(boxes.route[i])
    let door = now - boxes.start[i]
    metrics.doorToDoor[r].add(door)
    metrics.doorToDoorByDirection[1].add(door)
    if now > boxes.due[i] { metrics.lateExportTEU += boxes.teu[i] }
    metrics.deliveredTEU += boxes.teu[i]
    exportsInTransitTEU -= boxes.teu[i]
    port?.deliverByRail(batch: boxes.batch[i])
    boxes.release(b)
  }
}
