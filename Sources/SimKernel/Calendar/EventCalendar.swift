/// The future-event list: an indexed binary min-heap of plain ``Event`` values, ordered by
/// (time, priority, sequence), with O(log n) schedule, pop, cancel and reschedule.
///
/// Nothing is allocated per event once the arrays have grown to the peak number of pending
/// events: slots for handles are recycled through a free list. A handle carries a generation
/// so that a stale handle (its event already ran or was cancelled) is recognised, not
/// misapplied to a later event in the same slot.
public struct EventCalendar {
  @usableFromInline var heap: [Event] = []
  /// `position[slot]` = index in `heap`, or -1 when the slot is free.
  @usableFromInline var position: [Int32] = []
  @usableFromInline var generation: [UInt32] = []
  @usableFromInline var freeSlots: [Int32] = []
  @usableFromInline var nextSequence: UInt64 = 0

  public init(reservingCapacity n: Int = 1024) {
    heap.reserveCapacity(n)
    position.reserveCapacity(n)
    generation.reserveCapacity(n)
    freeSlots.reserveCapacity(n)
  }

  /// Number of pending events.
  @inlinable public var count: Int { heap.count }
  /// Whether no event is pending.
  @inlinable public var isEmpty: Bool { heap.isEmpty }
  /// The next event without removing it.
  @inlinable public var first: Event? { heap.first }

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
      slot = Int32(position.count)
      position.append(-1)
      generation.append(0)
    }
    let handle = EventHandle(slot: slot, generation: generation[Int(slot)])
    let event = Event(time: time, sequence: nextSequence, entity: entity, handle: handle,
                      subsystem: subsystem, kind: kind, priority: priority)
    nextSequence &+= 1
    heap.append(event)
    position[Int(slot)] = Int32(heap.count - 1)
    siftUp(heap.count - 1)
    return handle
  }

  /// Removes and returns the next event.
  /// - Complexity: O(log n).
  @inlinable
  public mutating func pop() -> Event? {
    guard let top = heap.first else { return nil }
    removeAt(0)
    release(top.handle.slot)
    return top
  }

  /// Whether the handle still refers to a pending event.
  @inlinable public func isPending(_ handle: EventHandle) -> Bool {
    let s = Int(handle.slot)
    return s >= 0 && s < position.count && position[s] >= 0 && generation[s] == handle.generation
  }

  /// Cancels a pending event; returns false (and does nothing) for a stale handle.
  /// - Complexity: O(log n).
  @inlinable @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    guard isPending(handle) else { return false }
    let index = Int(position[Int(handle.slot)])
    removeAt(index)
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
    let old = heap[index].time
    heap[index].time = time
    heap[index].sequence = nextSequence
    nextSequence &+= 1
    if time < old { siftUp(index) } else { siftDown(index) }
    return true
  }

  // MARK: - Heap internals

  @inlinable mutating func release(_ slot: Int32) {
    position[Int(slot)] = -1
    generation[Int(slot)] &+= 1
    freeSlots.append(slot)
  }

  @inlinable mutating func removeAt(_ index: Int) {
    let last = heap.count - 1
    if index != last {
      heap.swapAt(index, last)
      position[Int(heap[index].handle.slot)] = Int32(index)
      heap.removeLast()
      if index > 0 && heap[index].precedes(heap[(index - 1) >> 1]) {
        siftUp(index)
      } else {
        siftDown(index)
      }
    } else {
      heap.removeLast()
    }
  }

  @inlinable mutating func siftUp(_ start: Int) {
    var child = start
    let moving = heap[child]
    while child > 0 {
      let parent = (child - 1) >> 1
      let p = heap[parent]
      guard moving.precedes(p) else { break }
      heap[child] = p
      position[Int(p.handle.slot)] = Int32(child)
      child = parent
    }
    heap[child] = moving
    position[Int(moving.handle.slot)] = Int32(child)
  }

  @inlinable mutating func siftDown(_ start: Int) {
    let n = heap.count
    var parent = start
    let moving = heap[parent]
    while true {
      var child = 2 * parent + 1
      if child >= n { break }
      if child + 1 < n && heap[child + 1].precedes(heap[child]) { child += 1 }
      let c = heap[child]
      guard c.precedes(moving) else { break }
      heap[parent] = c
      position[Int(c.handle.slot)] = Int32(parent)
      parent = child
    }
    heap[parent] = moving
    position[Int(moving.handle.slot)] = Int32(parent)
  }
}

extension EventCalendar {
  /// Checks the heap order and the slot index; for tests and debugging (O(n)).
  public func checkInvariants() -> Bool {
    for i in 1..<max(1, heap.count) where heap[i].precedes(heap[(i - 1) >> 1]) { return false }
    for (i, e) in heap.enumerated() where position[Int(e.handle.slot)] != Int32(i) { return false }
    return true
  }
}
