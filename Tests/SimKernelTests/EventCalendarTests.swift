import Testing

@testable import SimKernel

@Suite struct EventCalendarTests {
  @Test func popsInTimeOrder() {
    var c = EventCalendar()
    for t in [5.0, 1.0, 3.0, 2.0, 4.0] { c.schedule(at: t, subsystem: SubsystemID(rawValue: 1), kind: 1) }
    var times: [Double] = []
    while let e = c.pop() { times.append(e.time) }
    #expect(times == [1, 2, 3, 4, 5])
  }

  @Test func equalTimesAreFIFO() {
    var c = EventCalendar()
    for i in 0..<100 { c.schedule(at: 7, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: Int32(i)) }
    var order: [Int32] = []
    while let e = c.pop() { order.append(e.entity) }
    #expect(order == (0..<100).map(Int32.init))
  }

  @Test func priorityBreaksTiesBeforeSequence() {
    var c = EventCalendar()
    c.schedule(at: 1, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 1, priority: .arrival)
    c.schedule(at: 1, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 2, priority: .release)
    c.schedule(at: 1, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 3, priority: .normal)
    check([c.pop(), c.pop(), c.pop()].map { $0?.entity } == [2, 3, 1])
  }

  @Test func cancelAndStaleHandles() {
    var c = EventCalendar()
    let a = c.schedule(at: 1, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 1)
    let b = c.schedule(at: 2, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 2)
    check(c.cancel(a))
    check(!c.cancel(a), "a cancelled handle is stale")
    check(c.pop()?.entity == 2)
    // b's slot is reused by a new event; the old handle must not touch it.
    let d = c.schedule(at: 3, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 4)
    check(!c.cancel(b))
    #expect(c.isPending(d))
    check(c.pop()?.entity == 4)
  }

  @Test func rescheduleMovesEventAndKeepsHandle() {
    var c = EventCalendar()
    let a = c.schedule(at: 10, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 1)
    c.schedule(at: 5, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 2)
    check(c.reschedule(a, to: 1))
    check(c.pop()?.entity == 1)
    check(!c.reschedule(a, to: 3), "a handle whose event ran is stale")
    check(c.pop()?.entity == 2)
  }

  /// Random schedule/cancel/reschedule/pop sequences against a sorted reference model.
  @Test(arguments: 0..<20) func matchesReferenceModel(seed: Int) {
    let rng = RandomStream(seed: UInt64(seed), replication: 0, subsystem: "test", purpose: "calendar")
    var c = EventCalendar()
    var reference: [(time: Double, seq: Int, entity: Int32, handle: EventHandle)] = []
    var seq = 0
    var now = 0.0
    for step in 0..<2_000 {
      let r = rng.uniform()
      if r < 0.5 || reference.isEmpty {
        let t = now + (rng.uniform() * 10).rounded()  // coarse times make ties common
        let h = c.schedule(at: t, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: Int32(step))
        reference.append((t, seq, Int32(step), h)); seq += 1
      } else if r < 0.65 {
        let i = rng.index(below: reference.count)
        check(c.cancel(reference[i].handle))
        reference.remove(at: i)
      } else if r < 0.75 {
        let i = rng.index(below: reference.count)
        let t = now + (rng.uniform() * 10).rounded()
        check(c.reschedule(reference[i].handle, to: t))
        reference[i].time = t; reference[i].seq = seq; seq += 1
      } else {
        reference.sort { ($0.time, $0.seq) < ($1.time, $1.seq) }
        let want = reference.removeFirst()
        let got = c.pop()
        #expect(got?.entity == want.entity)
        now = want.time
      }
      #expect(c.count == reference.count)
    }
    #expect(c.checkInvariants())
  }
}
