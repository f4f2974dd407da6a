import Scenario

/// The keys of the `recycling` section: the one source from which the loader validates, the
/// config reads its defaults, and the JSON Schema and key reference are generated.
public enum RecyclingSchema {
  /// The most centres and collection points together: the network links every pair of sites
  /// and keeps a path per pair, so memory grows with the square of this (1,000 sites: about
  /// 10⁶ links).
  public static let maxSites = 1_000

  static let latitude = Field.number("latitude", min: -90, max: 90, doc: "Latitude in degrees (WGS84)")
  static let longitude = Field.number("longitude", min: -180, max: 180, doc: "Longitude in degrees (WGS84)")

  static let fraction = Schema([
    .fraction(
      "yield", doc: "Tonnes of this material recovered per tonne processed (the yields of a category sum to at most 1; the rest is residue)"
    )
  ])

  static let category = Schema([
    .fraction("epr_target", doc: "EPR collection-rate target the formal collection rate is reported against"),
    .fraction(
      "capture_ceiling", default: "100%", doc: "Share of lots returned formally with perfect access (a point at the door, collected often)"),
    .distribution("lot_mass", of: .mass, doc: "Mass of one returned lot, drawn when it is created (e.g. lognormal(mean: 0.5t, sd: 0.2t))"),
    .namedList("recovery", fraction, doc: "Recovered material fractions and their yields"),
  ])

  static let districtReturn = Schema([
    .rate(
      "rate", default: .optional, doc: "End-of-life returns in tonnes per unit time, e.g. 12 t/d (give this, or stock_in_use and lifetime)"),
    .number(
      "stock_in_use", unit: .mass, default: .optional, min: 0,
      doc: "Tonnes in use in the district; returns = stock_in_use ÷ lifetime (steady state)"),
    .duration("lifetime", default: .optional, min: 1e-9, doc: "Mean service life of the products (with stock_in_use)"),
  ])

  static let district = Schema([
    latitude, longitude,
    .namedList("returns", districtReturn, doc: "Returns per category: each entry is named after a category"),
  ])

  static let line = Schema([
    .count("parallel_lines", default: 1, min: 1, doc: "Identical sorting/processing lines working in parallel"),
    .rate("capacity", doc: "Tonnes per hour of one line, e.g. 0.5 t/h"),
    .number("batch", unit: .mass, default: "1t", min: 1e-9, doc: "Most tonnes a line takes from the store at once"),
    .number(
      "permit_cap", unit: .mass, default: .optional, min: 0,
      doc: "Permit limit on tonnes on site (stored + in process), never exceeded: collection of the category waits"),
    .number(
      "planning_threshold", unit: .mass, default: .optional, min: 0,
      doc: "Planning threshold on tonnes on site; exceedances are counted as a KPI"),
    .number("cost_per_tonne", default: 0, min: 0, doc: "Processing cost in CNY per tonne"),
    .duration("shift_start", default: "0h", max: 24, doc: "Time of day the lines' daily shift starts"),
    .duration(
      "working_hours", default: "24h", min: 1e-6, max: 24,
      doc: "Length of the daily shift: lines start batches only within it (24h: around the clock)"),
  ])

  static let fleet = Schema([
    .count("vehicles", min: 0, max: maxResourceCount, doc: "Collection vehicles in the fleet (at most 10,000: each is tracked)"),
    .number("capacity", unit: .mass, min: 1e-9, doc: "Payload of one vehicle"),
    .list("categories", of: .string, doc: "Categories it carries: one = dedicated; several = mixed loads, filled in category order"),
    .number("co2_per_km", default: 0, min: 0, doc: "kg CO₂ per vehicle-km"),
    .number("cost_per_km", default: 0, min: 0, doc: "CNY per vehicle-km"),
    .duration("loading_time", default: "20min", doc: "Time spent loading at a point"),
  ])

  static let centre = Schema([
    latitude, longitude,
    .namedList("lines", line, doc: "Processing per category: each entry is named after a category"),
    .namedList("fleets", fleet, doc: "Collection vehicles based at the centre"),
  ])

  static let point = Schema([
    .choice("kind", CollectionPointKind.allCases.map(\.rawValue), doc: "retail_take_back, dealer or community"),
    latitude, longitude,
    .string("centre", doc: "Name of the centre that collects from it"),
    .list("categories", of: .string, doc: "Categories it accepts"),
    .duration(
      "collection_interval", default: "7d", min: 1e-6,
      doc: "Time between scheduled collections (also its collection frequency in the access model)"),
    .number(
      "pickup_threshold", unit: .mass, default: .optional, min: 1e-9,
      doc: "Stock that calls a vehicle before the schedule (unset: schedule only)"),
    .number(
      "capacity", unit: .mass, default: .optional, min: 0,
      doc: "Tonnes it can hold; a formal return that does not fit leaks to the informal sector (unset: unlimited)"),
  ])

  /// The `recycling` section.
  public static let schema = Schema([
    .bool("enabled", default: true, doc: "Simulate recycling (false, or no recycling section: leave it out of the run)"),
    .number("detour_factor", default: 1.3, min: 1, max: 10, doc: "Road km per great-circle km between sites (1 to 10)"),
    .list("speed_start_hours", of: .number(.duration), default: "[0h]", doc: "Start of each speed interval of the day (first 0h)"),
    .list(
      "speed_kmh", of: .number(.none), default: "[40]", min: 0.1, max: 1000, doc: "Vehicle speed in km/h in each interval (0.1 to 1,000)"),
    .number(
      "access_distance_scale", unit: .distance, default: "5km", min: 1e-9,
      doc: "D₀ of the access model: capture falls by e over this road distance to the nearest point"),
    .rate(
      "access_half_frequency", default: "0.5/week",
      doc: "f½ of the access model: collection frequency at which its frequency factor is one half"),
    .namedList("categories", category, doc: "Product categories under EPR (e.g. weee, elv, lead_acid, packaging)"),
    .namedList("districts", district, doc: "Districts where products reach end of life"),
    .namedList("centres", centre, doc: "Sorting and processing centres"),
    .namedList(
      "collection_points", point,
      doc: "Collection points: retail take-back, dealers, community points (at most 1,000 centres and points together)"),
  ])
}
