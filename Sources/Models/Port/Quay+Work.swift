import SimKernel

/// Work at the berth, crane chunk by crane chunk: discharge into the yard (waiting while it
/// has no room for the chunk), then load; when nothing is left the vessel sails or waits for
/// the channel.
///
/// When X happens, do Y:
/// - a chunk starts → breakdowns that hit the vessel take their cranes; a discharge chunk
///   reserves its yard room (or the vessel is blocked until the yard admits it);
/// - a chunk is done → the batch enters the yard (discharge) or leaves it (load); the next
///   chunk starts.
extension Quay {
  /// The discharge chunk a vessel works next: its flow and moves (nil when all discharged).
  func nextDischargeChunk(vessel i: Int) -> (flow: ContainerFlow, moves: Double)? {
    let port = self.port
    let batch = port.hasContainers ? port.boxes.movesPerBatch : .infinity
    let left = port.vessels.dischargeLeft[i]
    guard let flow = left.nextFlow else { return nil }
    return (flow, Swift.min(batch, left[flow]))
  }

  /// Starts the vessel's next chunk: discharge while boxes are on board (waiting if the
  /// yard has no room), then load; when nothing is left the vessel is ready to sail.
  func startChunk(vessel v: Int32) {
    let port = self.port
    let i = Int(v)
    let t = Int(port.vessels.terminal[i])
    applyCraneLosses(vessel: v, terminal: t)
    if let chunk = nextDischargeChunk(vessel: i) {
      if port.hasContainers {
        let teu = chunk.moves * port.boxes.teuPerMove
        guard port.yard.reserve(teu, terminal: t) else {
          port.vessels.phase[i] = .blocked
          port.vessels.blockedSince[i] = scheduler.now
          port.yard.waitForRoom(vessel: v, teu: teu, terminal: t)
          return
        }
      }
      discharge(vessel: v, chunk: chunk)
      return
    }
    if !port.vessels.loadingStarted[i] {
      port.vessels.loadingStarted[i] = true
      if port.hasContainers { port.yard.prepareLoadList(vessel: v, terminal: t) }
    }
    guard let b = port.vessels.loadList[i].popFront(links: &port.batches.next) else {
      workFinished(vessel: v)
      return
    }
    let rate = Double(port.vessels.cranes[i]) * port.vessels.productivity[i]
    port.vessels.chunkFlow[i] = nil
    port.vessels.chunkBatch[i] = b
    port.vessels.chunkMoves[i] = port.batches.moves[Int(b)]
    scheduler.schedule(
      after: port.batches.moves[Int(b)] / rate, SubsystemTag.port, kind: PortEvent.chunkDone.rawValue, entity: v,
      priority: .release)
  }

  /// The yard admitted a blocked vessel's chunk (its room is reserved): discharge resumes.
  func resumeDischarge(vessel v: Int32) {
    let port = self.port
    let i = Int(v)
    let t = Int(port.vessels.terminal[i])
    let now = scheduler.now
    let warmup = port.sim.warmup
    port.metrics.blockedHours[t] += now - Swift.max(port.vessels.blockedSince[i], warmup > now ? 0 : warmup)
    port.vessels.phase[i] = .working
    applyCraneLosses(vessel: v, terminal: t)
    guard let chunk = nextDischargeChunk(vessel: i) else { preconditionFailure("a blocked vessel has boxes on board") }
    discharge(vessel: v, chunk: chunk)
  }

  /// Works a discharge chunk whose yard room is reserved.
  private func discharge(vessel v: Int32, chunk: (flow: ContainerFlow, moves: Double)) {
    let port = self.port
    let i = Int(v)
    let rate = Double(port.vessels.cranes[i]) * port.vessels.productivity[i]
    port.vessels.chunkFlow[i] = chunk.flow
    port.vessels.chunkMoves[i] = chunk.moves
    scheduler.schedule(after: chunk.moves / rate, SubsystemTag.port, kind: PortEvent.chunkDone.rawValue, entity: v, priority: .release)
  }

  func chunkDone(vessel v: Int32) {
    let port = self.port
    let i = Int(v)
    let t = Int(port.vessels.terminal[i])
    let moves = port.vessels.chunkMoves[i]
    port.vessels.worked[i] += moves
    if let flow = port.vessels.chunkFlow[i] {
      port.vessels.dischargeLeft[i][flow] -= moves
      port.metrics.dischargedMoves += moves
      let hasContainers = port.hasContainers
      let teu = !hasContainers ? 0 : moves * port.boxes.teuPerMove
      port.metrics.quay(terminal: t, flow: !hasContainers ? nil : flow, moves: moves, teu: teu)
      if hasContainers { port.yard.discharged(flow: flow, moves: moves, teu: teu, vessel: v, terminal: t) }
    } else {
      let b = port.vessels.chunkBatch[i]
      port.metrics.quay(terminal: t, flow: port.batches.flow[Int(b)], moves: moves, teu: port.batches.teu[Int(b)])
      port.yard.loaded(batch: b, terminal: t)
      port.vessels.chunkBatch[i] = -1
    }
    startChunk(vessel: v)
  }

  private func workFinished(vessel v: Int32) {
    let port = self.port
    let now = scheduler.now
    let i = Int(v)
    let t = Int(port.vessels.terminal[i])
    port.vessels.workEnd[i] = now
    port.metrics.workFinished(terminal: t, moves: port.vessels.worked[i], atBerth: now - port.vessels.workStart[i])
    port.channel.sailOrWait(vessel: v)
  }
}
