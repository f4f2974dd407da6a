/// A resource with a number of identical servers and a waiting line (berths, gate lanes,
/// inspection teams): entities request one server, wait if none is free, and release it.
///
/// A model calls ``request(_:priority:at:)``; if it returns false the entity waits. After a
/// ``release(at:)`` or a capacity increase, the model calls ``startNext(at:)`` until it
/// returns nil, and starts service for each returned entity. Busy servers and queue length
/// are tracked as time-weighted levels, so utilisation and mean queue come for free.
public struct Resource {
  /// Servers currently available (changes with a ``CapacitySchedule``).
  @inlinable public var capacity: Int { _capacity }
  @usableFromInline var _capacity: Int
  /// Servers in use (may exceed capacity briefly after a reduction: no pre-emption).
  @inlinable public var busy: Int { _busy }
  @usableFromInline var _busy: Int = 0
  /// Waiting entities.
  @inlinable public var queue: WaitQueue { _queue }
  @usableFromInline var _queue: WaitQueue
  /// Time-weighted number of busy servers.
  @inlinable public var busyLevel: TimeWeighted { _busyLevel }
  @usableFromInline var _busyLevel: TimeWeighted = TimeWeighted()
  /// Time-weighted capacity (for utilisation under schedules).
  @inlinable public var capacityLevel: TimeWeighted { _capacityLevel }
  @usableFromInline var _capacityLevel: TimeWeighted = TimeWeighted()
  /// Time-weighted queue length.
  @inlinable public var queueLevel: TimeWeighted { _queueLevel }
  @usableFromInline var _queueLevel: TimeWeighted = TimeWeighted()

  public init(capacity: Int, discipline: QueueDiscipline = .fifo) {
    precondition(capacity >= 0, "capacity must be non-negative")
    _capacity = capacity
    _queue = WaitQueue(discipline)
    _capacityLevel.record(Double(capacity), at: 0)
    _busyLevel.record(0, at: 0)
    _queueLevel.record(0, at: 0)
  }

  /// Servers free now.
  @inlinable
  public var available: Int { Swift.max(0, _capacity - _busy) }

  /// Asks for one server for `entity`: true if it was seized now (start service), false if
  /// the entity joined the queue.
  @inlinable @inline(__always)
  public mutating func request(_ entity: Int32, priority: Int32 = 0, at now: SimTime) -> Bool {
    if _busy < _capacity && _queue.isEmpty {
      _busy += 1
      _busyLevel.record(Double(_busy), at: now)
      return true
    }
    _queue.push(entity, priority: priority)
    _queueLevel.record(Double(_queue.count), at: now)
    return false
  }

  /// Puts `entity` in the queue without trying to seize a server (the model has another
  /// condition to meet first, such as free cranes).
  @inlinable @inline(__always)
  public mutating func enqueue(_ entity: Int32, priority: Int32 = 0, at now: SimTime) {
    _queue.push(entity, priority: priority)
    _queueLevel.record(Double(_queue.count), at: now)
  }

  /// Frees one server.
  @inlinable @inline(__always)
  public mutating func release(at now: SimTime) {
    precondition(_busy > 0, "release without a seized server")
    _busy -= 1
    _busyLevel.record(Double(_busy), at: now)
  }

  /// Seizes a server for the next waiting entity if one is free, and returns that entity.
  @inlinable @inline(__always)
  public mutating func startNext(at now: SimTime) -> Int32? {
    guard _busy < capacity, let e = _queue.pop() else { return nil }
    _busy += 1
    _busyLevel.record(Double(_busy), at: now)
    _queueLevel.record(Double(_queue.count), at: now)
    return e
  }

  /// Changes the number of servers (working hours, closures). Busy servers finish their work.
  public mutating func setCapacity(_ c: Int, at now: SimTime) {
    _capacity = Swift.max(0, c)
    _capacityLevel.record(Double(_capacity), at: now)
  }

  /// Restarts the time-weighted statistics at `now` (end of warm-up).
  public mutating func resetStatistics(at now: SimTime) {
    _busyLevel.reset(at: now)
    _capacityLevel.reset(at: now)
    _queueLevel.reset(at: now)
  }

  /// Mean busy servers ÷ mean capacity since the last reset.
  public func utilisation(until now: SimTime) -> Double {
    let cap = _capacityLevel.mean(until: now)
    return cap > 0 ? _busyLevel.mean(until: now) / cap : 0
  }
}
