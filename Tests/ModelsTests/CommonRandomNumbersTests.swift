import Models
import SimKernel
import Testing

@Suite struct CommonRandomNumbersTests {
  /// Two terminals, weekly services with jitter plus a random-arrival class; cranes 2..4.
  func port(productivity: Double) -> ChainSimConfig {
    let terminals = [
      TerminalConfig(
        name: "A", berths: 3, cranes: 9, minCranesPerVessel: 2, maxCranesPerVessel: 4,
        craneProductivity: .normal(mean: productivity, sd: 3, min: 10, max: nil)),
      TerminalConfig(
        name: "B", berths: 2, cranes: 5, minCranesPerVessel: 1, maxCranesPerVessel: 3,
        craneProductivity: .triangular(min: productivity - 5, mode: productivity, max: productivity + 5)),
    ]
    let services = [
      VesselServiceConfig(
        name: "AE1", terminal: 0, arrivals: .weekly(callsPerWeek: 7, jitter: .normal(mean: 0, sd: 6, min: nil, max: nil)),
        moves: .lognormal(mean: 1800, sd: 600)),
      VesselServiceConfig(
        name: "AE2", terminal: 0, arrivals: .weekly(callsPerWeek: 5, jitter: .exponential(mean: 4)),
        moves: .uniform(min: 1000, max: 2500)),
      VesselServiceConfig(
        name: "feeder", terminal: 1, arrivals: .random(interarrival: .exponential(mean: 9)),
        moves: .gamma(shape: 4, scale: 150)),
    ]
    return ChainSimConfig(
      name: "crn", run: RunSettings(seed: 7, replications: 12, horizon: 24 * 120, warmup: 24 * 14, sampleInterval: 24),
      port: PortConfig(terminals: terminals, services: services))
  }

  @Test func variantSeesSameArrivalsAndPairingNarrowsTheInterval() throws {
    let base = (0..<12).map { Replication.run(port(productivity: 25), index: $0) }
    let variant = (0..<12).map { Replication.run(port(productivity: 28), index: $0) }
    func series(_ o: ReplicationOutput, _ name: String) -> [Double] {
      o.subsystems[0].series.first { $0.info.name == name }!.values
    }
    for (b, v) in zip(base, variant) {
      #expect(series(b, "vessel_arrivals") == series(v, "vessel_arrivals"), "same vessels arrive at the same times")
      #expect(kpi(b, "vessel_calls") == kpi(v, "vessel_calls"))
      #expect(b.fingerprint != v.fingerprint, "service differs, so the trajectory differs")
    }
    let w0 = base.map { kpi($0, "wait_for_berth_mean") }
    let w1 = variant.map { kpi($0, "wait_for_berth_mean") }
    let paired = try PairedComparison(base: w0, variant: w1)
    let welch = try WelchComparison(base: w0, variant: w1)
    print(
      "check CRN: paired wait difference \(paired.meanDifference) ± \(paired.halfWidth) h; unpaired ± \(welch.halfWidth) h; correlation \(paired.correlation ?? .nan)"
    )
    #expect(paired.meanDifference < 0, "faster cranes shorten the wait")
    #expect(paired.halfWidth < welch.halfWidth, "pairing under common random numbers narrows the interval")
  }

  @Test func sameSeedSameOutputAndOtherSeedOther() {
    let a = Replication.run(port(productivity: 25), index: 3)
    let b = Replication.run(port(productivity: 25), index: 3)
    let c = Replication.run(port(productivity: 25), index: 4)
    #expect(a == b)
    #expect(a.fingerprint != c.fingerprint)
  }

  @Test func flowBalanceHoldsInEveryReplication() {
    for i in 0..<4 {
      let out = Replication.run(port(productivity: 20), index: i)
      for check in out.subsystems[0].checks {
        #expect(check.passed, "\(check.name): \(check.entered) ≠ \(check.left) + \(check.remained)")
        #expect(check.entered > 0)
      }
    }
  }
}
