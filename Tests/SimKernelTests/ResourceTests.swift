import Testing

@testable import SimKernel

@Suite struct ResourceTests {
  @Test func fifoQueueAndUtilisation() {
    var r = Resource(capacity: 2)
    check(r.request(0, at: 0))
    check(r.request(1, at: 0))
    check(!r.request(2, at: 1))
    check(!r.request(3, at: 2))
    check(r.startNext(at: 2) == nil, "no server free yet")
    r.release(at: 4)
    check(r.startNext(at: 4) == 2)
    r.release(at: 6)
    check(r.startNext(at: 6) == 3)
    r.release(at: 8); r.release(at: 10)
    // busy: 2 on [0,8), 1 on [8,10) -> 18/20 of 2 servers over [0,10]
    #expect(abs(r.utilisation(until: 10) - 18.0 / 20.0) < 1e-12)
    // queue: 1 on [1,2), 2 on [2,4), 1 on [4,6) -> 7 over 10
    #expect(abs(r.queueLevel.mean(until: 10) - 0.7) < 1e-12)
  }

  @Test func priorityQueueServesLowestFirstThenFIFO() {
    var r = Resource(capacity: 1, discipline: .priority)
    check(r.request(0, at: 0))
    check(!r.request(1, priority: 5, at: 0))
    check(!r.request(2, priority: 1, at: 0))
    check(!r.request(3, priority: 5, at: 0))
    check(!r.request(4, priority: 1, at: 0))
    var order: [Int32] = []
    for _ in 0..<4 {
      r.release(at: 1)
      if let e = r.startNext(at: 1) { order.append(e) }
    }
    #expect(order == [2, 4, 1, 3])
  }

  @Test func capacityReductionDoesNotPreempt() {
    var r = Resource(capacity: 2)
    check(r.request(0, at: 0)); check(r.request(1, at: 0))
    r.setCapacity(1, at: 1)
    #expect(r.busy == 2)
    check(!r.request(2, at: 1))
    r.release(at: 2)
    check(r.startNext(at: 2) == nil, "still at capacity 1 with one busy")
    r.release(at: 3)
    check(r.startNext(at: 3) == 2)
  }

  @Test func storeBlocksAndAdmitsInOrder() {
    var s = Store(capacity: 10)
    check(s.put(6, for: 0, at: 0))
    check(!s.put(5, for: 1, at: 0))
    check(!s.put(1, for: 2, at: 0), "a later small put waits behind the blocked one (FIFO)")
    check(s.admitNext(at: 1) == nil)
    check(s.take(2, at: 1) == 2)
    check(s.admitNext(at: 1) == .put(1))
    check(s.admitNext(at: 1) == .put(2), "the small put fits exactly once the big one is in")
    check(s.admitNext(at: 1) == nil)
    #expect(s.level == 10)
    check(s.take(4, at: 2) == 4)
    #expect(s.level == 6)
    #expect(s.totalIn - s.totalOut == s.level)
  }

  @Test func storeReservesAheadOfWaitingPutsAndRecordsOnArrival() {
    var s = Store(capacity: 10)
    check(s.put(8, for: 0, at: 0))
    check(!s.put(4, for: 1, at: 1), "the put does not fit")
    check(s.reserve(2), "a reservation that fits does not queue behind the waiting put")
    #expect(s.level == 10 && s.levelStat.current == 8, "reserved room counts in the level, not yet in the statistic")
    check(!s.reserve(1))
    s.waitToReserve(1, for: 2)
    s.receiveReserved(at: 2)
    #expect(s.levelStat.current == 10 && s.levelStat.mean(until: 2) == 8, "8 TEU held from 0 to 2: the reservation shows from its arrival")
    s.remove(5, at: 3)
    check(s.admitNext(at: 3) == .put(1))
    check(s.admitNext(at: 3) == .reservation(2), "waiting puts and reservations are admitted in order")
    #expect(s.level == 10 && s.levelStat.current == 9, "an admitted reservation is not yet in the statistic")
    check(s.admitNext(at: 3) == nil)
    #expect(s.waitingCount == 0)
  }

