import Models
import SimKernel

/// A small recycling system for tests: two categories (a hazardous one with three yields and
/// a plain one), two districts, one centre with a dedicated and a mixed fleet.
func recyclingConfig(
  points extra: [CollectionPoint] = [], permitCap: Double? = nil, lineCapacity: Double = 2,
  parallelLines: Int = 1, rateScale: Double = 1, pointCapacity: Double? = nil,
  lotMass: Distribution = .lognormal(mean: 0.3, sd: 0.1)
) -> RecyclingConfig {
  let categories = [
    RecyclingCategory(
      name: "lead_acid", eprTarget: 0.7, captureCeiling: 0.9, lotMass: lotMass,
      fractions: [
        RecoveryFraction(name: "lead", yield: 0.63), RecoveryFraction(name: "acid", yield: 0.10),
        RecoveryFraction(name: "polypropylene", yield: 0.07),
      ]),
    RecyclingCategory(
      name: "packaging", eprTarget: 0.5, captureCeiling: 0.6, lotMass: lotMass,
      fractions: [RecoveryFraction(name: "paper", yield: 0.7)]),
  ]
  let districts = [
    RecyclingDistrict(name: "North", latitude: 39.10, longitude: 117.60, returnRate: [0.2 * rateScale, 0.3 * rateScale]),
    RecyclingDistrict(name: "South", latitude: 39.00, longitude: 117.65, returnRate: [0.1 * rateScale, 0.2 * rateScale]),
  ]
  let centre = RecyclingCentre(
    name: "C", latitude: 39.05, longitude: 117.55,
    lines: [
      ProcessingLine(
        category: 0, parallelLines: parallelLines, capacity: lineCapacity, batch: 1, permitCap: permitCap,
        planningThreshold: permitCap.map { $0 * 0.75 }, costPerTonne: 100),
      ProcessingLine(category: 1, capacity: 5, batch: 2),
    ],
    fleets: [
      CollectionFleet(name: "hazmat", vehicles: 2, capacity: 3, categories: [0], co2PerKm: 0.8, costPerKm: 5),
      CollectionFleet(name: "mixed", vehicles: 2, capacity: 5, categories: [0, 1], co2PerKm: 0.8, costPerKm: 5),
    ])
  let points =
    [
      CollectionPoint(
        name: "P1", kind: .dealer, latitude: 39.12, longitude: 117.62, categories: [0], centre: 0,
        collectionInterval: 72, pickupThreshold: 1.5, capacity: pointCapacity),
      CollectionPoint(
        name: "P2", kind: .community, latitude: 38.98, longitude: 117.67, categories: [0, 1], centre: 0,
        collectionInterval: 48, pickupThreshold: 3, capacity: pointCapacity),
    ] + extra
  return RecyclingConfig(
    categories: categories, districts: districts, centres: [centre], points: points,
    access: CaptureModel(distanceScaleKm: 5, halfFrequencyPerWeek: 0.5))
}

/// A whole run with recycling only.
func recyclingRun(_ config: RecyclingConfig, replications: Int = 10, days: Double = 120, warmupDays: Double = 10) -> ChainSimConfig {
  ChainSimConfig(
    name: "recycling-test",
    run: RunSettings(seed: 11, replications: replications, horizon: 24 * days, warmup: 24 * warmupDays, sampleInterval: 24),
    port: nil, recycling: config)
}

/// The recycling output of one replication.
func recyclingOutput(_ out: ReplicationOutput) -> SubsystemOutput {
  out.subsystems.first { $0.name == "recycling" }!
}

/// A recycling KPI's values (one per label) in one replication.
func recyclingKPI(_ out: ReplicationOutput, _ name: String) -> [Double] {
  recyclingOutput(out).kpis.first { $0.info.name == name }!.values
}
