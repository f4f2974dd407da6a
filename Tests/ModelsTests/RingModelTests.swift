import Foundation
import Models
import SimKernel
import Testing

@Suite struct RingModelTests {
  @Test func tonnageBalanceHoldsInEveryRun() {
    for config in [ringConfig(), ringConfig(ambient: 32, precool: 0, reefers: 0, trucks: 3, failure: 0),
                   ringConfig(reefers: 1, trucks: 0, failure: 0.5)] {
      for r in 0..<2 {
        let out = Replication.run(ringRun(config, days: 12), index: r)
        let ring = out.subsystems.first { $0.name == "ring" }!
        let check = ring.checks.first { $0.name == "tonnage_balance" }!
        #expect(check.passed, "entered \(check.entered) left \(check.left) remained \(check.remained)")
        #expect(check.entered > 0 && check.left > 0)
      }
    }
  }

  @Test func fullCoverageGivesCompleteTraces() {
    let out = Replication.run(ringRun(ringConfig(coverage: 1, recordLoss: 0)), index: 0)
    #expect(ringKPI(out, "trace_completeness_total")[0] == 1)
  }

  @Test func halfCoverageGivesAboutHalf() {
    let out = Replication.run(ringRun(ringConfig(coverage: 0.5), days: 30), index: 0)
    let completeness = ringKPI(out, "trace_completeness_total")[0]
    // Tagging is decided per harvested lot (a lot's parts share its tag): n lots over the KPI
    // window, binomial standard error √(0.25/n); lots vary in mass, so allow 4 standard errors.
    let lots = ringKPI(out, "harvested").reduce(0, +) / 3
    let tolerance = 4 * (0.25 / lots).squareRoot()
    #expect(abs(completeness - 0.5) < tolerance, "completeness \(completeness), tolerance \(tolerance) over ~\(Int(lots)) lots")
  }

  @Test func warmWeatherWithoutColdChainSpoilsMore() {
    let cold = Replication.run(ringRun(ringConfig(ambient: 30, precool: 1, reefers: 4, trucks: 0, failure: 0), days: 15), index: 0)
    let warm = Replication.run(ringRun(ringConfig(ambient: 30, precool: 0, reefers: 0, trucks: 4, failure: 0), days: 15), index: 0)
    #expect(ringKPI(cold, "quality_at_delivery")[0] > ringKPI(warm, "quality_at_delivery")[0])
    #expect(ringKPI(cold, "cold_chain_coverage")[0] == 1)
    #expect(ringKPI(warm, "cold_chain_coverage")[0] == 0)
  }

  @Test func importsFromThePortReachTheHub() {
    var config = ringConfig()
    config.portSupply = PortFoodSupply(latitude: 38.98, longitude: 117.75, reeferShare: 0.5, tonnesPerTEU: 10, hub: 0,
                                       categoryShares: [0, 1])
    config.roads.links.append(RoadLinkSpec(from: "Tianjin Port", to: "Hub"))
    let sim = Simulation(sampleInterval: 24, horizon: 240)
    let context = ModelContext(simulation: sim, seed: 1, replication: 0, accounts: SharedAccounts(simulation: sim))
    let model = RingModel(config: config, context: context)
    model.start()
    model.importLeftByRoad(teu: 4, terminal: 0, at: 0)
    sim.run(until: 240)
    let out = model.finish(at: 240)
    #expect(out.kpis.first { $0.info.name == "imported" }!.values == [0, 20])
    #expect(out.checks.allSatisfy { $0.passed })
  }
}
