/// A resource with a number of identical servers and a waiting line (berths, gate lanes,
/// inspection teams): entities request one server, wait if none is free, and release it.
///
/// A model calls ``request(_:priority:at:)``; if it returns false the entity waits. After a
/// ``release(at:)`` or a capacity increase, the model calls ``startNext(at:)`` until it
/// returns nil, and starts service for each returned entity. Busy servers and queue length
/// are tracked as time-weighted levels, so utilisation and mean queue come for free.
public struct Resource {
  /// Servers currently available (changes with a ``CapacitySchedule``).
  public private(set) var capacity: Int
  /// Servers in use (may exceed capacity briefly after a reduction: no pre-emption).
  public private(set) var busy: Int = 0
  /// Waiting entities.
  public private(set) var queue: WaitQueue
  /// Time-weighted number of busy servers.
  public private(set) var busyLevel = TimeWeighted()
  /// Time-weighted capacity (for utilisation under schedules).
  public private(set) var capacityLevel = TimeWeighted()
  /// Time-weighted queue length.
  public private(set) var queueLevel = TimeWeighted()

  public init(capacity: Int, discipline: QueueDiscipline = .fifo) {
    precondition(capacity >= 0, "capacity must be non-negative")
    self.capacity = capacity
    self.queue = WaitQueue(discipline)
    capacityLevel.record(Double(capacity), at: 0)
    busyLevel.record(0, at: 0)
    queueLevel.record(0, at: 0)
  }

  /// Servers free now.
  public var available: Int { Swift.max(0, capacity - busy) }

  /// Asks for one server for `entity`: true if it was seized now (start service), false if
  /// the entity joined the queue.
  public mutating func request(_ entity: Int32, priority: Int32 = 0, at now: SimTime) -> Bool {
    if busy < capacity && queue.isEmpty {
      busy += 1
      busyLevel.record(Double(busy), at: now)
      return true
    }
    queue.push(entity, priority: priority)
    queueLevel.record(Double(queue.count), at: now)
    return false
  }

  /// Puts `entity` in the queue without trying to seize a server (the model has another
  /// condition to meet first, such as free cranes).
  public mutating func enqueue(_ entity: Int32, priority: Int32 = 0, at now: SimTime) {
    queue.push(entity, priority: priority)
    queueLevel.record(Double(queue.count), at: now)
  }

  /// Frees one server.
  public mutating func release(at now: SimTime) {
    precondition(busy > 0, "release without a seized server")
    busy -= 1
    busyLevel.record(Double(busy), at: now)
  }

  /// Seizes a server for the next waiting entity if one is free, and returns that entity.
  public mutating func startNext(at now: SimTime) -> Int32? {
    guard busy < capacity, let e = queue.pop() else { return nil }
    busy += 1
    busyLevel.record(Double(busy), at: now)
    queueLevel.record(Double(queue.count), at: now)
    return e
  }

  /// Changes the number of servers (working hours, closures). Busy servers finish their work.
  public mutating func setCapacity(_ c: Int, at now: SimTime) {
    capacity = Swift.max(0, c)
    capacityLevel.record(Double(capacity), at: now)
  }

  /// Restarts the time-weighted statistics at `now` (end of warm-up).
  public mutating func resetStatistics(at now: SimTime) {
    busyLevel.reset(at: now)
    capacityLevel.reset(at: now)
    queueLevel.reset(at: now)
  }

  /// Mean busy servers ÷ mean capacity since the last reset.
  public func utilisation(until now: SimTime) -> Double {
    let cap = capacityLevel.mean(until: now)
    return cap > 0 ? busyLevel.mean(until: now) / cap : 0
  }
}
