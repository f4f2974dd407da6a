import SimKernel

/// The quay of each terminal: its berths and quay cranes, and the vessels that wait for them
/// at the anchorage, are worked at them and leave.
///
/// When X happens, do Y:
/// - a vessel arrives → it may be sent to a less busy terminal; it is berthed if the channel
///   is open, a berth and the minimum cranes are free, else it anchors;
/// - it reaches its berth → work starts, crane chunk by crane chunk (`Quay+Work.swift`);
/// - it is done and sails → cranes and berth are freed, anchored vessels are berthed;
/// - it has left the channel → it is gone.
/// Crane breakdowns: `Quay+Cranes.swift`.
final class Quay {
  /// The port that owns the quay and outlives it.
  /// A method that uses it takes a local copy first (`let port = self.port`): one retain per
  /// call instead of one per access.
  unowned(unsafe) let port: PortModel
  let terminals: [TerminalConfig]
  let scheduler: Scheduler
  var berths: [Resource]
  var cranesFree: [Int]
  var cranesBroken: [Int]
  var cranesBusy: [TimeWeighted]
  /// Vessels holding a berth, per terminal (for breakdowns).
  var atBerth: [[Int32]]
  /// Moves of anchored vessels and of vessels holding a berth, per terminal (expected wait).
  var anchoredMoves: [Double]
  var berthedMoves: [Double]
  /// Mean crane productivity per terminal.
  let meanProductivity: [Double]

  init(port: PortModel) {
    self.port = port
    let config = port.config
    terminals = config.terminals
    scheduler = port.scheduler
    let n = terminals.count
    berths = terminals.map { Resource(capacity: $0.berths, discipline: config.berthDiscipline) }
    cranesFree = terminals.map(\.cranes)
    cranesBroken = Array(repeating: 0, count: n)
    cranesBusy = terminals.map { _ in TimeWeighted(initial: 0, at: 0) }
    atBerth = Array(repeating: [], count: n)
    anchoredMoves = Array(repeating: 0, count: n)
    berthedMoves = Array(repeating: 0, count: n)
    meanProductivity = terminals.map { Swift.max(1e-6, $0.craneProductivity.mean) }
  }

  func warmupEnded(at time: SimTime) {
    for t in berths.indices {
      berths[t].resetStatistics(at: time)
      cranesBusy[t].reset(at: time)
    }
  }

  /// Cranes assigned to a vessel at terminal `t`.
  func cranesInUse(terminal t: Int) -> Int { terminals[t].cranes - cranesFree[t] - cranesBroken[t] }

  // MARK: - Anchorage and berths

  /// Whether a vessel arriving at terminal `t` now is berthed at once: the channel is open,
  /// a berth is free with nobody before it and the minimum cranes are free.
  private func berthsAtOnce(terminal t: Int) -> Bool {
    port.channel.isOpen && berths[t].available > 0 && berths[t].queue.isEmpty && cranesFree[t] >= terminals[t].minCranesPerVessel
  }

  /// Expected wait for a berth at terminal `t` for a vessel arriving now (hours).
  func expectedWait(terminal t: Int) -> Double {
    if berthsAtOnce(terminal: t) { return 0 }
    let capacity = Double(Swift.max(1, terminals[t].cranes - cranesBroken[t])) * meanProductivity[t]
    return (anchoredMoves[t] + berthedMoves[t] / 2) / capacity
  }

