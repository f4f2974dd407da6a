/// Something that reacts to its subsystem's events: a model is a handler, not a process.
///
/// The loop calls ``handle(_:)`` with each event tagged with the handler's ``SubsystemID``;
/// the handler changes its plain state and schedules further events on the simulation.
public protocol EventHandler: AnyObject {
  /// Reacts to one event (its `kind` is the handler's own event code).
  func handle(_ event: Event)
  /// Called once at the end of the warm-up period: reset KPI statistics (series keep it).
  func warmupEnded(at time: SimTime)
}

/// The event loop: a calendar, a clock, the handlers of each subsystem, the sampler and the
/// trajectory fingerprint. One instance per replication; not shared between threads.
public final class Simulation {
  /// The future-event list.
  public var calendar = EventCalendar()
  /// The current simulated time, in hours.
  public private(set) var now: SimTime = 0
  /// Number of events executed so far.
  public private(set) var eventCount: Int = 0
  /// Hash of the executed trajectory.
  public private(set) var fingerprint = TrajectoryFingerprint()
  /// The sampler that records registered series at a fixed interval.
  public let sampler: Sampler
  /// End of the warm-up period (KPIs exclude it; series keep it).
  public let warmup: SimTime

  @usableFromInline var handlers: [EventHandler?] = Array(repeating: nil, count: 256)

  /// Creates a simulation.
  /// - Parameters:
  ///   - sampleInterval: the sampler's interval in hours (> 0).
  ///   - horizon: the run's end, in hours; the sampler covers `0...horizon`.
  ///   - warmup: the warm-up length, in hours.
  public init(sampleInterval: SimTime, horizon: SimTime, warmup: SimTime = 0) {
    self.sampler = Sampler(interval: sampleInterval, horizon: horizon)
    self.warmup = warmup
  }

  /// Registers the handler for a subsystem tag (1...255; 0 is the kernel's).
  public func register(_ handler: EventHandler, for subsystem: SubsystemID) {
    precondition(subsystem != .kernel, "subsystem 0 is reserved for the kernel")
    precondition(handlers[Int(subsystem.rawValue)] == nil, "subsystem \(subsystem.rawValue) registered twice")
    handlers[Int(subsystem.rawValue)] = handler
  }

  /// Schedules an event `delay` hours from now (`delay` ≥ 0).
  @inlinable @discardableResult
  public func schedule(after delay: SimTime, _ subsystem: SubsystemID, kind: UInt8, entity: Int32 = 0,
                       priority: EventPriority = .normal) -> EventHandle {
    calendar.schedule(at: now + delay, subsystem: subsystem, kind: kind, entity: entity, priority: priority)
  }

  /// Schedules an event at an absolute time (not before now).
  @inlinable @discardableResult
  public func schedule(at time: SimTime, _ subsystem: SubsystemID, kind: UInt8, entity: Int32 = 0,
                       priority: EventPriority = .normal) -> EventHandle {
    calendar.schedule(at: Swift.max(time, now), subsystem: subsystem, kind: kind, entity: entity, priority: priority)
  }

  /// Cancels a pending event (a stale handle is ignored). Returns whether one was cancelled.
  @inlinable @discardableResult
  public func cancel(_ handle: EventHandle) -> Bool { calendar.cancel(handle) }

  /// Moves a pending event to a new absolute time. Returns false for a stale handle.
  @inlinable @discardableResult
  public func reschedule(_ handle: EventHandle, to time: SimTime) -> Bool {
    calendar.reschedule(handle, to: Swift.max(time, now))
  }

  /// Runs events in order until the calendar is empty or the next event is after `horizon`;
  /// the clock ends at `horizon`. Kernel events drive the sampler and the warm-up reset.
  public func run(until horizon: SimTime) {
    if sampler.hasProbes { calendar.schedule(at: 0, subsystem: .kernel, kind: KernelEvent.sample.rawValue, priority: .observe) }
    if warmup > 0 { calendar.schedule(at: warmup, subsystem: .kernel, kind: KernelEvent.warmupEnd.rawValue, priority: .kernelFirst) }
    while let next = calendar.first, next.time <= horizon {
      _ = calendar.pop()
      now = next.time
      eventCount &+= 1
      fingerprint.add(time: next.time, subsystem: next.subsystem, kind: next.kind)
      if next.subsystem == .kernel {
        handleKernelEvent(next)
      } else {
        guard let handler = handlers[Int(next.subsystem.rawValue)] else {
          preconditionFailure("event for unregistered subsystem \(next.subsystem.rawValue)")
        }
        handler.handle(next)
      }
    }
    now = horizon
  }

  private func handleKernelEvent(_ event: Event) {
    switch KernelEvent(rawValue: event.kind) {
    case .sample:
      sampler.sample(at: now)
      if let t = sampler.nextTime { calendar.schedule(at: t, subsystem: .kernel, kind: KernelEvent.sample.rawValue, priority: .observe) }
    case .warmupEnd:
      for case let h? in handlers { h.warmupEnded(at: now) }
    case nil:
      preconditionFailure("unknown kernel event \(event.kind)")
    }
  }
}

/// The kernel's own event kinds.
enum KernelEvent: UInt8 {
  case sample = 1
  case warmupEnd = 2
}
