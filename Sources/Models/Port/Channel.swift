import SimKernel

/// The port's approach channel: closures (fog, wind) from a calendar and a random process.
/// While it is closed no vessel is berthed or sails; vessels already in transit finish it.
///
/// When X happens, do Y:
/// - the channel closes → the closure is counted (a random one schedules its end and the next);
/// - it reopens → vessels waiting to sail leave, anchored vessels are berthed.
final class Channel {
  /// The port whose quay the channel serves (it owns the channel and outlives it).
  /// A method that uses it takes a local copy first (`let port = self.port`): one retain per
  /// call instead of one per access.
  unowned(unsafe) let port: PortModel
  let config: ChannelConfig
  let scheduler: Scheduler
  /// Closures in force (calendar and random closures may overlap).
  private(set) var closures = 0
  /// When the channel last closed (the warm-up end while it stays closed across it).
  private var closedSince: SimTime = .nan
  /// Vessels done at their berth, waiting for the channel to reopen.
  private var waitingToSail: [Int32] = []

  init(port: PortModel) {
    self.port = port
    config = port.config.channel
    scheduler = port.scheduler
  }

  /// Whether vessels may move in and out.
  var isOpen: Bool { closures == 0 }

  /// Schedules the calendar closures and the first random one.
  func start() {
    let port = self.port
    for (k, closure) in config.closures.enumerated() where closure.upperBound > closure.lowerBound {
      scheduler.schedule(
        at: closure.lowerBound, SubsystemTag.port, kind: PortEvent.channelClosed.rawValue, entity: Int32(k), priority: .release)
      scheduler.schedule(
        at: closure.upperBound, SubsystemTag.port, kind: PortEvent.channelOpened.rawValue, entity: Int32(k), priority: .release)
    }
    if config.randomClosuresPerYear > 0 {
      let gap = port.channelStream.exponential(mean: 8760 / config.randomClosuresPerYear)
      scheduler.schedule(after: gap, SubsystemTag.port, kind: PortEvent.channelClosed.rawValue, entity: -1, priority: .release)
    }
  }

  /// The closed hours after the warm-up count from its end.
  func warmupEnded(at time: SimTime) {
    if closures > 0 { closedSince = time }
  }

  /// A vessel done at its berth sails now, or waits for the channel to reopen.
  func sailOrWait(vessel v: Int32) {
    let port = self.port
    if isOpen {
      port.quay.sail(vessel: v)
    } else {
      port.vessels.phase[Int(v)] = .waitingToSail
      waitingToSail.append(v)
    }
  }

  func closed(closure k: Int) {
    let port = self.port
    if k < 0 {
      // A random closure: its end, and the next closure after it.
      let stream = port.channelStream
      let duration = Swift.max(0, config.closureDuration.sample(stream))
      scheduler.schedule(after: duration, SubsystemTag.port, kind: PortEvent.channelOpened.rawValue, entity: -1, priority: .release)
      let gap = stream.exponential(mean: 8760 / config.randomClosuresPerYear)
      scheduler.schedule(after: duration + gap, SubsystemTag.port, kind: PortEvent.channelClosed.rawValue, entity: -1, priority: .release)
    }
    if closures == 0 { closedSince = scheduler.now }
    closures += 1
  }

  func opened() {
    let port = self.port
    closures -= 1
    guard closures == 0 else { return }
    let warmup = port.sim.warmup
    if scheduler.now > warmup || warmup == 0 {
      port.metrics.channelClosedHours += scheduler.now - Swift.max(closedSince, warmup)
    }
    let sailing = waitingToSail
    waitingToSail.removeAll(keepingCapacity: true)
    let quay: Quay = port.quay
    for v in sailing { quay.sail(vessel: v) }
    for t in port.config.terminals.indices { quay.berthWaitingVessels(terminal: t) }
  }
}