  func arrive(vessel v: Int32) {
    let port = self.port
    let now = scheduler.now
    let i = Int(v)
    let s = Int(port.vessels.service[i])
    var t = Int(port.vessels.terminal[i])
    let service = port.config.services[s]
    if !service.alternatives.isEmpty && expectedWait(terminal: t) > port.config.divertAboveWait {
      let home = t
      var best = expectedWait(terminal: t)
      for a in service.alternatives where expectedWait(terminal: a) < best {
        best = expectedWait(terminal: a)
        t = a
      }
      if t != home {
        // The vessel keeps its drawn productivity relative to the terminal's mean.
        port.vessels.productivity[i] *= meanProductivity[t] / meanProductivity[home]
        port.vessels.terminal[i] = Int32(t)
        port.vessels.diverted[i] = true
        port.metrics.diverted += 1
      }
    }
    port.vessels.arrival[i] = now
    port.vessels.phase[i] = .anchored
    port.metrics.arrived(terminal: t, dischargeMoves: port.vessels.dischargeMoves[i])
    let priority = Int32(service.priority)
    // `request` would queue the vessel itself when no berth is free: ask only when it will succeed.
    if berthsAtOnce(terminal: t) {
      _ = berths[t].request(v, priority: priority, at: now)
      allocateBerth(vessel: v, terminal: t)
    } else {
      anchoredMoves[t] += port.vessels.moves[i]
      berths[t].enqueue(v, priority: priority, at: now)
    }
  }

  /// Berths the next anchored vessels of terminal `t` while the channel is open and a berth
  /// and the minimum cranes are free.
  func berthWaitingVessels(terminal t: Int) {
    let port = self.port
    let minimum = terminals[t].minCranesPerVessel
    while port.channel.isOpen, cranesFree[t] >= minimum, let next = berths[t].startNext(at: scheduler.now) {
      anchoredMoves[t] -= port.vessels.moves[Int(next)]
      allocateBerth(vessel: next, terminal: t)
    }
  }

  private func allocateBerth(vessel v: Int32, terminal t: Int) {
    let port = self.port
    let now = scheduler.now
    let i = Int(v)
    let cranes = Swift.min(terminals[t].maxCranesPerVessel, cranesFree[t])
    cranesFree[t] -= cranes
    recordCranes(terminal: t)
    port.vessels.cranes[i] = Int32(cranes)
    port.vessels.berthed[i] = now
    port.vessels.phase[i] = .transitIn
    atBerth[t].append(v)
    berthedMoves[t] += port.vessels.moves[i]
    port.metrics.berthed(terminal: t, wait: now - port.vessels.arrival[i])
    scheduler.schedule(after: port.vessels.transitIn[i], SubsystemTag.port, kind: PortEvent.berthReached.rawValue, entity: v)
  }

  func recordCranes(terminal t: Int) {
    cranesBusy[t].record(Double(cranesInUse(terminal: t)), at: scheduler.now)
  }

  func berthReached(vessel v: Int32) {
    let port = self.port
    let i = Int(v)
    port.vessels.workStart[i] = scheduler.now
    port.vessels.phase[i] = .working
    startChunk(vessel: v)
  }

  // MARK: - Leaving

  /// Leaves the berth (cranes and berth freed) and transits out.
  func sail(vessel v: Int32) {
    let port = self.port
    let now = scheduler.now
    let i = Int(v)
    let t = Int(port.vessels.terminal[i])
    port.vessels.phase[i] = .transitOut
    let lost = Int(port.vessels.cranesToLose[i])
    port.vessels.cranesToLose[i] = 0
    cranesFree[t] += Int(port.vessels.cranes[i]) - lost
    for _ in 0..<lost { breakCrane(terminal: t) }
    recordCranes(terminal: t)
    port.vessels.cranes[i] = 0
    if let k = atBerth[t].firstIndex(of: v) { atBerth[t].remove(at: k) }
    berthedMoves[t] -= port.vessels.moves[i]
    berths[t].release(at: now)
    scheduler.schedule(after: port.vessels.transitOut[i], SubsystemTag.port, kind: PortEvent.vesselGone.rawValue, entity: v)
    berthWaitingVessels(terminal: t)
  }

  func gone(vessel v: Int32) {
    let port = self.port
    let i = Int(v)
    port.vessels.departed[i] = scheduler.now
    port.vessels.phase[i] = .gone
    port.metrics.departed(terminal: Int(port.vessels.terminal[i]), inPort: scheduler.now - port.vessels.arrival[i])
  }
}
