/// A value view of a ``Simulation``'s clock and calendar for a model's hot path.
///
/// Calling ``Simulation/schedule(after:_:kind:entity:priority:)`` through a class reference
/// makes Swift retain and release the simulation around the call whenever an argument is
/// computed by a C function (a GSL draw): about 15% of an M/M/c run. Scheduling through this
/// plain value costs no reference counting. It schedules exactly as the simulation does
/// (same calendar, same FIFO ties). It is valid while its simulation is alive: a model keeps
/// it beside its reference to the simulation, which owns the model.
public struct Scheduler {
  @usableFromInline let core: UnsafeMutablePointer<LoopState>

  @inlinable init(core: UnsafeMutablePointer<LoopState>) { self.core = core }

  /// The current simulated time, in hours.
  @inlinable public var now: SimTime { core.pointee.now }

  /// Schedules an event `delay` hours from now (`delay` ≥ 0).
  @inlinable @discardableResult
  public func schedule(
    after delay: SimTime, _ subsystem: SubsystemID, kind: UInt8, entity: Int32 = 0,
    priority: EventPriority = .normal
  ) -> EventHandle {
    core.pointee.calendar.schedule(
      at: core.pointee.now + delay, subsystem: subsystem, kind: kind, entity: entity,
      priority: priority)
  }

  /// Schedules an event at an absolute time (not before now).
  @inlinable @discardableResult
  public func schedule(
    at time: SimTime, _ subsystem: SubsystemID, kind: UInt8, entity: Int32 = 0,
    priority: EventPriority = .normal
  ) -> EventHandle {
    core.pointee.calendar.schedule(
      at: Swift.max(time, core.pointee.now), subsystem: subsystem, kind: kind,
      entity: entity, priority: priority)
  }

  /// Cancels a pending event (a stale handle is ignored). Returns whether one was cancelled.
  @inlinable @discardableResult
  public func cancel(_ handle: EventHandle) -> Bool { core.pointee.calendar.cancel(handle) }

  /// Moves a pending event to a new absolute time. Returns false for a stale handle.
  @inlinable @discardableResult
  public func reschedule(_ handle: EventHandle, to time: SimTime) -> Bool {
    core.pointee.calendar.reschedule(handle, to: Swift.max(time, core.pointee.now))
  }
}

extension Simulation {
  /// The simulation's clock and calendar as a ``Scheduler`` value (valid while it is alive).
  @inlinable public var scheduler: Scheduler { Scheduler(core: core) }
}
