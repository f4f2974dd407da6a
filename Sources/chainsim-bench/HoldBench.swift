import ArgumentParser
import SimKernel

/// The classic hold model: pop the next event, schedule one a random exponential time later,
/// with a constant number of pending events.
struct HoldBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hold", abstract: "Hold model: pop one event, schedule one exp(1) later.")

  @Option(help: "Pending events (constant during the run).") var pending = 1_000
  @Option(help: "Events to execute (approximately: the run stops at events/pending time units).")
  var events = 10_000_000
  @Option(help: "simulation (Simulation loop + handler) or calendar (EventCalendar only).")
  var mode = "simulation"
  @Option(help: "Master seed.") var seed: UInt64 = 1

  func run() throws {
    let stream = RandomStream(seed: seed, replication: 0, subsystem: "bench", purpose: "hold")
    let horizon = Double(events) / Double(pending)
    var executed = 0
    var seconds = 0.0
    switch mode {
    case "simulation":
      let sim = Simulation(sampleInterval: horizon, horizon: horizon)
      let model = HoldModel(simulation: sim, stream: stream)
      for _ in 0..<pending { sim.schedule(after: stream.exponential(mean: 1), HoldModel.tag, kind: 1) }
      seconds = timed { sim.run(until: horizon) }
      executed = sim.eventCount
      withExtendedLifetime(model) {}
    case "calendar":
      var calendar = EventCalendar(reservingCapacity: pending)
      for _ in 0..<pending { calendar.schedule(at: stream.exponential(mean: 1), subsystem: HoldModel.tag, kind: 1) }
      seconds = timed {
        while let e = calendar.pop(), e.time <= horizon {
          executed += 1
          calendar.schedule(at: e.time + stream.exponential(mean: 1), subsystem: HoldModel.tag, kind: 1)
        }
      }
    default:
      throw ValidationError("--mode must be simulation or calendar")
    }
    var r = BenchReport()
    r.add("benchmark", "hold")
    r.add("mode", mode)
    r.add("pending", pending)
    r.add("entities", executed)
    r.add("events", executed)
    r.add("seconds", seconds)
    print(r.json)
  }
}

/// The hold model's handler: every event schedules its successor.
final class HoldModel: EventHandler {
  static let tag = SubsystemID(rawValue: 1)
  unowned(unsafe) let sim: Simulation
  let stream: RandomStream

  init(simulation: Simulation, stream: RandomStream) {
    sim = simulation
    self.stream = stream
    simulation.register(self, for: Self.tag)
  }

  func handle(_ event: Event) {
    sim.schedule(after: stream.exponential(mean: 1), Self.tag, kind: 1)
  }

  func warmupEnded(at time: SimTime) {}
}
