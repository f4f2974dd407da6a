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
  /// The loop's mutable state, behind a pointer: the handlers mutate the calendar while the
  /// loop runs, and a class's stored `var` would pay a dynamic exclusivity check (and the
  /// calendar's arrays a uniqueness check) on every access. A pointer's pointee has neither.
  @usableFromInline let core: UnsafeMutablePointer<LoopState>
  /// The handler of each subsystem tag, without reference counting on dispatch
  /// (``registered`` owns them; unregistered tags hold ``UnregisteredSubsystem``).
  @usableFromInline let dispatch: UnsafeMutablePointer<HandlerSlot>
  /// Owns the registered handlers' dispatchers (and so the handlers) for the simulation's lifetime.
  private var registered: [HandlerDispatcher] = []

  /// The future-event list.
  public var calendar: EventCalendar {
    @inlinable _read { yield core.pointee.calendar }
    @inlinable _modify { yield &core.pointee.calendar }
  }
  /// The current simulated time, in hours.
  @inlinable public var now: SimTime { core.pointee.now }
  /// Number of events executed so far.
  @inlinable public var eventCount: Int { core.pointee.eventCount }
  /// Hash of the executed trajectory.
  @inlinable public var fingerprint: TrajectoryFingerprint { core.pointee.fingerprint }
  /// The sampler that records registered series at a fixed interval.
  public let sampler: Sampler
  /// End of the warm-up period (KPIs exclude it; series keep it).
  public let warmup: SimTime

  /// Creates a simulation.
  /// - Parameters:
  ///   - sampleInterval: the sampler's interval in hours (> 0).
  ///   - horizon: the run's end, in hours; the sampler covers `0...horizon`.
  ///   - warmup: the warm-up length, in hours.
  public init(sampleInterval: SimTime, horizon: SimTime, warmup: SimTime = 0) {
    self.sampler = Sampler(interval: sampleInterval, horizon: horizon)
    self.warmup = warmup
    core = .allocate(capacity: 1)
    core.initialize(to: LoopState())
    dispatch = .allocate(capacity: 256)
    dispatch.initialize(repeating: HandlerSlot(UnregisteredSubsystem.shared), count: 256)
  }

  deinit {
    core.deinitialize(count: 1)
    core.deallocate()
    dispatch.deinitialize(count: 256)
    dispatch.deallocate()
  }

  /// Registers the handler for a subsystem tag (1...255; 0 is the kernel's).
  public func register(_ handler: EventHandler, for subsystem: SubsystemID) {
    precondition(subsystem != .kernel, "subsystem 0 is reserved for the kernel")
    precondition(
      dispatch[Int(subsystem.rawValue)].isUnregistered,
      "subsystem \(subsystem.rawValue) registered twice")
    let dispatcher = makeDispatcher(handler)
    registered.append(dispatcher)
    dispatch[Int(subsystem.rawValue)] = HandlerSlot(dispatcher)
  }

  /// Schedules an event `delay` hours from now (`delay` ≥ 0).
  @inlinable @discardableResult
  public func schedule(
    after delay: SimTime, _ subsystem: SubsystemID, kind: UInt8, entity: Int32 = 0,
    priority: EventPriority = .normal
  ) -> EventHandle {
    scheduler.schedule(after: delay, subsystem, kind: kind, entity: entity, priority: priority)
  }

  /// Schedules an event at an absolute time (not before now).
  @inlinable @discardableResult
  public func schedule(
    at time: SimTime, _ subsystem: SubsystemID, kind: UInt8, entity: Int32 = 0,
    priority: EventPriority = .normal
  ) -> EventHandle {
    scheduler.schedule(at: time, subsystem, kind: kind, entity: entity, priority: priority)
  }

  /// Cancels a pending event (a stale handle is ignored). Returns whether one was cancelled.
  @inlinable @discardableResult
  public func cancel(_ handle: EventHandle) -> Bool { scheduler.cancel(handle) }

  /// Moves a pending event to a new absolute time. Returns false for a stale handle.
  @inlinable @discardableResult
  public func reschedule(_ handle: EventHandle, to time: SimTime) -> Bool { scheduler.reschedule(handle, to: time) }

  /// Runs events in order until the calendar is empty or the next event is after `horizon`;
  /// the clock ends at `horizon`. Kernel events drive the sampler and the warm-up reset.
  public func run(until horizon: SimTime) {
    run(until: horizon, reportingTo: nil)
  }

  /// Runs like ``run(until:)`` and stores the simulated time reached into `gauge` after each
  /// `interval` of simulated time (and at the end), so that another thread can follow the
  /// run. The events and their order are the same as without a gauge: the loop only pauses
  /// between events to store the time, it schedules nothing.
  /// - Parameters:
  ///   - gauge: where the progress goes; nil runs without reporting.
  ///   - interval: simulated hours between reports (a day by default; at least
  ///     horizon ÷ 100,000, so that a long horizon makes few reports).
  public func run(until horizon: SimTime, reportingTo gauge: SimulatedTimeGauge?, every interval: SimTime = 24) {
    if sampler.hasProbes {
      core.pointee.calendar.schedule(at: 0, subsystem: .kernel, kind: KernelEvent.sample.rawValue, priority: .observe)
    }
    if warmup > 0 {
      core.pointee.calendar.schedule(at: warmup, subsystem: .kernel, kind: KernelEvent.warmupEnd.rawValue, priority: .kernelFirst)
    }
    if let gauge {
      let step = max(interval, horizon / 100_000)
      var k = 1.0
      while step > 0, step.isFinite {
        let bound = min(horizon, k * step)
        runEvents(notAfter: bound)
        gauge.report(bound)
        if !(bound < horizon) || core.pointee.calendar.isEmpty { break }
        k += 1
      }
    }
    runEvents(notAfter: horizon)
    core.pointee.now = horizon
    gauge?.report(horizon)
  }

  /// The event loop: runs every event at or before `bound`, in calendar order.
  private func runEvents(notAfter bound: SimTime) {
    let state = core
    let handlers = dispatch
    while let next = state.pointee.calendar.pop(notAfter: bound) {
      state.pointee.now = next.time
      state.pointee.eventCount &+= 1
      state.pointee.fingerprint.add(time: next.time, subsystem: next.subsystem, kind: next.kind)
      if next.subsystem == .kernel {
        handleKernelEvent(next)
      } else {
        // +0: no retain/release around the call (the simulation owns every handler).
        handlers[Int(next.subsystem.rawValue)].dispatcher._withUnsafeGuaranteedRef { $0.handle(next) }
      }
    }
  }

  private func handleKernelEvent(_ event: Event) {
    switch KernelEvent(rawValue: event.kind) {
    case .sample:
      sampler.sample(at: now)
      if let t = sampler.nextTime {
        core.pointee.calendar.schedule(at: t, subsystem: .kernel, kind: KernelEvent.sample.rawValue, priority: .observe)
      }
    case .warmupEnd:
      // In tag order, as the handlers are numbered (not in registration order).
      for tag in 1..<256 where !dispatch[tag].isUnregistered {
        dispatch[tag].dispatcher.takeUnretainedValue().warmupEnded(at: now)
      }
    case nil:
      preconditionFailure("unknown kernel event \(event.kind)")
    }
  }
}

