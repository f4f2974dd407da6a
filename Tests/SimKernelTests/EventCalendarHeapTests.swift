import Testing

@testable import SimKernel

/// The 4-ary indexed heap of ``EventCalendar`` against a sorted reference model, with
/// priorities, coarse times (many ties), cancel, reschedule and slot reuse, at sizes where
/// the heap has several levels.
@Suite struct EventCalendarHeapTests {
  struct Ref {
    var time: Double
    var priority: Int8
    var seq: Int
    var entity: Int32
    var handle: EventHandle
    func before(_ o: Ref) -> Bool { (time, Int(priority), seq) < (o.time, Int(o.priority), o.seq) }
  }

  static let priorities: [EventPriority] = [.kernelFirst, .release, .normal, .arrival, .observe]

  @Test(arguments: [(1, 50), (2, 400), (3, 3_000)])
  func matchesSortedReference(seed: Int, size: Int) {
    let rng = RandomStream(seed: UInt64(seed), replication: 0, subsystem: "test", purpose: "heap")
    var c = EventCalendar(reservingCapacity: 4)
    var ref: [Ref] = []
    var seq = 0
    var now = 0.0
    var stale: [EventHandle] = []
    func add(_ step: Int) {
      let t = now + (rng.uniform() * 20).rounded()
      let p = Self.priorities[rng.index(below: Self.priorities.count)]
      let h = c.schedule(
        at: t, subsystem: SubsystemID(rawValue: UInt8(1 + step % 3)), kind: UInt8(step % 7),
        entity: Int32(step), priority: p)
      ref.append(Ref(time: t, priority: p.rawValue, seq: seq, entity: Int32(step), handle: h))
      seq += 1
    }
    for step in 0..<size { add(step) }
    for step in size..<(size + 6 * size) {
      let r = rng.uniform()
      if r < 0.35 || ref.isEmpty {
        add(step)
      } else if r < 0.5 {
        let i = rng.index(below: ref.count)
        check(c.cancel(ref[i].handle))
        stale.append(ref[i].handle)
        ref.remove(at: i)
      } else if r < 0.62 {
        let i = rng.index(below: ref.count)
        let t = now + (rng.uniform() * 20).rounded()
        check(c.reschedule(ref[i].handle, to: t))
        ref[i].time = t
        ref[i].seq = seq
        seq += 1
      } else if r < 0.64, let h = stale.last {
        check(!c.cancel(h), "a stale handle cancels nothing")
        check(!c.reschedule(h, to: now), "a stale handle reschedules nothing")
      } else {
        let i = ref.indices.min { ref[$0].before(ref[$1]) }!
        let want = ref.remove(at: i)
        #expect(c.first?.entity == want.entity)
        guard let got = c.pop() else {
          Issue.record("calendar empty, reference has \(ref.count + 1)")
          return
        }
        #expect(got.entity == want.entity && got.time == want.time && got.priority.rawValue == want.priority)
        #expect(got.handle == want.handle)
        #expect(!c.isPending(got.handle))
        stale.append(got.handle)
        now = want.time
      }
      #expect(c.count == ref.count)
    }
    #expect(c.checkInvariants())
    // Drain: the rest comes out in (time, priority, sequence) order.
    ref.sort { $0.before($1) }
    var drained: [Int32] = []
    while let e = c.pop() { drained.append(e.entity) }
    #expect(drained == ref.map(\.entity))
  }

  @Test func popNotAfterStopsAtTheHorizon() {
    var c = EventCalendar()
    for t in [3.0, 1.0, 2.0, 5.0] { c.schedule(at: t, subsystem: SubsystemID(rawValue: 1), kind: 1) }
    var times: [Double] = []
    while let e = c.pop(notAfter: 3) { times.append(e.time) }
    #expect(times == [1, 2, 3])
    #expect(c.count == 1 && c.first?.time == 5)
    #expect(c.pop(notAfter: .nan) == nil)
  }

