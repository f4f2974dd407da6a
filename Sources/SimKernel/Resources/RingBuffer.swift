/// A FIFO queue of plain values in a growable ring buffer: O(1) push and pop, no allocation
/// once grown to the peak length.
public struct RingBuffer<Element> {
  @usableFromInline var storage: [Element?]
  @usableFromInline var head = 0
  @usableFromInline var tail = 0
  /// Number of elements.
  @inlinable public var count: Int { _count }
  @usableFromInline var _count = 0

  public init(capacity: Int = 16) {
    storage = Array(repeating: nil, count: Swift.max(1, capacity))
  }

  @inlinable public var isEmpty: Bool { _count == 0 }
  /// The oldest element, if any.
  @inlinable public var first: Element? { _count == 0 ? nil : storage[head] }

  /// Appends at the back.
  @inlinable
  public mutating func push(_ e: Element) {
    if _count == storage.count { grow() }
    storage[tail] = e
    tail += 1
    if tail == storage.count { tail = 0 }
    _count += 1
  }

  /// Removes from the front.
  @inlinable
  public mutating func pop() -> Element? {
    guard _count > 0 else { return nil }
    let e = storage[head]
    storage[head] = nil
    head += 1
    if head == storage.count { head = 0 }
    _count -= 1
    return e
  }

  /// The elements from front to back (O(n); for inspection and tests).
  public var elements: [Element] {
    (0..<count).compactMap { storage[(head + $0) % storage.count] }
  }

  @usableFromInline mutating func grow() {
    var bigger = [Element?](repeating: nil, count: storage.count * 2)
    for i in 0..<count { bigger[i] = storage[(head + i) % storage.count] }
    storage = bigger
    head = 0
    tail = count
  }
}
