/// The future-event list: an indexed 4-ary min-heap ordered by (time, priority, sequence),
/// with O(log n) schedule, pop, cancel and reschedule.
///
/// The heap holds 24-byte nodes (time, a key packing priority and sequence, slot); what the
/// loop needs only when an event runs (entity, subsystem, kind) waits in a per-slot table.
/// A 4-ary heap has half the levels of a binary one and its four children share a cache line
/// or two, which is what counts with a million pending events. Sequences are unique, so the
/// order is total and the heap's shape never decides which of two events runs first.
///
/// Nothing is allocated per event once the buffers have grown to the peak number of pending
/// events: slots for handles are recycled through a free list. The buffers are managed by
/// hand and shared copy-on-write, so a mutation pays one uniqueness check, not one per array. A handle carries a generation
/// so that a stale handle (its event already ran or was cancelled) is recognised, not
/// misapplied to a later event in the same slot.
public struct EventCalendar {
  /// The heap, the slot tables and the free list in one manually managed buffer set, shared
  /// copy-on-write: one uniqueness check per mutation instead of one per array access.
  @usableFromInline var storage: _CalendarStorage
  @usableFromInline var nextSequence: UInt64 = 0

  public init(reservingCapacity n: Int = 1024) {
    storage = _CalendarStorage(capacity: Swift.max(16, n))
  }

  /// Number of pending events.
  @inlinable public var count: Int { storage.heapCount }
  /// Whether no event is pending.
  @inlinable public var isEmpty: Bool { storage.heapCount == 0 }
  /// The next event without removing it.
  @inlinable public var first: Event? { storage.heapCount == 0 ? nil : event(storage.heap[0]) }

  /// Makes the storage this calendar's own before a mutation (copy-on-write).
  @inlinable mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
  }

  /// Adds an event and returns its handle.
  /// - Complexity: O(log n).
  @inlinable @discardableResult
  public mutating func schedule(
    at time: SimTime, subsystem: SubsystemID, kind: UInt8, entity: Int32 = 0,
    priority: EventPriority = .normal
  ) -> EventHandle {
    makeUnique()
    let key = takeKey(priority)
    let st = storage
    let slot: Int32
    if st.freeCount > 0 {
      st.freeCount -= 1
      slot = st.freeSlots[st.freeCount]
    } else {
      if st.slotCount == st.capacity { st.grow() }
      slot = Int32(truncatingIfNeeded: st.slotCount)
      (st.payload + st.slotCount).initialize(to: SlotPayload())
      st.position[st.slotCount] = -1
      st.slotCount += 1
    }
    let p = st.payload + Int(slot)
    p.pointee.entity = entity
    p.pointee.subsystem = subsystem
    p.pointee.kind = kind
    let index = st.heapCount
    st.heapCount += 1
    st.siftUp(CalendarNode(time: time, key: key, slot: slot), from: index)
    return EventHandle(slot: slot, generation: p.pointee.generation)
  }

  /// Removes and returns the next event.
  /// - Complexity: O(log n).
  @inlinable
  public mutating func pop() -> Event? { pop(notAfter: .infinity) }

  /// Removes and returns the next event if it happens at or before `horizon` (and at all:
  /// a NaN horizon pops nothing); nil otherwise.
  /// - Complexity: O(log n).
  @inlinable
  public mutating func pop(notAfter horizon: SimTime) -> Event? {
    guard storage.heapCount > 0, storage.heap[0].time <= horizon else { return nil }
    makeUnique()
    let st = storage
    let top = st.heap[0]
    let e = event(top)
    st.heapCount -= 1
    if st.heapCount > 0 { st.siftDown(st.heap[st.heapCount], from: 0) }
    st.release(top.slot)
    return e
  }

  /// Whether the handle still refers to a pending event.
  @inlinable public func isPending(_ handle: EventHandle) -> Bool {
    let s = Int(handle.slot)
    let st = storage
    return s >= 0 && s < st.slotCount && st.position[s] >= 0 && st.payload[s].generation == handle.generation
  }

  /// Cancels a pending event; returns false (and does nothing) for a stale handle.
  /// - Complexity: O(log n).
  @inlinable @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    guard isPending(handle) else { return false }
    makeUnique()
    let st = storage
    let index = Int(st.position[Int(handle.slot)])
    st.heapCount -= 1
    if index < st.heapCount { st.place(st.heap[st.heapCount], at: index) }
    st.release(handle.slot)
    return true
  }

  /// Moves a pending event to a new time, keeping its handle; it gets a new sequence number,
  /// so it runs after events already scheduled for that time. Returns false for a stale handle.
  /// - Complexity: O(log n).
  @inlinable @discardableResult
  public mutating func reschedule(_ handle: EventHandle, to time: SimTime) -> Bool {
    guard isPending(handle) else { return false }
    makeUnique()
    let st = storage
    let index = Int(st.position[Int(handle.slot)])
    var node = st.heap[index]
    node.time = time
    node.key = takeKey(node.priority)
    st.place(node, at: index)
    return true
  }

  // MARK: - Internals

  /// The key of a new event: its priority above a fresh sequence number.
  @inlinable mutating func takeKey(_ priority: EventPriority) -> UInt64 {
    precondition(nextSequence < CalendarNode.sequenceLimit, "event calendar: sequence numbers exhausted")
    let key = UInt64(UInt8(bitPattern: priority.rawValue) ^ 0x80) << 56 | nextSequence
    nextSequence &+= 1
    return key
  }

  /// The full event of a heap node.
  @inlinable func event(_ node: CalendarNode) -> Event {
    let p = storage.payload[Int(node.slot)]
    return Event(
      time: node.time, sequence: node.sequence, entity: p.entity,
      handle: EventHandle(slot: node.slot, generation: p.generation),
      subsystem: p.subsystem, kind: p.kind, priority: node.priority)
  }
}

