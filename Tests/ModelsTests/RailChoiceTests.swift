import SimKernel
import Testing

@testable import Models

/// Mode choice: the rail share responds to the subsidy and the timetable, never the wrong way.
@Suite struct RailChoiceTests {
  /// 300 imports spread over three corridors of different lengths (rail cheap far away,
  /// trucks cheap nearby), offered at the same times in every run.
  static let boxes: [ScriptedBox] = (0..<300).map { i in
    ScriptedBox(at: Double(i) * 0.7, isImport: true, teu: 2, time: Double(i) * 0.7 + 1)
  }
  static let corridors = [
    railCorridor(name: "Near", share: 0.4, railKm: 150, roadKm: 140),
    railCorridor(name: "Middle", share: 0.3, railKm: 400, roadKm: 380),
    railCorridor(name: "Far", share: 0.3, railKm: 900, roadKm: 850),
  ]

  func railShare(subsidy: Double, scale: Double) -> Double {
    let h = RailHarness(railConfig(Self.corridors, scale: scale, subsidy: subsidy, terminalCNY: 1500), boxes: Self.boxes, horizon: 24 * 12)
    return h.kpi("rail_share_of_laden")[0]
  }

  @Test func raisingTheSubsidyNeverLowersTheRailShareDeterministic() {
    let subsidies = stride(from: 0.0, through: 3000, by: 250).map { $0 }
    let shares = subsidies.map { railShare(subsidy: $0, scale: 0) }
    for i in 1..<shares.count { #expect(shares[i] >= shares[i - 1], "subsidy \(subsidies[i]): \(shares[i]) < \(shares[i - 1])") }
    #expect(shares.first! < 0.5 && shares.last! == 1, "\(shares)")
    #expect(Set(shares).count >= 3, "the share moves in steps as corridors switch: \(shares)")
  }

  /// With a logit choice and the same seed (common random numbers) the share is monotone too.
  @Test func raisingTheSubsidyNeverLowersTheRailShareLogit() {
    let shares = stride(from: 0.0, through: 1500, by: 150).map { railShare(subsidy: $0, scale: 250) }
    for i in 1..<shares.count { #expect(shares[i] >= shares[i - 1], "\(shares)") }
    #expect(shares.last! > shares.first!)
  }

  @Test func moreDeparturesRaiseTheRailProbability() {
    let config = railConfig(Self.corridors, scale: 300, terminalCNY: 1500)
    var corridor = Self.corridors[1]
    let once = RailModel.railProbability(corridor, config)
    corridor.timetable = .evenly(4, every: 24)
    let four = RailModel.railProbability(corridor, config)
    #expect(four > once)
    let gc = RailModel.generalisedCosts(corridor, config)
    // Rail: 400 km × 1 + 1500 terminal + 20 CNY/h × (1 h handling + 3 h half-headway + 5 h transit).
    #expect(abs(gc.rail - (400 + 1500 + 20 * 9)) < 1e-9)
    // Truck: 380 km × 7 CNY ÷ 2 TEU + 20 CNY/h × 380 km ÷ 60 km/h.
    #expect(abs(gc.truck - (380 * 3.5 + 20 * 380.0 / 60)) < 1e-9)
  }
}
