import Scenario

/// The keys of the `ring` section: the one source from which the loader validates, the
/// config reads its defaults, and the JSON Schema and key reference are generated.
public enum RingSchema {
  /// The most road nodes (hubs, bases, destinations, the port and junctions): a route is kept
  /// for every pair of nodes, so memory grows with the square of this.
  public static let maxRoadNodes = 2_000

  static let latitude = Field.number("latitude", min: -90, max: 90, doc: "Latitude in degrees (WGS84)")
  static let longitude = Field.number("longitude", min: -180, max: 180, doc: "Longitude in degrees (WGS84)")

  static let band = Schema([
    .number("upper", min: 0, doc: "Upper limit of the band in °C (bands ascend from 0 °C; the last also applies above)"),
    .number("q10", min: 1, doc: "Q10 of the decay rate inside the band (rate × Q10 per 10 °C)"),
  ])

  static let ambient = Schema([
    .number("mean", default: 12.5, doc: "Annual mean outdoor temperature in °C"),
    .number("seasonal_amplitude", default: 0, min: 0, doc: "Half the difference between the warmest and coldest month (°C)"),
    .number("warmest_day", default: 200, min: 1, max: 366, doc: "Day of the year of the warmest mean temperature"),
    .number("daily_amplitude", default: 0, min: 0, doc: "Half the daily temperature range (°C)"),
    .duration("warmest_hour", default: "15h", max: 24, doc: "Hour of the day of the daily maximum"),
    .number("start_day", default: 1, min: 1, max: 366, doc: "Day of the year at simulation time 0 (1 = 1 January)"),
  ])

  static let profile = Schema([
    .list("start_hours", of: .number(.duration), default: "[0h]", doc: "Start of each speed interval of the day (first 0h)"),
    .list("speed_kmh", of: .number(.none), min: 0.1, max: 1000, doc: "Truck speed in km/h in each interval (0.1 to 1,000)"),
  ])

  static let junction = Schema([latitude, longitude])

  static let link = Schema([
    .string("from", doc: "Site or junction the link leaves"),
    .string("to", doc: "Site or junction the link enters"),
    .number("length", unit: .distance, default: .optional, min: 0, doc: "Road length (unset: great-circle distance × detour_factor)"),
    .string("profile", doc: "Name of its speed profile"),
    .duration(
      "entry_window_start", default: .optional, max: 24, doc: "Trucks without a permit enter (from → to) only from this hour of the day"),
    .duration("entry_window_end", default: .optional, max: 24, doc: "... until this hour (may wrap midnight, e.g. 22h to 6h)"),
    .bool("two_way", default: true, doc: "Also the link to → from (the entry window applies from → to only)"),
  ])

  static let roads = Schema([
    .number("detour_factor", default: 1.3, min: 1, max: 10, doc: "Road km per great-circle km for links without a length (1 to 10)"),
    .namedList("profiles", profile, doc: "Speed profiles over the day (peak, off-peak)"),
    .namedList(
      "junctions", junction, doc: "Road nodes that are not sites (interchanges, ring-road entries); at most 2,000 nodes with the sites"),
    .namedList("links", link, doc: "Road links between sites and junctions"),
  ])

  static let category = Schema([
    .duration("shelf_life", min: 1e-6, doc: "Time from initial quality to the spoilage threshold at 0 °C"),
    .fraction("initial_quality", default: "100%", doc: "Quality of a fresh lot"),
    .fraction("threshold", doc: "Quality below which a lot is spoiled (counted as loss by weight)"),
    .number("cold_temperature", min: -30, max: 25, doc: "Set point of reefers and cold rooms for the category (°C)"),
    .distribution("lot_mass", of: .mass, doc: "Mass of one harvested lot, e.g. uniform(2t, 6t)"),
    .distribution("order_size", of: .mass, doc: "Size of one order from a destination, e.g. uniform(1t, 4t)"),
    .fraction(
      "cold_storage_share", default: "100%",
      doc: "Share of harvested lots kept in a hub's cold room; the rest wait at the hub at the outdoor temperature"),
    .duration(
      "outdoor_max_dwell", default: .optional, min: 1e-6,
      doc: "Longest a lot outside the cold room stays in hub stock before it is sold on (unset: the ring's hub_max_dwell)"),
  ])

  static let rateEntry = Schema([
    .rate("rate", doc: "Tonnes per unit time, e.g. 120 t/d")
  ])

  static let base = Schema([
    latitude, longitude,
    .string("hub", doc: "Name of the hub it ships to"),
    .namedList(
      "harvest", rateEntry, doc: "Harvest per category (each entry named after a category): tonnes per day, spread over the harvest window"),
    .duration("harvest_start", default: "4h", max: 24, doc: "Hour of the day the harvest window opens"),
    .duration("harvest_hours", default: "12h", min: 1e-3, max: 24, doc: "Length of the daily harvest window"),
    .fraction("tracing_coverage", default: "0%", doc: "Probability that a lot is tagged at origin (traceability lever)"),
    .fraction("precooling_share", default: "0%", doc: "Share of lots precooled before shipping"),
    .duration("precool_time", default: "2h", doc: "Time to precool a lot"),
    .fraction("dispatch_load", default: "80%", doc: "A truck leaves when its load reaches this share of capacity ..."),
    .duration("max_hold", default: "3h", doc: "... or when the oldest lot has waited this long"),
  ])

