/// How a resource orders the entities that wait for it.
public enum QueueDiscipline: String, Sendable, Equatable, CaseIterable {
  /// First come, first served.
  case fifo
  /// Lowest priority value first; FIFO among equal priorities.
  case priority
}

/// The waiting line of a resource: entity indices in FIFO or priority order.
public struct WaitQueue {
  public let discipline: QueueDiscipline
  @usableFromInline var fifo = RingBuffer<Int32>()
  @usableFromInline var heap = _MinHeap<Entry>()
  @usableFromInline var sequence: UInt64 = 0

  @usableFromInline struct Entry: _HeapOrdered {
    @usableFromInline var priority: Int32
    @usableFromInline var sequence: UInt64
    @usableFromInline var entity: Int32
    @inlinable init(priority: Int32, sequence: UInt64, entity: Int32) {
      self.priority = priority
      self.sequence = sequence
      self.entity = entity
    }
    @inlinable @inline(__always) func precedes(_ o: Entry) -> Bool {
      priority != o.priority ? priority < o.priority : sequence < o.sequence
    }
  }

  public init(_ discipline: QueueDiscipline) { self.discipline = discipline }

  /// Number of waiting entities.
  @inlinable public var count: Int { discipline == .fifo ? fifo.count : heap.count }
  @inlinable public var isEmpty: Bool { count == 0 }

  /// Adds an entity (its priority is used only by the `.priority` discipline).
  @inlinable public mutating func push(_ entity: Int32, priority: Int32 = 0) {
    switch discipline {
    case .fifo: fifo.push(entity)
    case .priority:
      heap.push(Entry(priority: priority, sequence: sequence, entity: entity))
      sequence &+= 1
    }
  }

  /// The entity that would be served next.
  @inlinable public var next: Int32? { discipline == .fifo ? fifo.first : heap.first?.entity }

  /// Removes and returns the entity served next.
  @inlinable public mutating func pop() -> Int32? {
    switch discipline {
    case .fifo: return fifo.pop()
    case .priority: return heap.pop()?.entity
    }
  }
}
