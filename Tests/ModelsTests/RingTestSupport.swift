import Models
import SimKernel

/// A small ring for tests: two categories, one base, one hub, one destination, a junction
/// with a truck-entry window; constant 20 °C unless told otherwise; orders met from hub stock
/// only unless told otherwise.
func ringConfig(
  coverage: Double = 1, recordLoss: Double = 0, ambient: Double = 20, precool: Double = 0.5,
  reefers: Int = 2, trucks: Int = 2, failure: Double = 0.05, traces: Bool = false,
  baseDispatch: BaseDispatch = .never
) -> RingConfig {
  let categories = [
    RingCategory(
      name: "leafy", shelfLife: 12 * 24, threshold: 0.5, coldTemperature: 1,
      lotMass: .uniform(min: 2, max: 4), orderSize: .uniform(min: 1, max: 3)),
    RingCategory(
      name: "fruit", shelfLife: 21 * 24, threshold: 0.5, coldTemperature: 2,
      lotMass: .uniform(min: 2, max: 4), orderSize: .uniform(min: 1, max: 3)),
  ]
  let bands = [
    TemperatureBand(upper: 10, q10: 3), TemperatureBand(upper: 20, q10: 2.5),
    TemperatureBand(upper: 30, q10: 2), TemperatureBand(upper: 40, q10: 1.5),
  ]
  let roads = RoadDescription(
    profiles: [NamedSpeedProfile(name: "road", startHours: [0, 7, 9], speeds: [60, 30, 50])],
    junctions: [RoadSite(name: "Gate", latitude: 39.70, longitude: 116.50)],
    links: [
      RoadLinkSpec(from: "Base", to: "Hub"), RoadLinkSpec(from: "Hub", to: "Gate"),
      RoadLinkSpec(from: "Gate", to: "Market", entryWindow: EntryWindow(start: 23, end: 6)),
    ])
  return RingConfig(
    categories: categories, bands: bands, ambient: AmbientProfile(mean: ambient), roads: roads,
    bases: [
      RingBase(
        name: "Base", latitude: 39.40, longitude: 117.00, hub: 0, harvestRate: [60 / 12, 30 / 12],
        tracingCoverage: coverage, precoolingShare: precool)
    ],
    hubs: [RingHub(name: "Hub", latitude: 39.50, longitude: 116.80)],
    destinations: [RingDestination(name: "Market", latitude: 39.82, longitude: 116.37, dailyDemand: [55, 28])],
    fleets: [
      RingFleet(
        name: "base reefers", kind: .reefer, home: 0, homeIsHub: false, vehicles: reefers, capacity: 10,
        failureProbability: failure, excursionDuration: .constant(2), co2PerKm: 1, costPerKm: 5),
      RingFleet(name: "base trucks", kind: .ambient, home: 0, homeIsHub: false, vehicles: trucks, capacity: 10),
      RingFleet(name: "hub reefers", kind: .reefer, home: 0, homeIsHub: true, vehicles: 4, capacity: 5, entryPermit: true),
      RingFleet(name: "hub trucks", kind: .ambient, home: 0, homeIsHub: true, vehicles: 2, capacity: 5),
    ],
    baseDispatch: baseDispatch, recordLoss: recordLoss, recordTraces: traces)
}

/// A whole run with the ring only.
func ringRun(_ config: RingConfig, replications: Int = 2, days: Double = 20, warmupDays: Double = 2) -> ChainSimConfig {
  ChainSimConfig(
    name: "ring-test",
    run: RunSettings(seed: 7, replications: replications, horizon: 24 * days, warmup: 24 * warmupDays, sampleInterval: 24),
    port: nil, ring: config)
}

/// A ring KPI's values (one per label) in one replication.
func ringKPI(_ out: ReplicationOutput, _ name: String) -> [Double] {
  out.subsystems.first { $0.name == "ring" }!.kpis.first { $0.info.name == name }!.values
}
