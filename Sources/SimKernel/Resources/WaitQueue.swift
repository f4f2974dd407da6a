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
  @usableFromInline var heap: [Entry] = []
  @usableFromInline var sequence: UInt64 = 0

  @usableFromInline struct Entry {
    var priority: Int32
    var sequence: UInt64
    var entity: Int32
    @inline(__always) func precedes(_ o: Entry) -> Bool {
      priority != o.priority ? priority < o.priority : sequence < o.sequence
    }
  }

  public init(_ discipline: QueueDiscipline) { self.discipline = discipline }

  /// Number of waiting entities.
  public var count: Int { discipline == .fifo ? fifo.count : heap.count }
  public var isEmpty: Bool { count == 0 }

  /// Adds an entity (its priority is used only by the `.priority` discipline).
  public mutating func push(_ entity: Int32, priority: Int32 = 0) {
    switch discipline {
    case .fifo: fifo.push(entity)
    case .priority:
      heap.append(Entry(priority: priority, sequence: sequence, entity: entity))
      sequence &+= 1
      var c = heap.count - 1
      while c > 0 {
        let p = (c - 1) / 2
        guard heap[c].precedes(heap[p]) else { break }
        heap.swapAt(c, p)
        c = p
      }
    }
  }

  /// The entity that would be served next.
  public var next: Int32? { discipline == .fifo ? fifo.first : heap.first?.entity }

  /// Removes and returns the entity served next.
  public mutating func pop() -> Int32? {
    switch discipline {
    case .fifo: return fifo.pop()
    case .priority:
      guard let top = heap.first else { return nil }
      let last = heap.removeLast()
      if !heap.isEmpty {
        heap[0] = last
        var p = 0
        while true {
          var c = 2 * p + 1
          if c >= heap.count { break }
          if c + 1 < heap.count && heap[c + 1].precedes(heap[c]) { c += 1 }
          guard heap[c].precedes(heap[p]) else { break }
          heap.swapAt(c, p)
          p = c
        }
      }
      return top.entity
    }
  }
}
