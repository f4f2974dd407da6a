import SimKernel

/// Imports: the choice at customs release, the move from the port yard into the rail yard
/// (blocking while it is full), and the outbound trains that take them.
extension RailModel {
  public func importReleased(batch: Int32, terminal: Int, teu: Double, pickUpAt: SimTime) -> Bool {
    let now = scheduler.now
    guard let offer = offer(teu: teu, direction: .importing, stream: importStream) else { return false }
    let c = offer.corridor, r = offer.route
    guard offer.uChoice < railProbability[c] else {
      bookTrucks(teu: teu, km: config.corridors[c].roadKm)
      return false
    }
    let b = boxes.allocate(
      batch: batch, route: r, teu: teu, state: .awaitingPickup, start: pickUpAt, due: pickUpAt,
      handling: offer.handling)
    metrics.importsAcceptedTEU += teu
    metrics.acceptedTEU[r] += teu
    awaitingTEU += teu
    bookRail(teu: teu, corridor: c)
    scheduler.schedule(
      at: Swift.max(now, pickUpAt), SubsystemTag.rail, kind: RailEvent.importPickup.rawValue, entity: b,
      priority: .arrival)
    return true
  }

  /// The box may leave the port yard: into the rail yard if there is room and nobody is
  /// waiting before it, else it waits in the port yard.
  func importPickup(box b: Int32) {
    if blocked.isEmpty && yardTEU + boxes.teu[Int(b)] <= config.yard.capacityTEU {
      admit(box: b)
    } else {
      boxes.state[Int(b)] = .blocked
      blocked.push(b)
    }
  }

  /// Reserves rail-yard room, takes the box out of the port yard and starts moving it.
  private func admit(box b: Int32) {
    let i = Int(b)
    let now = scheduler.now
    yardTEU += boxes.teu[i]
    yardChanged()
    awaitingTEU -= boxes.teu[i]
    metrics.pickedUpTEU += boxes.teu[i]
    metrics.pickedUpTEUSinceWarmup += boxes.teu[i]
    metrics.pickupDelay.add(now - boxes.start[i])
    boxes.state[i] = .transferring
    port?.pickUpByRail(batch: boxes.batch[i])
    requestHandler(box: b)
  }

  /// Room freed: boxes waiting in the port yard come in, first come first served.
  func admitBlocked() {
    while let b = blocked.first, yardTEU + boxes.teu[Int(b)] <= config.yard.capacityTEU {
      _ = blocked.pop()
      admit(box: b)
    }
  }

  func yardChanged() {
    metrics.yardStock.record(yardTEU, at: scheduler.now)
    if yardTEU > metrics.maxYardStock { metrics.maxYardStock = yardTEU }
  }

  /// The box is in the rail yard: it joins its corridor's queue (by entry, or by due time).
  func transferDone(box b: Int32) {
    releaseHandler()
    let i = Int(b)
    boxes.state[i] = .inRailYard
    boxes.ready[i] = scheduler.now
    let c = Int(boxes.route[i]) / 2
    if config.yard.loadingOrder == .due {
      yardQueues[c].insert(b, orderedBy: boxes.due, links: &boxes.next)
    } else {
      yardQueues[c].pushBack(b, links: &boxes.next)
    }
  }

  /// An outbound train takes the corridor's boxes in queue order while they fit; boxes left
  /// behind missed it. Returns the TEU carried.
  func loadImportTrain(corridor c: Int, transit: SimTime, crossing: SimTime) -> Double {
    let now = scheduler.now
    let r = 2 * c + RailDirection.importing.rawValue
    let corridor = config.corridors[c]
    let capacity = corridor.capacityTEU
    // The train reaches the crossing (or dry port), waits out any closure, crosses, goes on.
    let atDestination = reopened(corridor: c, at: now + transit) + crossing + corridor.onwardTime
    var carried = 0.0
    var previous: Int32 = -1
    var b = yardQueues[c].head
    while b >= 0 {
      let i = Int(b)
      let next = boxes.next[i]
      if carried + boxes.teu[i] <= capacity * (1 + 1e-12) {
        carried += boxes.teu[i]
        yardQueues[c].remove(b, after: previous, links: &boxes.next)
        let wait = now - boxes.ready[i]
        let door = atDestination + drayageHours[c] - boxes.start[i]
        metrics.wait[r].add(wait)
        metrics.waitByDirection[0].add(wait)
        metrics.doorToDoor[r].add(door)
        metrics.doorToDoorByDirection[0].add(door)
        metrics.departedImportTEU += boxes.teu[i]
        yardTEU -= boxes.teu[i]
        boxes.release(b)
      } else {
        metrics.missed[r] += 1
        previous = b
      }
      b = next
    }
    if carried > 0 {
      yardChanged()
      admitBlocked()
    }
    return carried
  }
}
