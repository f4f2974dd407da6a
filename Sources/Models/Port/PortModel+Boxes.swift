import SimKernel

/// Boxes behind the moves: export boxes delivered before the cut-off, the yard (with
/// blocking when full), customs clearance, the gate, and transshipment connections.
///
/// When X happens, do Y:
/// - a batch is discharged → it enters the yard (space was reserved at the chunk's start);
///   an import starts customs and its consignee's pick-up clock; a transshipment box waits
///   for its connection; an empty waits for its pick-up;
/// - a truck group reaches the gate → it queues for a lane (lanes follow working hours);
/// - it leaves its lane → an import leaves the yard; an export enters it (or waits inside
///   for space) and starts customs;
/// - a vessel starts loading → it takes its exports that are in the yard and cleared (the
///   others roll to the service's next call) and every transshipment box ready at its terminal.
extension PortModel {
  // MARK: - Exports

  /// Creates the export batches of a new call; their trucks reach the gate a drawn lead
  /// before the cut-off (not before now).
  func createExports(vessel v: Int32, loadMoves: Double, containers c: ContainerConfig, stream: RandomStream) {
    let i = Int(v)
    let t = Int(vessels.terminal[i])
    let cutoff = vessels.nominal[i] - c.cutoff
    let exportMoves = (loadMoves * c.loadMix[0]).rounded()
    let emptyMoves = Swift.min(loadMoves - exportMoves, (loadMoves * c.loadMix[1]).rounded())
    for (flow, total) in [(ContainerFlow.exportLaden, exportMoves), (.emptyExport, emptyMoves)] {
      var left = total
      while left > 0 {
        let m = Swift.min(c.movesPerBatch, left)
        left -= m
        let b = batches.allocate(flow: flow, terminal: t, vessel: v, moves: m, teu: m * c.teuPerMove)
        let due = Swift.max(scheduler.now, cutoff - Swift.max(0, c.exportLead.sample(stream)))
        batches.due[Int(b)] = due
        batches.next[Int(b)] = vessels.exportHead[i]
        vessels.exportHead[i] = b
        if flow == .exportLaden, let landside,
           landside.exportAnnounced(batch: b, terminal: t, teu: m * c.teuPerMove, cutoff: cutoff, truckDue: due) {
          metrics.railExportTEU += m * c.teuPerMove
          continue
        }
        scheduler.schedule(at: due, SubsystemTag.port, kind: PortEvent.gateArrival.rawValue, entity: b, priority: .arrival)
      }
    }
  }

  /// A new call of a service takes over the exports rolled from its previous call.
  func takeRolledExports(vessel v: Int32) {
    let i = Int(v)
    let s = Int(vessels.service[i])
    var b = rolledHead[s]
    guard b >= 0 else { return }
    rolledHead[s] = -1
    while b >= 0 {
      let next = batches.next[Int(b)]
      batches.vessel[Int(b)] = v
      batches.next[Int(b)] = vessels.exportHead[i]
      vessels.exportHead[i] = b
      b = next
    }
  }

  /// The load list of a vessel starting to load: its exports in the yard and cleared, then
  /// every transshipment batch ready at the terminal. Exports not ready roll over.
  func prepareLoadList(vessel v: Int32, terminal t: Int) {
    let i = Int(v)
    let s = Int(vessels.service[i])
    var head: Int32 = -1
    var b = vessels.exportHead[i]
    vessels.exportHead[i] = -1
    while b >= 0 {
      let k = Int(b)
      let next = batches.next[k]
      if batches.state[k] == .inYard && batches.cleared[k] && Int(batches.terminal[k]) == t {
        batches.next[k] = head
        head = b
      } else {
        metrics.rolledTEU += batches.teu[k]
        batches.next[k] = rolledHead[s]
        rolledHead[s] = b
      }
      b = next
    }
    // Transshipment boxes ready here go after the exports.
    if readyHead[t] >= 0 {
      if head < 0 {
        head = readyHead[t]
      } else {
        var last = head
        while batches.next[Int(last)] >= 0 { last = batches.next[Int(last)] }
        batches.next[Int(last)] = readyHead[t]
      }
      readyHead[t] = -1
      readyTail[t] = -1
    }
    vessels.loadHead[i] = head
  }

  // MARK: - Quay ↔ yard