  @Test func storeRemoveIsExactWhereTakeClamps() {
    var s = Store(capacity: 1)
    check(s.put(0.1, for: 0, at: 0))
    check(s.put(0.2, for: 1, at: 0))
    s.remove(0.3, at: 1)
    #expect(s.level == 0.1 + 0.2 - 0.3, "the level is what the amounts leave, not clamped at zero")
    var t = Store(capacity: 1)
    check(t.put(0.5, for: 0, at: 0))
    check(t.take(2, at: 1) == 0.5)
    #expect(t.level == 0)
  }

  @Test func storeFitsByLevelPlusAmount() {
    var s = Store(capacity: 1)
    check(s.put(0.9, for: 0, at: 0))
    // 0.9 + 0.1 ≤ 1 holds in floating point, 0.1 ≤ 1 − 0.9 does not: the store says it fits.
    #expect(s.fits(0.1) && s.room < 0.1)
    check(s.put(0.1, for: 1, at: 0))
  }

  @Test func ringBufferGrowsKeepingOrder() {
    var q = RingBuffer<Int>(capacity: 2)
    for i in 0..<5 { q.push(i) }
    check(q.pop() == 0)
    for i in 5..<9 { q.push(i) }
    #expect(q.elements == Array(1..<9))
  }
}

@Suite struct CapacityScheduleTests {
  let gate = CapacitySchedule(
    period: 24, steps: [.init(offset: 8, capacity: 6), .init(offset: 20, capacity: 2)],
    closures: [30..<33])

  @Test func repeatsDaily() {
    #expect(gate.capacity(at: 0) == 2)
    #expect(gate.capacity(at: 8) == 6)
    #expect(gate.capacity(at: 19.9) == 6)
    #expect(gate.capacity(at: 20) == 2)
    #expect(gate.capacity(at: 24 + 7) == 0, "closed 30..33")
    #expect(gate.capacity(at: 33) == 6)
    #expect(gate.capacity(at: 48 + 9) == 6)
  }

  @Test func nextChangeVisitsEveryBoundary() {
    var t = 0.0
    var seen: [Double] = []
    while let n = gate.nextChange(after: t), n < 50 { seen.append(n); t = n }
    #expect(seen == [8, 20, 32, 30, 33, 44].sorted())
    #expect(abs(gate.meanCapacity - (2 * 8 + 6 * 12 + 2 * 4) / 24) < 1e-12)
  }
}

@Suite struct SimulationLoopTests {
  final class Counter: EventHandler {
    var log: [(Double, Int32)] = []
    var warm: Double = -1
    unowned let sim: Simulation
    init(_ sim: Simulation) { self.sim = sim }
    func handle(_ event: Event) {
      log.append((event.time, event.entity))
      if event.entity < 5 { sim.schedule(after: 1, SubsystemID(rawValue: 1), kind: 1, entity: event.entity + 1) }
    }
    func warmupEnded(at time: SimTime) { warm = time }
  }

  @Test func runsToHorizonWithSamplerAndWarmup() {
    let sim = Simulation(sampleInterval: 2, horizon: 4.5, warmup: 1.5)
    let c = Counter(sim)
    sim.register(c, for: SubsystemID(rawValue: 1))
    sim.sampler.register(subsystem: "x", MetricInfo(name: "n", longName: "events seen", units: "1")) { _ in Double(c.log.count) }
    sim.schedule(at: 0, SubsystemID(rawValue: 1), kind: 1, entity: 0)
    sim.run(until: 4.5)
    #expect(c.log.map(\.0) == [0, 1, 2, 3, 4])
    #expect(c.warm == 1.5)
    #expect(sim.now == 4.5)
    // Samples at 0, 2, 4 are taken after same-time events (observe priority).
    #expect(sim.sampler.series(of: "x").first?.values == [1, 3, 5])
  }

  @Test func fingerprintDependsOnTrajectory() {
    func run(_ delay: Double) -> UInt64 {
      let sim = Simulation(sampleInterval: 1, horizon: 10)
      let c = Counter(sim)
      sim.register(c, for: SubsystemID(rawValue: 1))
      sim.schedule(at: delay, SubsystemID(rawValue: 1), kind: 1)
      sim.run(until: 10)
      return sim.fingerprint.value
    }
    #expect(run(0) == run(0))
    #expect(run(0) != run(0.5))
  }
}
