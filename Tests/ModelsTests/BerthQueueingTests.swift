import Models
import SimKernel
import Testing

/// The berth core configured as a textbook queue: one terminal whose berths are the servers,
/// one crane per vessel with a constant productivity, so that a vessel's handling time is
/// its moves ÷ 1000 (moves drawn with mean 1000, so rounding to whole moves is negligible).
func berthQueue(servers c: Int, arrivalRate lambda: Double, moves: Distribution, horizon: Double, warmup: Double, replications: Int = 10)
  -> ChainSimConfig
{
  let terminal = TerminalConfig(
    name: "T", berths: c, cranes: c, minCranesPerVessel: 1, maxCranesPerVessel: 1,
    craneProductivity: .constant(1000))
  let service = VesselServiceConfig(name: "S", terminal: 0, arrivals: .random(interarrival: .exponential(mean: 1 / lambda)), moves: moves)
  return ChainSimConfig(
    name: "queue",
    run: RunSettings(seed: 20_241_129, replications: replications, horizon: horizon, warmup: warmup, sampleInterval: horizon / 10),
    port: PortConfig(terminals: [terminal], services: [service]))
}

/// The per-replication value of a scalar port KPI.
func kpi(_ out: ReplicationOutput, _ name: String, label: Int = 0) -> Double {
  out.subsystems.first { $0.name == "port" }!.kpis.first { $0.info.name == name }!.values[label]
}

/// Runs the replications and returns each one's output.
func runAll(_ config: ChainSimConfig) -> [ReplicationOutput] {
  (0..<config.run.replications).map { Replication.run(config, index: $0) }
}

@Suite struct BerthQueueingTests {
  /// Mean wait for a berth against Erlang C. The tolerance is the 99% confidence interval of
  /// the replication means (independent replications, warm-up deleted), not a fixed guess.
  @Test(arguments: [(1, 0.5), (3, 1.5), (3, 2.4), (3, 2.7)])
  func mmcWaitMatchesErlangC(servers: Int, lambda: Double) throws {
    let rho = lambda / Double(servers)
    // Longer runs at higher load, where the waiting time's autocorrelation is longer.
    let horizon = rho >= 0.85 ? 40_000.0 : 4_000.0
    let config = berthQueue(servers: servers, arrivalRate: lambda, moves: .exponential(mean: 1000), horizon: horizon, warmup: horizon / 10)
    let waits = runAll(config).map { kpi($0, "wait_for_berth_mean") }
    let ci = try ConfidenceInterval(samples: waits, level: 0.99)
    let exact = QueueingFormulas.mmcMeanWait(arrivalRate: lambda, serviceRate: 1, servers: servers)
    print(
      "check M/M/\(servers) rho=\(rho): Erlang C Wq=\(exact) h; simulated \(ci.mean) ± \(ci.halfWidth) h (99% CI, \(waits.count) replications)"
    )
    #expect(ci.contains(exact), "M/M/\(servers) rho=\(rho): Wq exact \(exact), simulated \(ci.mean) ± \(ci.halfWidth)")
    // The interval must be informative, not so wide that any answer passes.
    #expect(ci.halfWidth < 0.15 * exact + 0.01)
  }

  /// M/G/1 with Erlang-2 service against Pollaczek–Khinchine.
  @Test(arguments: [0.5, 0.8, 0.9])
  func mg1WaitMatchesPollaczekKhinchine(rho: Double) throws {
    let horizon = rho >= 0.85 ? 16_000.0 : 6_000.0
    let config = berthQueue(servers: 1, arrivalRate: rho, moves: .erlang(k: 2, mean: 1000), horizon: horizon, warmup: horizon / 10)
    let waits = runAll(config).map { kpi($0, "wait_for_berth_mean") }
    let ci = try ConfidenceInterval(samples: waits, level: 0.99)
    let exact = QueueingFormulas.mg1MeanWait(arrivalRate: rho, serviceMean: 1, serviceSCV: 0.5)
    print(
      "check M/E2/1 rho=\(rho): Pollaczek-Khinchine Wq=\(exact) h; simulated \(ci.mean) ± \(ci.halfWidth) h (99% CI, \(waits.count) replications)"
    )
    #expect(ci.contains(exact), "M/E2/1 rho=\(rho): Wq exact \(exact), simulated \(ci.mean) ± \(ci.halfWidth)")
    #expect(ci.halfWidth < 0.2 * exact)
  }

  /// Little's law on the anchorage: time-average vessels at anchor = arrival rate × mean wait.
  /// Tested as a paired difference per replication whose 99% interval must contain zero.
  @Test func littlesLawOnAnchorage() throws {
    let horizon = 6_000.0, warmup = 600.0
    let config = berthQueue(servers: 2, arrivalRate: 1.6, moves: .exponential(mean: 1000), horizon: horizon, warmup: warmup)
    let outs = runAll(config)
    let differences = outs.map { o -> Double in
      let lambda = kpi(o, "vessel_calls") / (horizon - warmup)
      return kpi(o, "vessels_at_anchor_mean") - lambda * kpi(o, "wait_for_berth_mean")
    }
    let ci = try ConfidenceInterval(samples: differences, level: 0.99)
    print("check Little's law on the anchorage: L - λW = \(ci.mean) ± \(ci.halfWidth) (99% CI)")
    #expect(ci.contains(0), "L - λW = \(ci.mean) ± \(ci.halfWidth)")
    #expect(ci.halfWidth < 0.05)
  }
}