  /// A discharged chunk becomes a batch in the yard (its space was reserved).
  func discharged(flow: ContainerFlow, moves: Double, teu: Double, vessel v: Int32, terminal t: Int) {
    let now = scheduler.now
    let stream = boxStreams[t]
    let b = batches.allocate(flow: flow, terminal: t, vessel: v, moves: moves, teu: teu)
    let k = Int(b)
    batches.state[k] = .inYard
    batches.inYardSince[k] = now
    metrics.teuIn[t] += teu
    yardLevel[t].record(yardTEU[t], at: now)
    switch flow {
    case .importLaden:
      // Until release, `due` holds the consignee's delay after release (drawn now).
      batches.due[k] = Swift.max(0, boxes.importDwell.sample(stream))
      batches.clearanceStart[k] = now
      metrics.declared += 1
      if stream.bernoulli(config.customs.importAdvanceDeclaration) {
        documentsChecked(batch: b)
      } else {
        scheduler.schedule(after: Swift.max(0, config.customs.importDocumentTime.sample(stream)), SubsystemTag.port,
                     kind: PortEvent.documentsChecked.rawValue, entity: b)
      }
    case .emptyImport:
      batches.cleared[k] = true
      let due = now + Swift.max(0, boxes.emptyDwell.sample(stream))
      batches.due[k] = due
      scheduler.schedule(at: due, SubsystemTag.port, kind: PortEvent.gateArrival.rawValue, entity: b, priority: .arrival)
    case .transshipment:
      batches.cleared[k] = true
      scheduler.schedule(after: Swift.max(0, boxes.transshipmentDwell.sample(stream)), SubsystemTag.port,
                   kind: PortEvent.transshipmentReady.rawValue, entity: b)
    case .exportLaden, .emptyExport:
      preconditionFailure("exports are not discharged")
    }
  }

  /// A loaded batch leaves the yard and the terminal.
  func loaded(batch b: Int32, terminal t: Int) {
    let k = Int(b)
    metrics.dwellByFlow[batches.flow[k].rawValue].add(scheduler.now - batches.inYardSince[k])
    leaveYard(batch: b, terminal: t)
  }

  private func leaveYard(batch b: Int32, terminal t: Int) {
    let k = Int(b)
    yardTEU[t] -= batches.teu[k]
    metrics.teuOut[t] += batches.teu[k]
    yardLevel[t].record(yardTEU[t], at: scheduler.now)
    batches.release(b)
    admitSpaceWaiters(terminal: t)
  }

  func transshipmentReady(batch b: Int32) {
    let t = Int(batches.terminal[Int(b)])
    batches.next[Int(b)] = -1
    if readyTail[t] >= 0 { batches.next[Int(readyTail[t])] = b } else { readyHead[t] = b }
    readyTail[t] = b
  }

  /// Space freed in the yard: blocked vessels resume and exports waiting inside enter, in
  /// the order they started waiting, while there is room for the first of them.
  func admitSpaceWaiters(terminal t: Int) {
    let capacity = config.terminals[t].yardCapacityTEU
    while let w = spaceWaiters[t].first {
      if w & 1 == 0 {
        let v = w >> 1
        let i = Int(v)
        guard let chunk = nextDischargeChunk(vessel: i),
              yardTEU[t] + chunk.moves * boxes.teuPerMove <= capacity else { return }
        _ = spaceWaiters[t].pop()
        metrics.blockedHours[t] += scheduler.now - Swift.max(vessels.blockedSince[i], sim.warmup > scheduler.now ? 0 : sim.warmup)
        vessels.phase[i] = .working
        startChunk(vessel: v)
      } else {
        let b = w >> 1
        let k = Int(b)
        guard yardTEU[t] + batches.teu[k] <= capacity else { return }
        _ = spaceWaiters[t].pop()
        enterYard(batch: b, terminal: t)
      }
    }
  }

  private func enterYard(batch b: Int32, terminal t: Int) {
    let k = Int(b)
    yardTEU[t] += batches.teu[k]
    yardLevel[t].record(yardTEU[t], at: scheduler.now)
    batches.state[k] = .inYard
    batches.inYardSince[k] = scheduler.now
  }

  // MARK: - Customs

  func documentsChecked(batch b: Int32) {
    let k = Int(b)
    let t = Int(batches.terminal[k])
    let rate = batches.flow[k] == .importLaden ? config.customs.importInspectionRate : config.customs.exportInspectionRate
    guard boxStreams[t].bernoulli(rate) else {
      cleared(batch: b)
      return
    }
    metrics.inspected += 1
    if inspection.request(b, at: scheduler.now) { startInspection(batch: b) }
  }

  private func startInspection(batch b: Int32) {
    let t = Int(batches.terminal[Int(b)])
    scheduler.schedule(after: Swift.max(0, config.customs.inspectionTime.sample(boxStreams[t])), SubsystemTag.port,
                 kind: PortEvent.inspectionDone.rawValue, entity: b)
  }

  func inspectionDone(batch b: Int32) {
    inspection.release(at: scheduler.now)
    while let next = inspection.startNext(at: scheduler.now) { startInspection(batch: next) }
    cleared(batch: b)
  }

  /// Customs released the batch: an import's truck comes the consignee's drawn delay after
  /// release; an export may now be loaded.
  private func cleared(batch b: Int32) {
    let k = Int(b)
    let now = scheduler.now
    batches.cleared[k] = true
    if batches.flow[k] == .importLaden {
      metrics.importClearance.add(now - batches.clearanceStart[k])
      let due = now + batches.due[k]
      batches.due[k] = due
      if let landside, landside.importReleased(batch: b, terminal: Int(batches.terminal[k]), teu: batches.teu[k], pickUpAt: due) {
        return
      }
      scheduler.schedule(at: due, SubsystemTag.port, kind: PortEvent.gateArrival.rawValue, entity: b, priority: .arrival)
    } else {
      metrics.exportClearance.add(now - batches.clearanceStart[k])
    }
  }

