import Scenario

/// The keys of the `rail` section: the one source from which the loader validates, the
/// config reads its defaults, and the JSON Schema and key reference are generated.
public enum RailSchema {
  static let closure = Schema([
    .duration("start", doc: "Start of the closure, from the start of the run"),
    .duration("duration", min: 1e-9, doc: "Length of the closure"),
  ])

  static let corridor = Schema([
    .choice(
      "kind", RailCorridorKind.allCases.map(\.rawValue), default: "dry_port",
      doc: "dry_port (inland dry port in China) or border (land-bridge crossing: crossing delay and closures)"),
    .fraction(
      "demand_share",
      doc:
        "Share of the port's laden import and export boxes bound to this corridor's hinterland (with road_only_share the shares sum to 1)"),
    .number("rail_km", unit: .distance, min: 1e-9, doc: "Rail distance port ⇄ dry port or border crossing"),
    .number("road_km", unit: .distance, min: 1e-9, doc: "Road distance of the truck alternative over the same journey"),
    .number(
      "drayage_km", unit: .distance, default: "30km", min: 0,
      doc: "Road distance between the dry port (or crossing) and the customer's door"),
    .number(
      "departures_per_day", default: .optional, min: 1e-9, max: 1440,
      doc: "Trains per day in each direction, evenly spaced (give this, departures_per_week or departure_times; at most one a minute)"),
    .number(
      "departures_per_week", default: .optional, min: 1e-9, max: 10_080,
      doc: "Trains per week in each direction, evenly spaced (at most one a minute)"),
    .list(
      "departure_times", of: .number(.duration), default: .optional,
      doc: "Explicit departure times within one timetable_cycle, e.g. [6h, 18h]"),
    .duration("timetable_cycle", default: "1d", min: 1e-6, doc: "Cycle over which departure_times repeat (1d daily, 7d weekly)"),
    .duration("first_departure", default: "0h", doc: "Time of the first departure of an evenly spaced timetable"),
    .count("wagons", default: 50, min: 1, doc: "Wagons per train"),
    .number("teu_per_wagon", default: 2, min: 1e-9, doc: "TEU per wagon (a 40' box or two 20' boxes: 2)"),
    .distribution("transit", of: .duration, doc: "Running time port ⇄ dry port or border crossing, drawn per train"),
    .distribution("crossing_delay", of: .duration, default: "0h", doc: "Gauge change and inspection at a border crossing, drawn per train"),
    .duration("onward_time", default: "0h", doc: "Time beyond the crossing to the final destination"),
    .namedList("closures", closure, doc: "Closures of the line or crossing on a calendar (a train waits until it reopens)"),
    .number("random_closures_per_year", default: 0, min: 0, doc: "Random closures per year (a Poisson process)"),
    .distribution("closure_duration", of: .duration, default: "24h", doc: "Duration of a random closure"),
    .number("subsidy_per_teu", default: .optional, min: 0, doc: "Subsidy in CNY per TEU on this corridor (overrides the section's)"),
  ])

  static let yard = Schema([
    .number(
      "capacity_teu", default: 5000, min: 0,
      doc: "Storage of the rail yard at the port in TEU (imports wait in the port yard while it is full)"),
    .count("handlers", default: 10, min: 1, doc: "Handling units moving batches between terminals and the rail yard"),
    .distribution("handling_time", of: .duration, default: "3h", doc: "Time to move one batch between a terminal and the rail yard"),
    .choice(
      "loading_order", RailLoadingOrder.allCases.map(\.rawValue), default: "fifo",
      doc: "Order in which a departing train takes boxes: fifo (entry to the rail yard) or due (consignee's pick-up time)"),
  ])

  static let choice = Schema([
    .number("value_of_time", default: 20, min: 0, doc: "CNY per TEU-hour of door-to-door time"),
    .number("scale", default: 300, min: 0, doc: "Logit scale in CNY (0: deterministic, rail exactly when cheaper)"),
    .number("subsidy_per_teu", default: 0, min: 0, doc: "Policy subsidy in CNY per TEU carried by rail"),
    .number("truck_speed_kmh", default: 55, min: 1e-9, doc: "Mean truck speed door to door, km/h"),
    .number("truck_cny_per_km", default: 7, min: 0, doc: "Truck freight price per truck-km of the laden leg"),
    .number("teu_per_truck", default: 1.66, min: 1e-9, doc: "TEU per truck (one box of the port's mix)"),
    .number("rail_cny_per_teu_km", default: 1, min: 0, doc: "Rail freight price per TEU-km"),
    .number("rail_terminal_cny", default: 800, min: 0, doc: "Rail terminal and handling charges per TEU, both ends"),
  ])

  static let emissions = Schema([
    .number("train_kg_per_km", default: 3.8, min: 0, doc: "kg CO₂ per train-km whatever the load (locomotive and tare)"),
    .number("train_kg_per_teu_km", default: 0.038, min: 0, doc: "kg CO₂ per TEU-km carried by train"),
    .number("truck_kg_per_km", default: 0.86, min: 0, doc: "kg CO₂ per laden truck-km"),
    .number("truck_empty_kg_per_km", default: 0.6, min: 0, doc: "kg CO₂ per empty truck-km"),
    .fraction("empty_return_share", default: "100%", doc: "Share of truck trips that drive back empty"),
  ])

  /// The `rail` section.
  public static let schema = Schema([
    .bool("enabled", default: true, doc: "Simulate rail (false, or no rail section: every box uses trucks)"),
    .fraction("road_only_share", doc: "Share of laden boxes bound to destinations without a rail corridor (trucks only)"),
    .number("road_only_km", unit: .distance, default: "50km", min: 0, doc: "Mean road distance of road-only boxes"),
    .section("yard", yard, doc: "The rail container yard at the port"),
    .section("choice", choice, doc: "Mode choice by generalised cost"),
    .section("emissions", emissions, doc: "Emission factors of trains and trucks"),
    .namedList("corridors", corridor, doc: "Corridors to inland dry ports and land-bridge border crossings"),
  ])
}
