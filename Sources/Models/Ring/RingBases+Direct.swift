import SimKernel

extension RingBases {
  // MARK: - Direct deliveries from bases (orders the hubs cannot fill)

  /// Removes `lot` (whose predecessor in the queue is `prev`, −1 at the head) from a base's queue.
  private func unlink(_ lot: Int32, after prev: Int32, base b: Int) {
    let next = lots.next[Int(lot)]
    if prev >= 0 { lots.next[Int(prev)] = next } else { queueHead[b] = next }
    if queueTail[b] == lot { queueTail[b] = prev }
    lots.next[Int(lot)] = -1
    queueTonnes[b] -= lots.weight[Int(lot)]
    if queueHead[b] < 0 { queueTonnes[b] = 0 }
  }

  /// Takes up to `amount` tonnes of a category from a base's queue (the oldest first, or the
  /// lowest quality first under FEFO), splitting the last lot if needed; lots found spoiled
  /// are counted as spoiled at the base. Returns the picked lots as a chain and the tonnes.
  func pickAtBase(_ b: Int, category c: Int, tonnes amount: Double) -> (head: Int32, tonnes: Double) {
    var remaining = amount
    var head: Int32 = -1, tail: Int32 = -1
    let node = baseNode[b]
    while remaining > 1e-9 {
      // Choose a lot of the category: the first in queue order (FIFO) or the lowest quality (FEFO).
      var chosen: Int32 = -1, chosenPrev: Int32 = -1, lowest = Double.infinity
      var prev: Int32 = -1, lot = queueHead[b]
      while lot >= 0 {
        if lots.category[Int(lot)] == Int32(c) {
          if config.dispatchPolicy == .fifo {
            chosen = lot; chosenPrev = prev
            break
          }
          let q = produce.projectedQuality(lot)
          if q < lowest { lowest = q; chosen = lot; chosenPrev = prev }
        }
        prev = lot
        lot = lots.next[Int(lot)]
      }
      guard chosen >= 0 else { break }
      let i = Int(chosen)
      produce.advance(chosen)
      var picked = chosen
      if produce.isSpoiled(chosen) {
        unlink(chosen, after: chosenPrev, base: b)
        produce.spoil(chosen, at: node)
        continue
      }
      if lots.weight[i] <= remaining + 1e-9 {
        unlink(chosen, after: chosenPrev, base: b)
        remaining -= lots.weight[i]
      } else {
        picked = lots.split(i, weight: remaining, at: scheduler.now, node: node)
        queueTonnes[b] -= remaining
        produce.record(picked, .split, node: node)
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
  func hasIdleTruck(base b: Int) -> Bool {
    config.fleets.indices.contains { config.fleets[$0].home == b && !config.fleets[$0].homeIsHub && !trucks.idle[$0].isEmpty }
  }

  /// Queues a direct delivery at a base and sends a truck if one is at home.
  func queueDirect(job: Int32, base b: Int) {
    baseJobs[b].append(job)
    dispatchDirect(base: b)
  }

  /// Sends free trucks of a base (reefers first, in fleet order) to its waiting direct deliveries.
  func dispatchDirect(base b: Int) {
    while !baseJobs[b].isEmpty {
      guard
        let f = config.fleets.indices.first(where: {
          config.fleets[$0].home == b && !config.fleets[$0].homeIsHub && !trucks.idle[$0].isEmpty
        })
      else { return }
      let v = trucks.idle[f].removeFirst()
      let job = baseJobs[b].removeFirst()
      trucks.startLadenTrip(vehicle: v, lots: jobs.lots[Int(job)], to: Int(jobs.destination[Int(job)]), job: job)
    }
  }
}
