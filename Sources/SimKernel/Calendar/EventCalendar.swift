/// The future-event list: an indexed 4-ary min-heap ordered by (time, priority, sequence),
/// with O(log n) schedule, pop, cancel and reschedule.
///
/// The heap holds 24-byte nodes (time, a key packing priority and sequence, slot); what the
/// loop needs only when an event runs (entity, subsystem, kind) waits in a per-slot table.
/// A 4-ary heap has half the levels of a binary one and its four children share a cache line
/// or two, which is what counts with a million pending events. Sequences are unique, so the
/// order is total and the heap's shape never decides which of two events runs first.
///
/// Nothing is allocated per event once the arrays have grown to the peak number of pending
/// events: slots for handles are recycled through a free list. A handle carries a generation
/// so that a stale handle (its event already ran or was cancelled) is recognised, not
/// misapplied to a later event in the same slot.
public struct EventCalendar {
  @usableFromInline var heap: [CalendarNode] = []
  /// `position[slot]` = index in `heap`, or -1 when the slot is free.
  @usableFromInline var position: [Int32] = []
  /// What each slot's event carries besides its ordering key, and the slot's generation.
  @usableFromInline var payload: [SlotPayload] = []
  @usableFromInline var freeSlots: [Int32] = []
  @usableFromInline var nextSequence: UInt64 = 0

  public init(reservingCapacity n: Int = 1024) {
    heap.reserveCapacity(n)
    position.reserveCapacity(n)
    payload.reserveCapacity(n)
    freeSlots.reserveCapacity(n)
  }

  /// Number of pending events.
  @inlinable public var count: Int { heap.count }
  /// Whether no event is pending.
  @inlinable public var isEmpty: Bool { heap.isEmpty }
  /// The next event without removing it.
  @inlinable public var first: Event? { heap.isEmpty ? nil : event(heap[0]) }

  /// Adds an event and returns its handle.
  /// - Complexity: O(log n).
  @inlinable @discardableResult
  public mutating func schedule(
    at time: SimTime, subsystem: SubsystemID, kind: UInt8, entity: Int32 = 0,
    priority: EventPriority = .normal
  ) -> EventHandle {
    let slot: Int32
    if let s = freeSlots.popLast() {
      slot = s
    } else {
      slot = Int32(truncatingIfNeeded: payload.count)
      payload.append(SlotPayload())
      position.append(-1)
    }
    let generation = payload.withUnsafeMutableBufferPointer { p in
      p[Int(slot)].entity = entity
      p[Int(slot)].subsystem = subsystem
      p[Int(slot)].kind = kind
      return p[Int(slot)].generation
    }
    heap.append(CalendarNode(time: time, key: takeKey(priority), slot: slot))
    siftUp(heap.count - 1)
    return EventHandle(slot: slot, generation: generation)
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
    guard let top = heap.first, top.time <= horizon else { return nil }
    let e = event(top)
    let last = heap.removeLast()
    if !heap.isEmpty { siftDown(0, moving: last) }
    release(top.slot)
    return e
  }

  /// Whether the handle still refers to a pending event.
  @inlinable public func isPending(_ handle: EventHandle) -> Bool {
    let s = Int(handle.slot)
    return s >= 0 && s < position.count && position[s] >= 0 && payload[s].generation == handle.generation
  }

  /// Cancels a pending event; returns false (and does nothing) for a stale handle.
  /// - Complexity: O(log n).
  @inlinable @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    guard isPending(handle) else { return false }
    removeAt(Int(position[Int(handle.slot)]))
    release(handle.slot)
    return true
  }

  /// Moves a pending event to a new time, keeping its handle; it gets a new sequence number,
  /// so it runs after events already scheduled for that time. Returns false for a stale handle.
  /// - Complexity: O(log n).
  @inlinable @discardableResult
  public mutating func reschedule(_ handle: EventHandle, to time: SimTime) -> Bool {
    guard isPending(handle) else { return false }
    let index = Int(position[Int(handle.slot)])
    var node = heap[index]
    node.time = time
    node.key = takeKey(node.priority)
    place(node, at: index)
    return true
  }

  // MARK: - Heap internals

  /// The key of a new event: its priority above a fresh sequence number.
  @inlinable mutating func takeKey(_ priority: EventPriority) -> UInt64 {
    precondition(nextSequence < CalendarNode.sequenceLimit, "event calendar: sequence numbers exhausted")
    let key = UInt64(UInt8(bitPattern: priority.rawValue) ^ 0x80) << 56 | nextSequence
    nextSequence &+= 1
    return key
  }

  /// The full event of a heap node.
  @inlinable func event(_ node: CalendarNode) -> Event {
    let p = payload[Int(node.slot)]
    return Event(time: node.time, sequence: node.sequence, entity: p.entity,
                 handle: EventHandle(slot: node.slot, generation: p.generation),
                 subsystem: p.subsystem, kind: p.kind, priority: node.priority)
  }

  @inlinable mutating func release(_ slot: Int32) {
    position[Int(slot)] = -1
    payload[Int(slot)].generation &+= 1
    freeSlots.append(slot)
  }

  /// Removes the node at `index`, filling the hole with the last node.
  @inlinable mutating func removeAt(_ index: Int) {
    let last = heap.removeLast()
    if index < heap.count { place(last, at: index) }
  }

  /// Puts `node` at `index` (whose old node is gone) and restores the heap order.
  @inlinable mutating func place(_ node: CalendarNode, at index: Int) {
    if index > 0 && node.precedes(heap[(index - 1) >> 2]) {
      heap[index] = node
      siftUp(index)
    } else {
      siftDown(index, moving: node)
    }
  }

  @inlinable mutating func siftUp(_ start: Int) {
    heap.withUnsafeMutableBufferPointer { h in
      position.withUnsafeMutableBufferPointer { pos in
        var child = start
        let moving = h[child]
        while child > 0 {
          let parent = (child - 1) >> 2
          let p = h[parent]
          guard moving.precedes(p) else { break }
          h[child] = p
          pos[Int(p.slot)] = Int32(truncatingIfNeeded: child)
          child = parent
        }
        h[child] = moving
        pos[Int(moving.slot)] = Int32(truncatingIfNeeded: child)
      }
    }
  }

  /// Sifts `moving` down from the hole at `start`.
  @inlinable mutating func siftDown(_ start: Int, moving: CalendarNode) {
    heap.withUnsafeMutableBufferPointer { h in
      position.withUnsafeMutableBufferPointer { pos in
        let n = h.count
        var hole = start
        while true {
          let first = 4 * hole + 1
          if first >= n { break }
          var best = first
          var bestNode = h[first]
          var c = first + 1
          let end = Swift.min(first + 4, n)
          while c < end {
            let candidate = h[c]
            if candidate.precedes(bestNode) {
              best = c
              bestNode = candidate
            }
            c += 1
          }
          guard bestNode.precedes(moving) else { break }
          h[hole] = bestNode
          pos[Int(bestNode.slot)] = Int32(truncatingIfNeeded: hole)
          hole = best
        }
        h[hole] = moving
        pos[Int(moving.slot)] = Int32(truncatingIfNeeded: hole)
      }
    }
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
    for i in 1..<Swift.max(1, heap.count) where heap[i].precedes(heap[(i - 1) >> 2]) { return false }
    for (i, node) in heap.enumerated() where position[Int(node.slot)] != Int32(i) { return false }
    let live = position.filter { $0 >= 0 }.count
    return live == heap.count && live + freeSlots.count == position.count
  }
}