  @Test func eventCarriesEverythingItWasScheduledWith() {
    var c = EventCalendar()
    let h = c.schedule(at: 4.5, subsystem: SubsystemID(rawValue: 9), kind: 200, entity: -7, priority: .observe)
    let e = c.pop()
    #expect(
      e
        == Event(
          time: 4.5, sequence: 0, entity: -7, handle: h, subsystem: SubsystemID(rawValue: 9),
          kind: 200, priority: .observe))
  }

  @Test func extremePrioritiesOrderBeforeSequence() {
    var c = EventCalendar()
    c.schedule(at: 1, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 1, priority: EventPriority(rawValue: 127))
    c.schedule(at: 1, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 2, priority: EventPriority(rawValue: -128))
    c.schedule(at: 1, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 3, priority: EventPriority(rawValue: 0))
    c.schedule(at: 1, subsystem: SubsystemID(rawValue: 1), kind: 1, entity: 4, priority: EventPriority(rawValue: -128))
    check([c.pop(), c.pop(), c.pop(), c.pop()].map { $0?.entity } == [2, 4, 3, 1])
  }
}

/// The loop's dispatch table: each tag reaches its own handler, warm-up reaches all in tag order.
@Suite struct SimulationDispatchTests {
  final class Log { var lines: [String] = [] }
  final class Recorder: EventHandler {
    let name: String
    let log: Log
    init(_ name: String, _ log: Log) {
      self.name = name
      self.log = log
    }
    func handle(_ event: Event) { log.lines.append("\(name):\(event.kind)@\(event.time)") }
    func warmupEnded(at time: SimTime) { log.lines.append("\(name):warmup@\(time)") }
  }

  @Test func eventsReachTheirSubsystemAndWarmupGoesInTagOrder() {
    let sim = Simulation(sampleInterval: 10, horizon: 10, warmup: 2)
    let log = Log()
    // Registered out of tag order, and not kept by the test: the simulation owns them.
    sim.register(Recorder("b", log), for: SubsystemID(rawValue: 7))
    sim.register(Recorder("a", log), for: SubsystemID(rawValue: 3))
    sim.schedule(at: 1, SubsystemID(rawValue: 7), kind: 5)
    sim.schedule(at: 3, SubsystemID(rawValue: 3), kind: 6)
    sim.schedule(at: 11, SubsystemID(rawValue: 3), kind: 9)
    sim.run(until: 10)
    #expect(log.lines == ["b:5@1.0", "a:warmup@2.0", "b:warmup@2.0", "a:6@3.0"])
    #expect(sim.eventCount == 3)  // two model events and the warm-up
    #expect(sim.now == 10)
    #expect(sim.calendar.count == 1)
  }
}

/// The calendar is a value: a copy keeps its events when the original changes (its buffers
/// are shared copy-on-write), and it grows past its initial capacity.
@Suite struct EventCalendarValueTests {
  @Test func copiesAreIndependent() {
    var a = EventCalendar(reservingCapacity: 4)
    var handles: [EventHandle] = []
    for i in 0..<50 { handles.append(a.schedule(at: Double(50 - i), subsystem: SubsystemID(rawValue: 1), kind: 1, entity: Int32(i))) }
    let snapshot = a
    let cancelled = a.cancel(handles[10])
    let moved = a.reschedule(handles[20], to: 0.5)
    let popped = a.pop()
    #expect(cancelled && moved && popped?.entity == 20)
    var b = snapshot
    #expect(b.count == 50 && a.count == 48)
    #expect(b.isPending(handles[10]) && !a.isPending(handles[10]))
    var times: [SimTime] = []
    while let e = b.pop() { times.append(e.time) }
    #expect(times == (1...50).map(Double.init))
    #expect(a.checkInvariants() && b.checkInvariants())
    #expect(snapshot.count == 50, "the snapshot itself is untouched")
  }
}
