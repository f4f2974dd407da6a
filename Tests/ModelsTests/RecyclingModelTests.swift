import Models
import SimKernel
import Testing

@Suite struct RecyclingModelTests {
  @Test func yieldsSplitProcessedTonnesExactly() throws {
    let out = Replication.run(recyclingRun(recyclingConfig()), index: 0)
    let processed = recyclingKPI(out, "processed")
    let recovered = recyclingKPI(out, "recovered")
    let residue = recyclingKPI(out, "residue")
    #expect(recovered.count == 4, "lead, acid, polypropylene, paper")
    #expect(processed[0] > 10 && processed[1] > 10)
    // lead-acid: 0.63 / 0.10 / 0.07 of processed, residue 0.20 (CAL §4)
    #expect(abs(recovered[0] - 0.63 * processed[0]) <= 1e-9 * processed[0])
    #expect(abs(recovered[1] - 0.10 * processed[0]) <= 1e-9 * processed[0])
    #expect(abs(recovered[2] - 0.07 * processed[0]) <= 1e-9 * processed[0])
    #expect(abs(residue[0] - 0.20 * processed[0]) <= 1e-9 * processed[0])
    #expect(abs(recovered[3] + residue[1] - processed[1]) <= 1e-9 * processed[1])
    #expect(abs(residue[1] - 0.30 * processed[1]) <= 1e-9 * processed[1])
  }

  @Test func tonnageFlowBalanceHoldsInEveryRun() {
    let configs = [recyclingConfig(), recyclingConfig(permitCap: 2, lineCapacity: 0.1, rateScale: 3, pointCapacity: 2)]
    for config in configs {
      for i in 0..<3 {
        let checks = recyclingOutput(Replication.run(recyclingRun(config, days: 60), index: i)).checks
        #expect(checks.count == 4)
        for check in checks {
          #expect(check.passed, "\(check.name): \(check.entered) ≠ \(check.left) + \(check.remained)")
        }
        #expect(checks[0].entered > 0 && checks[1].entered > 0 && checks[2].entered > 0)
      }
    }
  }

  /// A heavily overloaded hazardous line with a small permit: collection keeps arriving,
  /// the store never holds more than the cap, nothing is dropped, pickups are deferred.
  @Test func permitCapIsNeverExceededAndNothingIsDropped() {
    let cap = 2.0
    let config = recyclingConfig(permitCap: cap, lineCapacity: 0.05, rateScale: 4)
    let run = recyclingRun(config, replications: 1, days: 60, warmupDays: 0)
    let out = Replication.run(run, index: 0)
    let r = recyclingOutput(out)
    let onSite = r.series.first { $0.info.name == "storage_on_site" }!
    let stores = onSite.info.width
    for t in 0..<(onSite.values.count / stores) {
      #expect(onSite.values[t * stores] <= cap + 1e-9, "sample \(t): \(onSite.values[t * stores]) t on site")
    }
    #expect(recyclingKPI(out, "storage_on_site_max")[0] <= cap + 1e-9)
    #expect(recyclingKPI(out, "storage_on_site_max")[0] > cap * 0.5, "the cap is actually reached")
    #expect(recyclingKPI(out, "deferred_pickups")[0] > 0, "collection waits for room")
    #expect(recyclingKPI(out, "threshold_exceedances")[0] > 0)
    #expect(recyclingKPI(out, "turned_away") == [0, 0], "points without a capacity limit drop nothing")
    for check in r.checks { #expect(check.passed, "\(check.name)") }
    // Nothing dropped: what was not processed is still at the points, on vehicles or stored.
    let generated = recyclingKPI(out, "generated").reduce(0, +)
    let leaked = recyclingKPI(out, "leaked").reduce(0, +)
    let backlog = r.series.first { $0.info.name == "backlog_at_points" }!
    let last = backlog.values.suffix(2).reduce(0, +)
    #expect(last > 1, "returns wait at the points while the hazardous store is full")
    #expect(generated > leaked)
  }

  /// More points never lower the formal collection rate: with the same seed every lot
  /// draws the same uniform number, and its capture probability can only rise.
  @Test func morePointsNeverLowerTheCollectionRate() {
    let near = CollectionPoint(
      name: "P3", kind: .retailTakeBack, latitude: 39.10, longitude: 117.61, categories: [0, 1],
      centre: 0, collectionInterval: 24, pickupThreshold: 2)
    let nearer = CollectionPoint(
      name: "P4", kind: .community, latitude: 39.001, longitude: 117.651, categories: [1],
      centre: 0, collectionInterval: 48, pickupThreshold: 2)
    let networks = [
      recyclingConfig(lotMass: .constant(0.25)),
      recyclingConfig(points: [near], lotMass: .constant(0.25)),
      recyclingConfig(points: [near, nearer], lotMass: .constant(0.25)),
    ]
    for i in 0..<3 {
      let rates = networks.map { recyclingKPI(Replication.run(recyclingRun($0, days: 60), index: i), "collection_rate") }
      for n in 1..<rates.count {
        for c in 0..<2 { #expect(rates[n][c] >= rates[n - 1][c], "replication \(i), network \(n), category \(c)") }
      }
      #expect(rates[2][1] > rates[0][1])
    }
    // The access model itself is monotone in distance and frequency.
    let m = CaptureModel(distanceScaleKm: 5, halfFrequencyPerWeek: 0.5)
    #expect(
      m.captureProbability(ceiling: 0.9, distanceKm: 1, collectionsPerWeek: 1)
        > m.captureProbability(ceiling: 0.9, distanceKm: 3, collectionsPerWeek: 1))
    #expect(
      m.captureProbability(ceiling: 0.9, distanceKm: 1, collectionsPerWeek: 3)
        > m.captureProbability(ceiling: 0.9, distanceKm: 1, collectionsPerWeek: 1))
    #expect(m.captureProbability(ceiling: 0.9, distanceKm: .infinity, collectionsPerWeek: 1) == 0)
  }

  @Test func vehiclesBookKilometresEmissionsAndCostIntoTheSharedAccounts() {
    let out = Replication.run(recyclingRun(recyclingConfig(), replications: 1, days: 30, warmupDays: 0), index: 0)
    let km = recyclingKPI(out, "vehicle_km")[0]
    #expect(km > 0)
    let accounts = out.subsystems.first { $0.name == "accounts" }!
    let co2 = accounts.kpis.first { $0.info.name == "co2_by_source" }!
    #expect(co2.info.axis?.labels == ["recycling.collection_vehicles"])
    #expect(abs(co2.values[0] - 0.8 * km) <= 1e-9 * km)
    let cost = accounts.kpis.first { $0.info.name == "cost_by_category" }!
    #expect(cost.info.axis?.labels == ["recycling.collection", "recycling.processing"])
    #expect(abs(cost.values[0] - 5 * km) <= 1e-9 * km)
    #expect(cost.values[1] > 0)
  }
}