/// The mutable state of a ``Simulation``'s loop.
@usableFromInline struct LoopState {
  @usableFromInline var calendar = EventCalendar()
  @usableFromInline var now: SimTime = 0
  @usableFromInline var eventCount = 0
  @usableFromInline var fingerprint = TrajectoryFingerprint()
  @usableFromInline init() {}
}

/// One entry of the dispatch table: an unretained dispatcher (the simulation owns it).
@usableFromInline struct HandlerSlot {
  @usableFromInline let dispatcher: Unmanaged<HandlerDispatcher>
  init(_ dispatcher: HandlerDispatcher) { self.dispatcher = Unmanaged.passUnretained(dispatcher) }
  var isUnregistered: Bool { dispatcher.takeUnretainedValue() === UnregisteredSubsystem.shared }
}

/// Calls a handler without reference counting: a class (so that `Unmanaged` can hold it
/// and the loop can call it at +0) that forwards to the handler's own type.
@usableFromInline class HandlerDispatcher {
  @usableFromInline func handle(_ event: Event) { fatalError("abstract") }
  func warmupEnded(at time: SimTime) { fatalError("abstract") }
}

/// The dispatcher of a handler of type `H`; it owns the handler.
final class TypedDispatcher<H: EventHandler>: HandlerDispatcher {
  let owner: H
  let target: Unmanaged<H>
  init(_ handler: H) {
    owner = handler
    target = Unmanaged.passUnretained(handler)
  }
  override func handle(_ event: Event) { target._withUnsafeGuaranteedRef { $0.handle(event) } }
  override func warmupEnded(at time: SimTime) { owner.warmupEnded(at: time) }
}

/// Wraps a handler (an existential, opened here) in its typed dispatcher.
private func makeDispatcher<H: EventHandler>(_ handler: H) -> HandlerDispatcher {
  return TypedDispatcher(handler)
}

/// The handler of every tag no model registered: an event for it is a programming error.
final class UnregisteredSubsystem: HandlerDispatcher, EventHandler, @unchecked Sendable {
  static let shared = UnregisteredSubsystem()
  override func handle(_ event: Event) {
    preconditionFailure("event for unregistered subsystem \(event.subsystem.rawValue)")
  }
  override func warmupEnded(at time: SimTime) {}
}

/// The kernel's own event kinds.
enum KernelEvent: UInt8 {
  case sample = 1
  case warmupEnd = 2
}