  // MARK: - Gate

  func gateArrival(batch b: Int32) {
    let k = Int(b)
    let t = Int(batches.terminal[k])
    batches.gateArrival[k] = scheduler.now
    if batches.flow[k].arrivesByGate { batches.state[k] = .atGate }
    gateQueueTrucks[t] += batches.moves[k] * boxes.boxesPerMove
    gateQueueLevel[t].record(gateQueueTrucks[t], at: scheduler.now)
    if gates[t].request(b, at: scheduler.now) { gateStart(batch: b, terminal: t) }
  }

  func gateStart(batch b: Int32, terminal t: Int) {
    let k = Int(b)
    let now = scheduler.now
    let trucks = batches.moves[k] * boxes.boxesPerMove
    gateQueueTrucks[t] -= trucks
    gateQueueLevel[t].record(gateQueueTrucks[t], at: now)
    metrics.gatePasses += 1
    let opens = config.terminals[t].gateOpensAt, closes = config.terminals[t].gateClosesAt
    let hour = now - (now / 24).rounded(.down) * 24
    if !(opens <= 0 && closes >= 24) && !(hour >= opens && hour < closes) {
      metrics.gatePassesOutsideHours += 1
    }
    metrics.gateWait[t].add(now - batches.gateArrival[k])
    // The group's trucks pass one after another in one lane.
    let service = trucks * Swift.max(0, config.terminals[t].gateTransaction.sample(boxStreams[t]))
    scheduler.schedule(after: service, SubsystemTag.port, kind: PortEvent.gateDone.rawValue, entity: b)
  }

  func gateDone(batch b: Int32) {
    let k = Int(b)
    let t = Int(batches.terminal[k])
    let now = scheduler.now
    gates[t].release(at: now)
    while let next = gates[t].startNext(at: now) { gateStart(batch: next, terminal: t) }
    let inside = Swift.max(0, config.terminals[t].truckYardTime.sample(boxStreams[t]))
    let turnaround = now - batches.gateArrival[k] + inside
    metrics.turnaround[t].add(turnaround)
    metrics.turnaroundAll.add(turnaround)
    if batches.flow[k].leavesByGate {
      metrics.dwellByFlow[batches.flow[k].rawValue].add(now - batches.inYardSince[k])
      if batches.flow[k] == .importLaden && !importObservers.isEmpty {
        let teu = batches.teu[k]
        for o in importObservers { o.importLeftByRoad(teu: teu, terminal: t, at: now) }
      }
      leaveYard(batch: b, terminal: t)
      return
    }
    enterTerminal(batch: b, terminal: t)
  }

  // MARK: - Rail handover

  /// The rail yard takes a released import batch (accepted by `landside`): it leaves the
  /// port yard now.
  public func pickUpByRail(batch b: Int32) {
    let k = Int(b)
    precondition(batches.state[k] == .inYard && batches.flow[k] == .importLaden, "not a released import in the yard")
    let t = Int(batches.terminal[k])
    metrics.dwellByFlow[batches.flow[k].rawValue].add(scheduler.now - batches.inYardSince[k])
    metrics.railImportTEU += batches.teu[k]
    leaveYard(batch: b, terminal: t)
  }

  /// A train brought an export batch (accepted by `landside`): it enters the terminal as a
  /// truck's would after the gate.
  public func deliverByRail(batch b: Int32) {
    let k = Int(b)
    precondition(batches.state[k] == .expected && batches.flow[k] == .exportLaden, "not an expected export")
    enterTerminal(batch: b, terminal: Int(batches.terminal[k]))
  }

  /// An export (or empty) enters the terminal: customs for laden exports, then the yard.
  private func enterTerminal(batch b: Int32, terminal t: Int) {
    let k = Int(b)
    let now = scheduler.now
    metrics.teuIn[t] += batches.teu[k]
    batches.clearanceStart[k] = now
    if batches.flow[k] == .exportLaden {
      metrics.declared += 1
      if boxStreams[t].bernoulli(config.customs.exportAdvanceDeclaration) {
        documentsChecked(batch: b)
      } else {
        scheduler.schedule(after: Swift.max(0, config.customs.exportDocumentTime.sample(boxStreams[t])), SubsystemTag.port,
                     kind: PortEvent.documentsChecked.rawValue, entity: b)
      }
    } else {
      batches.cleared[k] = true
    }
    if spaceWaiters[t].isEmpty && yardTEU[t] + batches.teu[k] <= config.terminals[t].yardCapacityTEU {
      enterYard(batch: b, terminal: t)
    } else {
      batches.state[k] = .waitingForSpace
      spaceWaiters[t].push(b << 1 | 1)
    }
  }
}
