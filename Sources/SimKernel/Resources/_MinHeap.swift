/// An element that knows whether it comes before another in a ``_MinHeap``.
@usableFromInline protocol _HeapOrdered {
  func precedes(_ other: Self) -> Bool
}

/// A plain binary min-heap of value elements, for the kernel's internal priority queues
/// (a resource's priority waiting line, the router's frontier). The event calendar keeps its
/// own indexed heap, since it needs cancel and reschedule by handle.
@usableFromInline struct _MinHeap<Element: _HeapOrdered> {
  @usableFromInline var items: [Element] = []

  @inlinable init() {}

  @inlinable var count: Int { items.count }
  @inlinable var isEmpty: Bool { items.isEmpty }
  @inlinable var first: Element? { items.first }

  /// Adds an element. - Complexity: O(log n).
  @inlinable mutating func push(_ e: Element) {
    items.append(e)
    var c = items.count - 1
    while c > 0 {
      let p = (c - 1) / 2
      guard items[c].precedes(items[p]) else { break }
      items.swapAt(c, p)
      c = p
    }
  }

  /// Removes and returns the first element. - Complexity: O(log n).
  @inlinable mutating func pop() -> Element? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var p = 0
      while true {
        var c = 2 * p + 1
        if c >= items.count { break }
        if c + 1 < items.count && items[c + 1].precedes(items[c]) { c += 1 }
        guard items[c].precedes(items[p]) else { break }
        items.swapAt(c, p)
        p = c
      }
    }
    return top
  }
}
