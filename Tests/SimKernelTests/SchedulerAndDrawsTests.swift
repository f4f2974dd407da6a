import Testing

@testable import SimKernel

/// The hot-path value views schedule and draw exactly as the simulation and the stream do.
@Suite struct SchedulerAndDrawsTests {
  @Test func drawsMatchTheirStream() {
    let a = RandomStream(seed: 9, replication: 2, subsystem: "test", purpose: "draws")
    let b = RandomStream(seed: 9, replication: 2, subsystem: "test", purpose: "draws")
    let draws = b.draws
    for i in 0..<1000 {
      if i % 2 == 0 {
        #expect(a.exponential(mean: 3) == draws.exponential(mean: 3))
      } else {
        #expect(a.uniform() == draws.uniform())
      }
    }
    // The view shares the stream's state: drawing through either advances both.
    _ = draws.uniform()
    _ = a.uniform()
    #expect(a.uniform() == b.uniform())
  }

  final class Recorder: EventHandler {
    var seen: [(SimTime, Int32)] = []
    unowned(unsafe) let sim: Simulation
    init(_ sim: Simulation) { self.sim = sim }
    func handle(_ event: Event) { seen.append((sim.now, event.entity)) }
    func warmupEnded(at time: SimTime) {}
  }

  @Test func schedulerAndSimulationShareOneCalendar() {
    let sim = Simulation(sampleInterval: 1e9, horizon: 100)
    let recorder = Recorder(sim)
    let tag = SubsystemID(rawValue: 1)
    sim.register(recorder, for: tag)
    let scheduler = sim.scheduler
    // Interleaved through both paths, with ties at the same time kept in FIFO order.
    sim.schedule(at: 5, tag, kind: 1, entity: 1)
    scheduler.schedule(at: 5, tag, kind: 1, entity: 2)
    scheduler.schedule(after: 2, tag, kind: 1, entity: 3)
    let cancelled = scheduler.schedule(at: 7, tag, kind: 1, entity: 4)
    let moved = sim.schedule(at: 9, tag, kind: 1, entity: 5)
    #expect(scheduler.cancel(cancelled))
    #expect(scheduler.reschedule(moved, to: 1))
    #expect(sim.calendar.count == 4)
    sim.run(until: 100)
    #expect(recorder.seen.map(\.1) == [5, 3, 1, 2])
    #expect(recorder.seen.map(\.0) == [1, 2, 5, 5])
    #expect(scheduler.now == 100)
  }
}
