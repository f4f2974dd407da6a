import Foundation
import Models
import Scenario
import SimKernel
import Testing

/// The shipped recycling variants against the baseline, under common random numbers: the
/// paired 95% interval of each effect excludes zero, in the expected direction.
@Suite struct RecyclingVariantTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The scenario's recycling section alone (port, rail and ring are left out to keep the test fast;
  /// streams are per subsystem, so this does not change recycling's random numbers).
  func load(_ file: String, replications: Int = 8, days: Double = 120) throws -> ChainSimConfig {
    let resolved = try ScenarioLoader(schema: ChainSimSchema.root).load(path: Self.root.appendingPathComponent(file).path)
    var config = try ChainSimConfig(root: resolved.root, name: resolved.name)
    config.port = nil
    config.rail = nil
    config.ring = nil
    config.run.replications = replications
    config.run.horizon = 24 * days
    return config
  }

  func runs(_ config: ChainSimConfig) -> [ReplicationOutput] {
    (0..<config.run.replications).map { Replication.run(config, index: $0) }
  }

  func kpis(_ runs: [ReplicationOutput], _ name: String, label: Int = 0) -> [Double] {
    runs.map { recyclingKPI($0, name)[label] }
  }

  @Test func expandCentreRaisesLeadAcidCollectionAndCutsCentreBacklog() throws {
    let baseConfig = try load("scenarios/tianjin-2024.yaml")
    let lead = try #require(baseConfig.recycling?.categories.firstIndex { $0.name == "lead_acid" })
    let base = runs(baseConfig)
    let variant = runs(try load("scenarios/variants/expand-centre.yaml"))
    let rate = try PairedComparison(
      base: kpis(base, "collection_rate", label: lead), variant: kpis(variant, "collection_rate", label: lead))
    let backlog = try PairedComparison(
      base: kpis(base, "backlog_at_centres_total_mean"), variant: kpis(variant, "backlog_at_centres_total_mean"))
    print(
      "check expand-centre: lead-acid collection rate \(rate.meanDifference) ± \(rate.halfWidth); centre backlog \(backlog.meanDifference) ± \(backlog.halfWidth) t"
    )
    #expect(rate.meanDifference - rate.halfWidth > 0, "more line capacity raises the lead-acid collection rate")
    #expect(backlog.meanDifference + backlog.halfWidth < 0, "and lowers the backlog at the centres")
  }

  @Test func moreCollectionPointsRaiseTheCollectionRate() throws {
    let base = runs(try load("scenarios/tianjin-2024.yaml"))
    let variant = runs(try load("scenarios/variants/more-collection-points.yaml"))
    let rate = try PairedComparison(base: kpis(base, "collection_rate_total"), variant: kpis(variant, "collection_rate_total"))
    let backlog = try PairedComparison(
      base: kpis(base, "backlog_at_points_total_mean"), variant: kpis(variant, "backlog_at_points_total_mean"))
    print(
      "check more-collection-points: collection rate \(rate.meanDifference) ± \(rate.halfWidth); backlog at points \(backlog.meanDifference) ± \(backlog.halfWidth) t"
    )
    #expect(rate.meanDifference - rate.halfWidth > 0, "denser points raise the formal collection rate")
    #expect(backlog.meanDifference - backlog.halfWidth > 0, "more formal tonnes wait at the (more) points")
    // Common random numbers: the same lots arise in both.
    #expect(kpis(base, "generated") == kpis(variant, "generated"))
  }
}
