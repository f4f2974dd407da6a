import SimKernel

/// Quay-crane breakdowns: each terminal's cranes fail at a drawn rate and are repaired.
///
/// When X happens, do Y:
/// - a crane breaks down → a free crane goes to repair, else a working vessel loses one of its
///   cranes at its next chunk;
/// - a crane is repaired → it returns to the pool and anchored vessels may be berthed.
extension Quay {
  /// Schedules each terminal's first breakdown.
  func startBreakdowns() {
    let port = self.port
    for (t, terminal) in terminals.enumerated() {
      if let mtbf = terminal.craneMTBF, mtbf > 0, terminal.cranes > 0 {
        scheduler.schedule(
          after: port.craneStreams[t].exponential(mean: mtbf / Double(terminal.cranes)), SubsystemTag.port,
          kind: PortEvent.craneBreakdown.rawValue, entity: Int32(t))
      }
    }
  }

  func craneBreakdown(terminal t: Int) {
    let port = self.port
    if let mtbf = terminals[t].craneMTBF {
      scheduler.schedule(
        after: port.craneStreams[t].exponential(mean: mtbf / Double(terminals[t].cranes)), SubsystemTag.port,
        kind: PortEvent.craneBreakdown.rawValue, entity: Int32(t))
    }
    port.metrics.breakdowns[t] += 1
    if cranesFree[t] > 0 {
      cranesFree[t] -= 1
      breakCrane(terminal: t)
      recordCranes(terminal: t)
      return
    }
    // All working cranes: the vessel with the most cranes loses one at its next chunk.
    var target: Int32 = -1
    var most = 1
    for v in atBerth[t] {
      let i = Int(v)
      let keeps = Int(port.vessels.cranes[i] - port.vessels.cranesToLose[i])
      if keeps > most { most = keeps; target = v }
    }
    if target >= 0 { port.vessels.cranesToLose[Int(target)] += 1 }
  }

  /// A crane out of the pool goes to repair.
  func breakCrane(terminal t: Int) {
    let port = self.port
    cranesBroken[t] += 1
    let repair = Swift.max(0, terminals[t].craneRepair.sample(port.craneStreams[t]))
    scheduler.schedule(after: repair, SubsystemTag.port, kind: PortEvent.craneRepaired.rawValue, entity: Int32(t))
  }

  /// Applies breakdowns that hit a working vessel, at the start of its next chunk.
  func applyCraneLosses(vessel v: Int32, terminal t: Int) {
    let port = self.port
    let i = Int(v)
    while port.vessels.cranesToLose[i] > 0 {
      port.vessels.cranesToLose[i] -= 1
      guard port.vessels.cranes[i] > 1 else { continue }
      port.vessels.cranes[i] -= 1
      breakCrane(terminal: t)
      recordCranes(terminal: t)
    }
  }

  func craneRepaired(terminal t: Int) {
    cranesBroken[t] -= 1
    cranesFree[t] += 1
    recordCranes(terminal: t)
    berthWaitingVessels(terminal: t)
  }
}
