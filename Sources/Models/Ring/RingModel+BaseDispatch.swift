import SimKernel

extension RingModel {
  // MARK: - Direct dispatch from bases (orders the hubs cannot fill)

  /// A lot's quality projected to now at the temperature it has had (not advanced).
  func projectedQuality(_ lot: Int32) -> Double {
    let i = Int(lot)
    let model = quality[Int(lots.category[i])]
    let t = lots.temperature[i]
    if t.isNaN { return lots.quality[i] - outdoorLoss[Int(lots.category[i])].loss(from: lots.updated[i], to: scheduler.now) }
    return lots.quality[i] - model.lossRate(at: t) * (scheduler.now - lots.updated[i])
  }

  /// Tonnes of a category waiting in a base's queue (precooling lots are not ready).
  func baseTonnes(base b: Int, category c: Int) -> Double {
    var total = 0.0
    for lot in baseQueues[b].elements(links: lots.next) where lots.category[Int(lot)] == Int32(c) {
      total += lots.weight[Int(lot)]
    }
    return total
  }

  /// Removes `lot` (whose predecessor in the queue is `prev`, −1 at the head) from a base's queue.
  private func unlink(_ lot: Int32, after prev: Int32, base b: Int) {
    baseQueues[b].remove(lot, after: prev, links: &lots.next)
    queueTonnes[b] -= lots.weight[Int(lot)]
    if baseQueues[b].isEmpty { queueTonnes[b] = 0 }
  }

  /// Takes up to `amount` tonnes of a category from a base's queue (the oldest first, or the
  /// lowest quality first under FEFO), splitting the last lot if needed; lots found spoiled
  /// are counted as spoiled at the base. Returns the picked lots as a chain and the tonnes.
  func pickAtBase(_ b: Int, category c: Int, tonnes amount: Double) -> (head: Int32, tonnes: Double) {
    var remaining = amount
    var head: Int32 = -1, tail: Int32 = -1
    let node = network.baseNode[b]
    while remaining > 1e-9 {
      // Choose a lot of the category: the first in queue order (FIFO) or the lowest quality (FEFO).
      var chosen: Int32 = -1, chosenPrev: Int32 = -1, lowest = Double.infinity
      var prev: Int32 = -1, lot = baseQueues[b].head
      while lot >= 0 {
        if lots.category[Int(lot)] == Int32(c) {
          if config.dispatchPolicy == .fifo {
            chosen = lot; chosenPrev = prev
            break
          }
          let q = projectedQuality(lot)
          if q < lowest { lowest = q; chosen = lot; chosenPrev = prev }
        }
        prev = lot
        lot = lots.next[Int(lot)]
      }
      guard chosen >= 0 else { break }
      let i = Int(chosen)
      advance(chosen)
      var picked = chosen
      if isSpoiled(chosen) {
        unlink(chosen, after: chosenPrev, base: b)
        spoil(chosen, at: node)
        continue
      }
      if lots.weight[i] <= remaining + 1e-9 {
        unlink(chosen, after: chosenPrev, base: b)
        remaining -= lots.weight[i]
      } else {
        picked = lots.split(i, weight: remaining, at: scheduler.now, node: node)
        queueTonnes[b] -= remaining
        record(picked, .split, node: node)
        remaining = 0
      }
      lots.place[Int(picked)] = .picked
      metrics.fromBases[c] += lots.weight[Int(picked)]
      if tail >= 0 { lots.next[Int(tail)] = picked } else { head = picked }
      tail = picked
    }
    return (head, amount - remaining)
  }

  /// Whether a base has a truck at home now.
  private func hasIdleTruck(base b: Int) -> Bool {
    config.fleets.indices.contains { config.fleets[$0].home == b && !config.fleets[$0].homeIsHub && !idle[$0].isEmpty }
  }

  /// Meets what the hubs could not of an order from the bases, nearest first, one truckload
  /// per delivery and only with a truck at home now (a base does not queue direct deliveries
  /// ahead of its trunk hauls); returns the tonnes still missing.
  func orderFromBases(order o: Int32, destination d: Int, category c: Int, tonnes amount: Double) -> Double {
    var remaining = amount
    for b in baseOrder[d] where remaining > 1e-9 {
      let capacity = maxBaseCapacity[b]
      guard capacity > 0 else { continue }
      while remaining > 1e-9, hasIdleTruck(base: b) {
        let portion = Swift.min(remaining, capacity)
        let (head, got) = pickAtBase(b, category: c, tonnes: portion)
        guard head >= 0, got > 1e-9 else { break }
        remaining -= got
        let job = allocateJob(order: o, hub: -1 - b, lots: head)
        orderPending[Int(o)] += 1
        baseJobs[b].append(job)
        dispatchDirect(base: b)
        if got < portion - 1e-9 { break }
      }
    }
    return remaining
  }

  /// Sends free trucks of a base (reefers first, in fleet order) to its waiting direct deliveries.
  func dispatchDirect(base b: Int) {
    while !baseJobs[b].isEmpty {
      guard let f = config.fleets.indices.first(where: { config.fleets[$0].home == b && !config.fleets[$0].homeIsHub && !idle[$0].isEmpty })
      else { return }
      let v = idle[f].removeFirst()
      let job = baseJobs[b].removeFirst()
      let d = Int(orderSource[Int(jobOrder[Int(job)])]) / config.categories.count
      startLadenTrip(vehicle: v, lots: jobLots[Int(job)], to: network.destinationNode[d], job: job)
    }
  }
}
