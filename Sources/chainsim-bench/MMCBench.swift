import ArgumentParser
import SimKernel

/// M/M/c on the kernel as a model would write it: one handler, the kernel's ``Resource`` for
/// the servers and the waiting line, customers in recycled slots of plain arrays.
struct MMCBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mmc", abstract: "M/M/c queue (default M/M/3, λ = 2.7/h, μ = 1/h per server).")

  @Option(help: "Customers to serve.") var customers = 5_000_000
  @Option(help: "Arrival rate per hour.") var lambda = 2.7
  @Option(help: "Service rate per hour per server.") var mu = 1.0
  @Option(help: "Servers.") var servers = 3
  @Option(help: "Master seed.") var seed: UInt64 = 1

  func run() throws {
    let sim = Simulation(sampleInterval: 1e15, horizon: 1e15)
    let model = MMCModel(simulation: sim, seed: seed, lambda: lambda, mu: mu, servers: servers, customers: customers)
    model.start()
    let seconds = timed { sim.run(until: .infinity) }
    let wq = QueueingFormulas.mmcMeanWait(arrivalRate: lambda, serviceRate: mu, servers: servers)
    var r = BenchReport()
    r.add("benchmark", "mmc")
    r.add("entities", model.served)
    r.add("events", sim.eventCount)
    r.add("seconds", seconds)
    r.add("mean_wait", model.waitSum / Double(model.served))
    r.add("erlang_c_wait", wq)
    r.add("peak_in_system", model.arrivalTime.count)
    print(r.json)
  }
}

/// The M/M/c handler: arrivals seize a server or queue; departures free it for the next.
final class MMCModel: EventHandler {
  static let tag = SubsystemID(rawValue: 1)
  enum Kind: UInt8 {
    case arrival = 1
    case departure = 2
  }

  unowned(unsafe) let sim: Simulation
  /// The simulation's clock and calendar as a plain value for the hot path.
  let scheduler: Scheduler
  let arrivals: RandomStream
  let services: RandomStream
  /// The streams' generators as plain values for the hot path (the streams above keep them alive).
  let arrivalDraws: RandomDraws
  let serviceDraws: RandomDraws
  let meanInterarrival: Double
  let meanService: Double
  let target: Int
  var servers: Resource
  /// Arrival time per customer slot; slots are recycled, so memory follows the queue.
  var arrivalTime: [SimTime] = []
  var freeSlots: [Int32] = []
  var arrived = 0
  var served = 0
  var waitSum = 0.0

  init(simulation: Simulation, seed: UInt64, lambda: Double, mu: Double, servers c: Int, customers: Int) {
    sim = simulation
    scheduler = simulation.scheduler
    arrivals = RandomStream(seed: seed, replication: 0, subsystem: "mmc", purpose: "arrivals")
    services = RandomStream(seed: seed, replication: 0, subsystem: "mmc", purpose: "services")
    arrivalDraws = arrivals.draws
    serviceDraws = services.draws
    meanInterarrival = 1 / lambda
    meanService = 1 / mu
    target = customers
    servers = Resource(capacity: c)
    simulation.register(self, for: Self.tag)
  }

  func start() {
    sim.schedule(
      after: arrivals.exponential(mean: meanInterarrival), Self.tag, kind: Kind.arrival.rawValue,
      priority: .arrival)
  }

  func handle(_ event: Event) {
    let now = scheduler.now
    if event.kind == Kind.arrival.rawValue {
      arrived += 1
      if arrived < target {
        scheduler.schedule(
          after: arrivalDraws.exponential(mean: meanInterarrival), Self.tag, kind: Kind.arrival.rawValue,
          priority: .arrival)
      }
      let c: Int32
      if let s = freeSlots.popLast() {
        c = s
        arrivalTime[Int(s)] = now
      } else {
        c = Int32(arrivalTime.count)
        arrivalTime.append(now)
      }
      if servers.request(c, at: now) { startService(c, at: now) }
    } else {
      freeSlots.append(event.entity)
      servers.release(at: now)
      if let next = servers.startNext(at: now) { startService(next, at: now) }
    }
  }

  private func startService(_ c: Int32, at now: SimTime) {
    waitSum += now - arrivalTime[Int(c)]
    served += 1
    scheduler.schedule(
      after: serviceDraws.exponential(mean: meanService), Self.tag, kind: Kind.departure.rawValue,
      entity: c, priority: .release)
  }

  func warmupEnded(at time: SimTime) {}
}
