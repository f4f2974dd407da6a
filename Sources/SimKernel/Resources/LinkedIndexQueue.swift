/// An intrusive list of entity indices (boxes in a yard queue, lots at a base, batches on a
/// load list): the queue holds only its first and last index, and each entity's successor
/// lives in a `links` array kept beside the entity table (one slot per entity, −1 after the
/// last). An entity is in at most one list of a `links` array at a time; many queues (one per
/// terminal, corridor or base) share one array. No operation allocates.
///
/// Every mutating operation takes the `links` array `inout`; a read-only walk uses
/// ``elements(links:)`` or follows ``first`` and `links[i]` itself (−1 ends the list).
public struct LinkedIndexQueue: Sendable, Equatable {
  /// The first entity, −1 when empty.
  @inlinable public var head: Int32 { _head }
  @usableFromInline var _head: Int32 = -1
  /// The last entity, −1 when empty.
  @inlinable public var tail: Int32 { _tail }
  @usableFromInline var _tail: Int32 = -1

  /// An empty queue.
  @inlinable public init() {}

  @inlinable public var isEmpty: Bool { _head < 0 }
  /// The first entity, if any.
  @inlinable public var first: Int32? { _head < 0 ? nil : _head }
  /// The last entity, if any.
  @inlinable public var last: Int32? { _tail < 0 ? nil : _tail }

  /// Appends `entity` at the back.
  @inlinable
  public mutating func pushBack(_ entity: Int32, links: inout [Int32]) {
    links[Int(entity)] = -1
    if _tail >= 0 { links[Int(_tail)] = entity } else { _head = entity }
    _tail = entity
  }

  /// Puts `entity` at the front.
  @inlinable
  public mutating func pushFront(_ entity: Int32, links: inout [Int32]) {
    links[Int(entity)] = _head
    _head = entity
    if _tail < 0 { _tail = entity }
  }

  /// Removes and returns the first entity (its link is reset to −1).
  @inlinable
  public mutating func popFront(links: inout [Int32]) -> Int32? {
    guard _head >= 0 else { return nil }
    let e = _head
    _head = links[Int(e)]
    if _head < 0 { _tail = -1 }
    links[Int(e)] = -1
    return e
  }

  /// Inserts `entity` after the last entity whose key is not greater than its own (before
  /// the first when every key is greater): in a queue kept in key order this keeps the order,
  /// and entities with equal keys stay in arrival order. Looks at the first and last entity
  /// before walking, so arrivals in key order cost O(1).
  @inlinable
  public mutating func insert(_ entity: Int32, orderedBy key: [Double], links: inout [Int32]) {
    let k = key[Int(entity)]
    if _head >= 0 && key[Int(_head)] > k {
      pushFront(entity, links: &links)
      return
    }
    if _tail >= 0 && key[Int(_tail)] > k {
      var p = _head
      while links[Int(p)] >= 0 && key[Int(links[Int(p)])] <= k { p = links[Int(p)] }
      links[Int(entity)] = links[Int(p)]
      links[Int(p)] = entity
      return
    }
    pushBack(entity, links: &links)
  }

  /// Removes `entity`, whose predecessor in this queue is `previous` (−1 when `entity` is
  /// first), as a walk that keeps the previous entity does; its link is reset to −1.
  @inlinable
  public mutating func remove(_ entity: Int32, after previous: Int32, links: inout [Int32]) {
    let next = links[Int(entity)]
    if previous >= 0 { links[Int(previous)] = next } else { _head = next }
    if _tail == entity { _tail = previous }
    links[Int(entity)] = -1
  }

  /// Moves every entity of `other` to the back of this queue, in order; `other` is left empty.
  @inlinable
  public mutating func append(contentsOf other: inout LinkedIndexQueue, links: inout [Int32]) {
    guard other._head >= 0 else { return }
    if _tail >= 0 { links[Int(_tail)] = other._head } else { _head = other._head }
    _tail = other._tail
    other = LinkedIndexQueue()
  }

  /// The entities from first to last, for a walk that does not change the list.
  @inlinable
  public func elements(links: [Int32]) -> Elements { Elements(start: _head, links: links) }

  /// The entities of a queue from first to last (holds the `links` array: change no list of
  /// it while walking, or the array is copied).
  public struct Elements: Sequence, IteratorProtocol {
    @usableFromInline var current: Int32
    @usableFromInline let links: [Int32]

    @inlinable init(start: Int32, links: [Int32]) {
      current = start
      self.links = links
    }

    @inlinable
    public mutating func next() -> Int32? {
      guard current >= 0 else { return nil }
      let e = current
      current = links[Int(e)]
      return e
    }
  }
}
