import SimKernel

/// The truck gate of each terminal: groups of trucks queue for a lane (lanes follow the
/// working hours), pass one after another, and spend a drawn time inside the terminal.
///
/// When X happens, do Y:
/// - the gate's hours change → its lanes follow; trucks queued outside hours start;
/// - a truck group reaches the gate → it queues for a lane;
/// - it leaves its lane → an import (or empty) leaves the yard; an export enters the terminal.
final class TerminalGate {
  /// The port that owns the gates and outlives them.
  /// A method that uses it takes a local copy first (`let port = self.port`): one retain per
  /// call instead of one per access.
  unowned(unsafe) let port: PortModel
  let terminals: [TerminalConfig]
  let scheduler: Scheduler
  /// Gate lanes per terminal, and the working hours they follow.
  var lanes: [Resource]
  let schedules: [CapacitySchedule]
  /// Trucks waiting for a lane, per terminal.
  var queueTrucks: [Double]
  var queueLevel: [TimeWeighted]

  init(port: PortModel) {
    self.port = port
    terminals = port.config.terminals
    scheduler = port.scheduler
    schedules = terminals.map(\.gateSchedule)
    lanes = schedules.map { Resource(capacity: $0.capacity(at: 0)) }
    queueTrucks = Array(repeating: 0, count: terminals.count)
    queueLevel = terminals.map { _ in TimeWeighted(initial: 0, at: 0) }
  }

  func warmupEnded(at time: SimTime) {
    for t in lanes.indices {
      lanes[t].resetStatistics(at: time)
      queueLevel[t].reset(at: time)
    }
  }

  // MARK: - Working hours

  /// Schedules each gate's first change of hours.
  func startHours() {
    for t in terminals.indices {
      if let next = schedules[t].nextChange(after: 0) {
        scheduler.schedule(at: next, SubsystemTag.port, kind: PortEvent.gateHoursChange.rawValue, entity: Int32(t), priority: .release)
      }
    }
  }

  func hoursChange(terminal t: Int) {
    let now = scheduler.now
    lanes[t].setCapacity(schedules[t].capacity(at: now), at: now)
    while let next = lanes[t].startNext(at: now) { start(batch: next, terminal: t) }
    if let next = schedules[t].nextChange(after: now) {
      scheduler.schedule(at: next, SubsystemTag.port, kind: PortEvent.gateHoursChange.rawValue, entity: Int32(t), priority: .release)
    }
  }

  // MARK: - Trucks

  func arrival(batch b: Int32) {
    let port = self.port
    let k = Int(b)
    let t = Int(port.batches.terminal[k])
    port.batches.gateArrival[k] = scheduler.now
    if port.batches.flow[k].arrivesByGate { port.batches.state[k] = .atGate }
    queueTrucks[t] += port.batches.moves[k] * port.boxes.boxesPerMove
    queueLevel[t].record(queueTrucks[t], at: scheduler.now)
    if lanes[t].request(b, at: scheduler.now) { start(batch: b, terminal: t) }
  }

  private func start(batch b: Int32, terminal t: Int) {
    let port = self.port
    let k = Int(b)
    let now = scheduler.now
    let trucks = port.batches.moves[k] * port.boxes.boxesPerMove
    queueTrucks[t] -= trucks
    queueLevel[t].record(queueTrucks[t], at: now)
    port.metrics.gatePasses += 1
    let opens = terminals[t].gateOpensAt, closes = terminals[t].gateClosesAt
    let hour = now - (now / 24).rounded(.down) * 24
    if !(opens <= 0 && closes >= 24) && !(hour >= opens && hour < closes) {
      port.metrics.gatePassesOutsideHours += 1
    }
    port.metrics.gateWait[t].add(now - port.batches.gateArrival[k])
    // The group's trucks pass one after another in one lane.
    let service = trucks * Swift.max(0, terminals[t].gateTransaction.sample(port.boxStreams[t]))
    scheduler.schedule(after: service, SubsystemTag.port, kind: PortEvent.gateDone.rawValue, entity: b)
  }

  func done(batch b: Int32) {
    let port = self.port
    let k = Int(b)
    let t = Int(port.batches.terminal[k])
    let now = scheduler.now
    lanes[t].release(at: now)
    while let next = lanes[t].startNext(at: now) { start(batch: next, terminal: t) }
    let inside = Swift.max(0, terminals[t].truckYardTime.sample(port.boxStreams[t]))
    let turnaround = now - port.batches.gateArrival[k] + inside
    port.metrics.turnaround[t].add(turnaround)
    port.metrics.turnaroundAll.add(turnaround)
    let flow = port.batches.flow[k]
    guard flow.leavesByGate else {
      port.yard.receive(batch: b, terminal: t)
      return
    }
    port.metrics.dwellByFlow[flow.rawValue].add(now - port.batches.inYardSince[k])
    if flow == .importLaden && !port.importObservers.isEmpty {
      let teu = port.batches.teu[k]
      for o in port.importObservers { o.importLeftByRoad(teu: teu, terminal: t, at: now) }
    }
    port.yard.leave(batch: b, terminal: t)
  }
}