/// The buffers of an ``EventCalendar``: the 4-ary heap of nodes, and per slot its heap
/// position (-1 when free) and payload, plus the free-slot stack. All four hold at most
/// `capacity` entries (the heap and the free list never exceed the slots), so they grow together.
@usableFromInline final class _CalendarStorage {
  @usableFromInline var heap: UnsafeMutablePointer<CalendarNode>
  @usableFromInline var position: UnsafeMutablePointer<Int32>
  @usableFromInline var payload: UnsafeMutablePointer<SlotPayload>
  @usableFromInline var freeSlots: UnsafeMutablePointer<Int32>
  @usableFromInline var heapCount = 0
  @usableFromInline var slotCount = 0
  @usableFromInline var freeCount = 0
  @usableFromInline var capacity: Int

  @usableFromInline init(capacity: Int) {
    self.capacity = capacity
    heap = .allocate(capacity: capacity)
    position = .allocate(capacity: capacity)
    payload = .allocate(capacity: capacity)
    freeSlots = .allocate(capacity: capacity)
  }

  deinit {
    heap.deallocate()
    position.deallocate()
    payload.deallocate()
    freeSlots.deallocate()
  }

  /// A copy with the same contents (for copy-on-write).
  @usableFromInline func copy() -> _CalendarStorage {
    let c = _CalendarStorage(capacity: capacity)
    c.heap.initialize(from: heap, count: heapCount)
    c.position.initialize(from: position, count: slotCount)
    c.payload.initialize(from: payload, count: slotCount)
    c.freeSlots.initialize(from: freeSlots, count: freeCount)
    c.heapCount = heapCount
    c.slotCount = slotCount
    c.freeCount = freeCount
    return c
  }

  /// Doubles the capacity of every buffer (amortised; no allocation once at the peak).
  @usableFromInline func grow() {
    let n = capacity * 2
    func moved<T>(_ old: UnsafeMutablePointer<T>, _ count: Int) -> UnsafeMutablePointer<T> {
      let new = UnsafeMutablePointer<T>.allocate(capacity: n)
      new.moveInitialize(from: old, count: count)
      old.deallocate()
      return new
    }
    heap = moved(heap, heapCount)
    position = moved(position, slotCount)
    payload = moved(payload, slotCount)
    freeSlots = moved(freeSlots, freeCount)
    capacity = n
  }