  static let hub = Schema([
    latitude, longitude,
    .number(
      "storage_temperature", default: .optional, min: -30, max: 30, doc: "Cold-room temperature in °C (unset: each category's set point)"),
  ])

  static let destination = Schema([
    latitude, longitude,
    .namedList("demand", rateEntry, doc: "Orders per category (each entry named after a category): tonnes per day"),
    .list("hourly_pattern", of: .number(.none), default: "[1]", doc: "24 relative order intensities by hour of day (one value: flat)"),
  ])

  static let fleet = Schema([
    .choice("kind", VehicleKind.allCases.map(\.rawValue), doc: "reefer or ambient"),
    .string("home", doc: "Base (trunk haul to its hub) or hub (delivery to destinations) the trucks work from"),
    .count("vehicles", min: 0, max: maxResourceCount, doc: "Trucks in the fleet (at most 10,000: each is tracked)"),
    .number("capacity", unit: .mass, min: 1e-6, doc: "Payload of one truck"),
    .duration("loading_time", default: "30min", doc: "Time to load a truck"),
    .duration("unloading_time", default: "30min", doc: "Time to unload a truck"),
    .fraction("failure_probability", default: "0%", doc: "Probability a reefer unit fails on a laden trip (excursion to ambient)"),
    .distribution("excursion_duration", of: .duration, default: "1h", doc: "How long an excursion lasts"),
    .number("speed_factor", default: 1, min: 0.1, max: 2, doc: "Truck speed ÷ the link's profile speed"),
    .bool("entry_permit", default: false, doc: "Trucks may enter Beijing outside the truck-entry windows (green pass)"),
    .number("co2_per_km", default: 0, min: 0, doc: "kg CO₂ per vehicle-km"),
    .number("cost_per_km", default: 0, min: 0, doc: "CNY per vehicle-km"),
  ])

  static let share = Schema([.fraction("share", doc: "Share of the imported food tonnes")])

  static let portSupply = Schema([
    .bool("enabled", default: true, doc: "Take imported reefer containers from the port (when the port runs)"),
    .string("node", default: "Tianjin Port", doc: "Name of the port's road node"),
    latitude, longitude,
    .fraction("reefer_share", doc: "Share of laden import TEU leaving by road that are reefers of food for the ring"),
    .number("tonnes_per_teu", unit: .mass, min: 0, doc: "Net food tonnes per reefer TEU"),
    .string("hub", doc: "Hub receiving the imported food"),
    .namedList("categories", share, doc: "Split of the food tonnes by category (shares sum to 1)"),
    .fraction("tracing_coverage", default: "100%", doc: "Probability an imported lot is tagged"),
    .number("co2_per_km", default: 0, min: 0, doc: "kg CO₂ per drayage truck-km"),
    .number("cost_per_km", default: 0, min: 0, doc: "CNY per drayage truck-km"),
  ])

  /// The `ring` section.
  public static let schema = Schema([
    .bool("enabled", default: true, doc: "Simulate the fresh-produce ring (false, or no ring section: leave it out)"),
    .choice(
      "dispatch_policy", DispatchPolicy.allCases.map(\.rawValue), default: "fefo",
      doc: "fifo or fefo (first expiry, first out) at the hubs and bases"),
    .choice(
      "base_dispatch", BaseDispatch.allCases.map(\.rawValue), default: "shortfall",
      doc: "shortfall: what the hubs cannot supply is shipped direct from the nearest bases' waiting lots; never: hub stock only"),
    .fraction("record_loss", default: "0%", doc: "Probability that a step of a tagged lot's trace is not recorded"),
    .duration("target_lead_time", default: "60min", min: 1e-6, doc: "Delivery target from order to arrival (the one-hour ring)"),
    .duration(
      "hub_max_dwell", default: .optional, min: 1e-6,
      doc: "Longest a lot stays in hub stock; older lots are sold on to other channels (unset: no limit)"),
    .namedList("temperature_bands", band, doc: "Q10 by temperature band, ascending from 0 °C"),
    .section("ambient", ambient, doc: "Outdoor temperature over the year and day"),
    .section("roads", roads, doc: "The road network: speed profiles, junctions, links"),
    .namedList("categories", category, doc: "Produce categories"),
    .namedList("hubs", hub, doc: "Consolidation, cold-storage and wholesale hubs"),
    .namedList("bases", base, doc: "Production bases"),
    .namedList("destinations", destination, doc: "Beijing destinations that order from the hubs"),
    .namedList("fleets", fleet, doc: "Truck fleets at bases and hubs"),
    .section("port_supply", portSupply, doc: "Imported food in reefer containers from the port (port → ring)"),
  ])
}
