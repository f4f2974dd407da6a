import Testing

@testable import SimKernel

@Suite struct LinkedIndexQueueTests {
  /// The entities of `q` from first to last.
  func order(_ q: LinkedIndexQueue, _ links: [Int32]) -> [Int32] { Array(q.elements(links: links)) }

  @Test func pushBackAndPopFrontAreFIFO() {
    var links = [Int32](repeating: 7, count: 5)
    var q = LinkedIndexQueue()
    #expect(q.isEmpty && q.first == nil && q.last == nil)
    for e: Int32 in [3, 0, 4] { q.pushBack(e, links: &links) }
    #expect(order(q, links) == [3, 0, 4])
    #expect(q.first == 3 && q.last == 4)
    check(q.popFront(links: &links) == 3)
    #expect(links[3] == -1, "a popped entity's link is reset")
    check(q.popFront(links: &links) == 0)
    check(q.popFront(links: &links) == 4)
    check(q.popFront(links: &links) == nil)
    #expect(q.isEmpty && q.tail == -1)
  }

  @Test func pushFrontReversesAndKeepsTheTail() {
    var links = [Int32](repeating: -1, count: 4)
    var q = LinkedIndexQueue()
    for e: Int32 in [0, 1, 2] { q.pushFront(e, links: &links) }
    #expect(order(q, links) == [2, 1, 0])
    #expect(q.last == 0)
    q.pushBack(3, links: &links)
    #expect(order(q, links) == [2, 1, 0, 3])
  }

  @Test func insertByKeyKeepsKeyOrderAndArrivalOrderAmongEqualKeys() {
    let key: [Double] = [5, 1, 3, 3, 9, 0, 3]
    var links = [Int32](repeating: -1, count: key.count)
    var q = LinkedIndexQueue()
    for e: Int32 in [0, 1, 2, 3, 4, 5, 6] { q.insert(e, orderedBy: key, links: &links) }
    // Keys 0, 1, 3, 3, 3, 5, 9; the three 3s in the order they came (2, 3, 6).
    #expect(order(q, links) == [5, 1, 2, 3, 6, 0, 4])
    #expect(q.first == 5 && q.last == 4)
  }

  @Test func removeWhileWalkingFixesHeadAndTail() {
    var links = [Int32](repeating: -1, count: 6)
    var q = LinkedIndexQueue()
    for e: Int32 in 0..<6 { q.pushBack(e, links: &links) }
    // Remove the even entities in one walk, keeping the predecessor as a train loading does.
    var previous: Int32 = -1
    var e = q.head
    while e >= 0 {
      let next = links[Int(e)]
      if e % 2 == 0 { q.remove(e, after: previous, links: &links) } else { previous = e }
      e = next
    }
    #expect(order(q, links) == [1, 3, 5])
    q.remove(5, after: 3, links: &links)
    #expect(q.last == 3, "removing the last entity moves the tail to its predecessor")
    q.pushBack(4, links: &links)
    #expect(order(q, links) == [1, 3, 4])
    q.remove(1, after: -1, links: &links)
    q.remove(3, after: -1, links: &links)
    q.remove(4, after: -1, links: &links)
    #expect(q.isEmpty && q.tail == -1)
  }

  @Test func appendMovesAnotherQueueToTheBack() {
    var links = [Int32](repeating: -1, count: 5)
    var a = LinkedIndexQueue(), b = LinkedIndexQueue()
    a.append(contentsOf: &b, links: &links)
    #expect(a.isEmpty, "appending an empty queue changes nothing")
    b.pushBack(3, links: &links)
    b.pushBack(4, links: &links)
    a.append(contentsOf: &b, links: &links)
    #expect(order(a, links) == [3, 4] && b.isEmpty, "an empty queue takes the other's entities")
    b.pushBack(0, links: &links)
    b.pushBack(1, links: &links)
    a.append(contentsOf: &b, links: &links)
    #expect(order(a, links) == [3, 4, 0, 1] && a.last == 1 && b.isEmpty)
  }

  @Test func queuesShareOneLinksArray() {
    var links = [Int32](repeating: -1, count: 6)
    var queues = [LinkedIndexQueue](repeating: LinkedIndexQueue(), count: 2)
    for e: Int32 in 0..<6 { queues[Int(e) % 2].pushBack(e, links: &links) }
    #expect(order(queues[0], links) == [0, 2, 4])
    #expect(order(queues[1], links) == [1, 3, 5])
    while let e = queues[0].popFront(links: &links) { queues[1].pushFront(e, links: &links) }
    #expect(order(queues[1], links) == [4, 2, 0, 1, 3, 5])
  }
}