  @inlinable func release(_ slot: Int32) {
    position[Int(slot)] = -1
    payload[Int(slot)].generation &+= 1
    freeSlots[freeCount] = slot
    freeCount += 1
  }

  /// Puts `node` at `index` (whose old node is gone) and restores the heap order.
  @inlinable func place(_ node: CalendarNode, at index: Int) {
    if index > 0 && node.precedes(heap[(index - 1) >> 2]) {
      siftUp(node, from: index)
    } else {
      siftDown(node, from: index)
    }
  }

  /// Sifts `moving` up from the hole at `start`.
  @inlinable func siftUp(_ moving: CalendarNode, from start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) >> 2
      let p = heap[parent]
      guard moving.precedes(p) else { break }
      heap[child] = p
      position[Int(p.slot)] = Int32(truncatingIfNeeded: child)
      child = parent
    }
    heap[child] = moving
    position[Int(moving.slot)] = Int32(truncatingIfNeeded: child)
  }

  /// Sifts `moving` down from the hole at `start`.
  @inlinable func siftDown(_ moving: CalendarNode, from start: Int) {
    let n = heapCount
    var hole = start
    while true {
      let first = 4 * hole + 1
      if first >= n { break }
      var best = first
      var bestNode = heap[first]
      var c = first + 1
      let end = Swift.min(first + 4, n)
      while c < end {
        let candidate = heap[c]
        if candidate.precedes(bestNode) {
          best = c
          bestNode = candidate
        }
        c += 1
      }
      guard bestNode.precedes(moving) else { break }
      heap[hole] = bestNode
      position[Int(bestNode.slot)] = Int32(truncatingIfNeeded: hole)
      hole = best
    }
    heap[hole] = moving
    position[Int(moving.slot)] = Int32(truncatingIfNeeded: hole)
  }
}

/// A heap entry of the ``EventCalendar``: 24 bytes, ordered by time then `key`.
@usableFromInline struct CalendarNode {
  @usableFromInline var time: SimTime
  /// Priority (biased to unsigned, top 8 bits) above the sequence number (low 56 bits), so
  /// one integer comparison orders (priority, sequence).
  @usableFromInline var key: UInt64
  @usableFromInline var slot: Int32

  /// Sequence numbers must stay below 2⁵⁶ (7·10¹⁶ events).
  @usableFromInline static let sequenceLimit: UInt64 = 1 << 56

  @inlinable init(time: SimTime, key: UInt64, slot: Int32) {
    self.time = time
    self.key = key
    self.slot = slot
  }

  @inlinable var sequence: UInt64 { key & (Self.sequenceLimit - 1) }
  @inlinable var priority: EventPriority { EventPriority(rawValue: Int8(bitPattern: UInt8(key >> 56) ^ 0x80)) }

  /// Whether `self` runs before `other`: earlier time, then lower priority, then FIFO.
  @inlinable @inline(__always)
  func precedes(_ other: CalendarNode) -> Bool {
    time < other.time || (time == other.time && key < other.key)
  }
}

/// The part of an event the calendar does not order by, kept per slot.
@usableFromInline struct SlotPayload {
  @usableFromInline var entity: Int32 = 0
  @usableFromInline var generation: UInt32 = 0
  @usableFromInline var subsystem = SubsystemID.kernel
  @usableFromInline var kind: UInt8 = 0
  @inlinable init() {}
}

extension EventCalendar {
  /// Checks the heap order and the slot index; for tests and debugging (O(n)).
  public func checkInvariants() -> Bool {
    let st = storage
    for i in 1..<Swift.max(1, st.heapCount) where st.heap[i].precedes(st.heap[(i - 1) >> 2]) { return false }
    for i in 0..<st.heapCount where st.position[Int(st.heap[i].slot)] != Int32(i) { return false }
    var live = 0
    for s in 0..<st.slotCount where st.position[s] >= 0 { live += 1 }
    return live == st.heapCount && live + st.freeCount == st.slotCount
  }
}
