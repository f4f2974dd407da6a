import Testing

@testable import SimKernel

/// `Simulation.run(until:reportingTo:)`: the simulated time reached is readable while the
/// run goes on, and following a run does not change its trajectory (Issue 17).
@Suite struct SimulatedTimeGaugeTests {
  /// An event every `gap` hours that records what the gauge says when it runs.
  final class Ticker: EventHandler {
    let sim: Simulation
    let gauge: SimulatedTimeGauge
    let gap: SimTime
    var seen: [SimTime] = []
    init(_ sim: Simulation, gauge: SimulatedTimeGauge, gap: SimTime) {
      self.sim = sim
      self.gauge = gauge
      self.gap = gap
      sim.register(self, for: SubsystemID(rawValue: 1))
      sim.schedule(after: gap, SubsystemID(rawValue: 1), kind: 1)
    }
    func handle(_ event: Event) {
      seen.append(gauge.hours)
      sim.schedule(after: gap, SubsystemID(rawValue: 1), kind: 1)
    }
    func warmupEnded(at time: SimTime) {}
  }

  @Test func theGaugeAdvancesDayByDayWhileTheRunGoesOn() {
    let sim = Simulation(sampleInterval: 24, horizon: 24 * 30)
    let gauge = SimulatedTimeGauge()
    let ticker = Ticker(sim, gauge: gauge, gap: 5)
    #expect(gauge.hours == 0)
    sim.run(until: 24 * 30, reportingTo: gauge)
    // Seen from inside the run: the last whole day reached, rising before the run ends.
    #expect(ticker.seen.first == 0)
    #expect(zip(ticker.seen, ticker.seen.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(Set(ticker.seen).count == 30, "one step per simulated day: \(Set(ticker.seen).sorted())")
    #expect(ticker.seen.last == Optional(SimTime(24 * 29)))
    #expect(gauge.hours == SimTime(24 * 30))
  }

  @Test func followingARunKeepsItsTrajectory() {
    func run(_ gauge: SimulatedTimeGauge?) -> (UInt64, Int) {
      let sim = Simulation(sampleInterval: 24, horizon: 1_000)
      let ticker = Ticker(sim, gauge: SimulatedTimeGauge(), gap: 7.25)
      _ = ticker
      sim.run(until: 1_000, reportingTo: gauge, every: 3)
      return (sim.fingerprint.value, sim.eventCount)
    }
    let plain = run(nil)
    #expect(run(SimulatedTimeGauge()) == plain)
    #expect(plain.1 == 137)
  }
}
