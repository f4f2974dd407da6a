import SimKernel

/// Disruptions and working hours: channel closures (fog, wind) from a calendar and a random
/// process, quay-crane breakdowns, and the gate's lanes following its working hours.
///
/// When X happens, do Y:
/// - the channel closes → no vessel is berthed or sails (vessels in transit finish it);
/// - it reopens → vessels waiting to sail leave, anchored vessels are berthed;
/// - a crane breaks down → a free crane goes to repair, else a working vessel loses one of its
///   cranes at its next chunk; a repaired crane returns to the pool;
/// - the gate's hours change → its lanes follow, trucks queued outside hours start.
extension PortModel {
  func startDisruptions() {
    let channel = config.channel
    for (k, closure) in channel.closures.enumerated() where closure.upperBound > closure.lowerBound {
      scheduler.schedule(at: closure.lowerBound, SubsystemTag.port, kind: PortEvent.channelClosed.rawValue, entity: Int32(k), priority: .release)
      scheduler.schedule(at: closure.upperBound, SubsystemTag.port, kind: PortEvent.channelOpened.rawValue, entity: Int32(k), priority: .release)
    }
    if channel.randomClosuresPerYear > 0 {
      let gap = channelStream.exponential(mean: 8760 / channel.randomClosuresPerYear)
      scheduler.schedule(after: gap, SubsystemTag.port, kind: PortEvent.channelClosed.rawValue, entity: -1, priority: .release)
    }
    for (t, terminal) in config.terminals.enumerated() {
      if let mtbf = terminal.craneMTBF, mtbf > 0, terminal.cranes > 0 {
        scheduler.schedule(after: craneStreams[t].exponential(mean: mtbf / Double(terminal.cranes)), SubsystemTag.port,
                     kind: PortEvent.craneBreakdown.rawValue, entity: Int32(t))
      }
    }
  }

  func channelClosed(closure k: Int) {
    if k < 0 {
      // A random closure: its end, and the next closure after it.
      let duration = Swift.max(0, config.channel.closureDuration.sample(channelStream))
      scheduler.schedule(after: duration, SubsystemTag.port, kind: PortEvent.channelOpened.rawValue, entity: -1, priority: .release)
      let gap = channelStream.exponential(mean: 8760 / config.channel.randomClosuresPerYear)
      scheduler.schedule(after: duration + gap, SubsystemTag.port, kind: PortEvent.channelClosed.rawValue, entity: -1, priority: .release)
    }
    if channelClosures == 0 { channelClosedSince = scheduler.now }
    channelClosures += 1
  }

  func channelOpened() {
    channelClosures -= 1
    guard channelClosures == 0 else { return }
    if scheduler.now > sim.warmup || sim.warmup == 0 {
      metrics.channelClosedHours += scheduler.now - Swift.max(channelClosedSince, sim.warmup)
    }
    let sailing = waitingToSail
    waitingToSail.removeAll(keepingCapacity: true)
    for v in sailing { sail(vessel: v) }
    for t in config.terminals.indices { berthWaitingVessels(terminal: t) }
  }

  // MARK: - Cranes

  func craneBreakdown(terminal t: Int) {
    if let mtbf = config.terminals[t].craneMTBF {
      scheduler.schedule(after: craneStreams[t].exponential(mean: mtbf / Double(config.terminals[t].cranes)), SubsystemTag.port,
                   kind: PortEvent.craneBreakdown.rawValue, entity: Int32(t))
    }
    metrics.breakdowns[t] += 1
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
      let keeps = Int(vessels.cranes[i] - vessels.cranesToLose[i])
      if keeps > most { most = keeps; target = v }
    }
    if target >= 0 { vessels.cranesToLose[Int(target)] += 1 }
  }

  /// A crane out of the pool goes to repair.
  func breakCrane(terminal t: Int) {
    cranesBroken[t] += 1
    let repair = Swift.max(0, config.terminals[t].craneRepair.sample(craneStreams[t]))
    scheduler.schedule(after: repair, SubsystemTag.port, kind: PortEvent.craneRepaired.rawValue, entity: Int32(t))
  }

  /// Applies breakdowns that hit a working vessel, at the start of its next chunk.
  func applyCraneLosses(vessel v: Int32, terminal t: Int) {
    let i = Int(v)
    while vessels.cranesToLose[i] > 0 {
      vessels.cranesToLose[i] -= 1
      guard vessels.cranes[i] > 1 else { continue }
      vessels.cranes[i] -= 1
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

  // MARK: - Gate hours

  func startGateHours() {
    for t in config.terminals.indices {
      if let next = gateSchedules[t].nextChange(after: 0) {
        scheduler.schedule(at: next, SubsystemTag.port, kind: PortEvent.gateHoursChange.rawValue, entity: Int32(t), priority: .release)
      }
    }
  }

  func gateHoursChange(terminal t: Int) {
    let now = scheduler.now
    gates[t].setCapacity(gateSchedules[t].capacity(at: now), at: now)
    while let next = gates[t].startNext(at: now) { gateStart(batch: next, terminal: t) }
    if let next = gateSchedules[t].nextChange(after: now) {
      scheduler.schedule(at: next, SubsystemTag.port, kind: PortEvent.gateHoursChange.rawValue, entity: Int32(t), priority: .release)
    }
  }
}
