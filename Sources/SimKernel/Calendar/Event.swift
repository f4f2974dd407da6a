/// One scheduled happening: a plain value that the calendar orders by (time, priority, sequence).
///
/// Events carry no closure: a subsystem tag says which handler gets it, a small kind code says
/// what happens, and an entity index says to whom (entities live in the model's arrays).
@frozen public struct Event: Sendable, Equatable {
  /// When the event happens, in hours.
  public var time: SimTime
  /// Insertion order: breaks ties FIFO among equal (time, priority).
  public var sequence: UInt64
  /// Index of the model-side entity (vessel, train, lot, ...) or any small payload.
  public var entity: Int32
  /// The calendar slot that lets the event be cancelled or rescheduled.
  public var handle: EventHandle
  /// Which subsystem handles the event (``SubsystemID``).
  public var subsystem: SubsystemID
  /// The subsystem's own event code (its event enum's raw value).
  public var kind: UInt8
  /// Same-time order: lower runs first (see ``EventPriority``).
  public var priority: EventPriority

  @inlinable
  init(time: SimTime, sequence: UInt64, entity: Int32, handle: EventHandle, subsystem: SubsystemID, kind: UInt8, priority: EventPriority) {
    self.time = time
    self.sequence = sequence
    self.entity = entity
    self.handle = handle
    self.subsystem = subsystem
    self.kind = kind
    self.priority = priority
  }

  /// Whether `self` runs before `other`: earlier time, then lower priority value, then FIFO.
  @inlinable @inline(__always)
  func precedes(_ other: Event) -> Bool {
    if time != other.time { return time < other.time }
    if priority.rawValue != other.priority.rawValue { return priority.rawValue < other.priority.rawValue }
    return sequence < other.sequence
  }
}

/// A subsystem's tag on its events: 0 is the kernel itself (sampler, warm-up, horizon).
@frozen public struct SubsystemID: RawRepresentable, Sendable, Equatable, Hashable {
  public var rawValue: UInt8
  @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }
  /// The kernel's own events.
  @inlinable public static var kernel: SubsystemID { SubsystemID(rawValue: 0) }
}

/// Same-time ordering of events, as in simmer's `PRIORITY_RELEASE` < ... : releases of
/// resources run before new requests at the same instant, so a freed berth is seen.
@frozen public struct EventPriority: RawRepresentable, Sendable, Equatable, Comparable {
  public var rawValue: Int8
  @inlinable public init(rawValue: Int8) { self.rawValue = rawValue }
  /// Kernel bookkeeping that must precede everything else (warm-up reset).
  @inlinable public static var kernelFirst: EventPriority { EventPriority(rawValue: -8) }
  /// Releases of resources (service completions, departures).
  @inlinable public static var release: EventPriority { EventPriority(rawValue: -4) }
  /// The default.
  @inlinable public static var normal: EventPriority { EventPriority(rawValue: 0) }
  /// Arrivals and requests.
  @inlinable public static var arrival: EventPriority { EventPriority(rawValue: 2) }
  /// Observation after all same-time changes (sampler).
  @inlinable public static var observe: EventPriority { EventPriority(rawValue: 8) }
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A reference to a scheduled event, valid until the event runs or is cancelled.
@frozen public struct EventHandle: Sendable, Equatable, Hashable {
  @usableFromInline var slot: Int32
  @usableFromInline var generation: UInt32
  @inlinable init(slot: Int32, generation: UInt32) {
    self.slot = slot
    self.generation = generation
  }
  /// A handle that refers to no event.
  public static let none = EventHandle(slot: -1, generation: 0)
}
