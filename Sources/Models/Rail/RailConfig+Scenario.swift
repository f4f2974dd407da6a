import Scenario
import SimKernel

extension RailConfig {
  /// Reads a validated `rail` section; cross-key rules give located errors: a corridor
  /// without a timetable (or with two), demand shares that do not sum to 1, a distribution
  /// that cannot be sampled.
  public init(_ section: ScenarioSection) throws(ScenarioError) {
    var corridors: [RailCorridor] = []
    for c in try section.namedList("corridors") {
      let name = c.name ?? ""
      func distribution(_ key: String) throws(ScenarioError) -> Distribution {
        let d = try c.distribution(key)
        if let problem = d.validationProblem { throw c.error(key, problem) }
        return d
      }
      var closures: [Range<SimTime>] = []
      for closure in try c.namedList("closures") {
        let start = try closure.duration("start")
        closures.append(start..<(start + (try closure.duration("duration"))))
      }
      corridors.append(
        RailCorridor(
          name: name, kind: RailCorridorKind(rawValue: try c.string("kind")) ?? .dryPort,
          demandShare: try c.fraction("demand_share"), railKm: try c.number("rail_km"), roadKm: try c.number("road_km"),
          drayageKm: try c.number("drayage_km"), timetable: try Self.timetable(c), wagons: try c.resourceCount("wagons"),
          teuPerWagon: try c.number("teu_per_wagon"), transit: try distribution("transit"),
          crossingDelay: try distribution("crossing_delay"), onwardTime: try c.duration("onward_time"), closures: closures,
          randomClosuresPerYear: try c.number("random_closures_per_year"), closureDuration: try distribution("closure_duration"),
          subsidyPerTEU: try c.optional("subsidy_per_teu", c.number)))
    }
    let roadOnly = try section.fraction("road_only_share")
    let total = corridors.reduce(roadOnly) { $0 + $1.demandShare }
    guard abs(total - 1) <= 1e-6 else {
      let list = corridors.map { "\($0.name) \(Self.format($0.demandShare))" }.joined(separator: ", ")
      throw section.error(
        corridors.isEmpty ? "road_only_share" : "corridors",
        "demand shares sum to \(Self.format(total)) (road_only_share \(Self.format(roadOnly)), \(list)); they must sum to 1")
    }
    let y = try section.section("yard")
    let handling = try y.distribution("handling_time")
    if let problem = handling.validationProblem { throw y.error("handling_time", problem) }
    let yard = RailYardConfig(
      capacityTEU: try y.number("capacity_teu"), handlers: try y.resourceCount("handlers"), handlingTime: handling,
      loadingOrder: RailLoadingOrder(rawValue: try y.string("loading_order")) ?? .fifo)
    let m = try section.section("choice")
    let choice = RailModeChoice(
      valueOfTime: try m.number("value_of_time"), scale: try m.number("scale"), subsidyPerTEU: try m.number("subsidy_per_teu"),
      truckSpeedKmh: try m.number("truck_speed_kmh"), truckCNYPerKm: try m.number("truck_cny_per_km"),
      teuPerTruck: try m.number("teu_per_truck"), railCNYPerTEUKm: try m.number("rail_cny_per_teu_km"),
      railTerminalCNY: try m.number("rail_terminal_cny"))
    let e = try section.section("emissions")
    let emissions = RailEmissionFactors(
      trainKgPerKm: try e.number("train_kg_per_km"), trainKgPerTEUKm: try e.number("train_kg_per_teu_km"),
      truckKgPerKm: try e.number("truck_kg_per_km"), truckEmptyKgPerKm: try e.number("truck_empty_kg_per_km"),
      emptyReturnShare: try e.fraction("empty_return_share"))
    self.init(
      corridors: corridors, roadOnlyShare: roadOnly, roadOnlyKm: try section.number("road_only_km"),
      yard: yard, choice: choice, emissions: emissions)
  }

  /// Exactly one of departures_per_day, departures_per_week, departure_times.
  private static func timetable(_ c: ScenarioSection) throws(ScenarioError) -> RailTimetable {
    let keys = ["departures_per_day", "departures_per_week", "departure_times"].filter { c.isSet($0) }
    guard keys.count == 1 else {
      if keys.isEmpty {
        throw c.error(nil, "corridor '\(c.name ?? "")' has no timetable: give departures_per_day, departures_per_week or departure_times")
      }
      throw c.error(
        keys[1], "give only one of departures_per_day, departures_per_week, departure_times (found \(keys.joined(separator: " and ")))")
    }
    let first = try c.duration("first_departure")
    switch keys[0] {
    case "departures_per_day", "departures_per_week":
      let perCycle = try c.number(keys[0])
      let cycle: SimTime = keys[0] == "departures_per_day" ? 24 : 168
      // At most one train a minute: a larger count would be a typo, and would not fit in memory.
      let most = cycle * 60
      guard perCycle <= most else {
        throw c.error(keys[0], "expected at most \(Int(most)) trains a \(cycle == 24 ? "day" : "week") (one a minute), found \(perCycle)")
      }
      // A fractional count per cycle (e.g. 2.5 a day) repeats over enough cycles to be whole.
      var cycles = 1
      while cycles < 1000 && abs((perCycle * Double(cycles)).rounded() - perCycle * Double(cycles)) > 1e-9 { cycles += 1 }
      let n = Swift.max(1, Int((perCycle * Double(cycles)).rounded()))
      return .evenly(n, every: cycle * Double(cycles), first: first)
    default:
      let times = try c.numbers("departure_times")
      guard !times.isEmpty else { throw c.error("departure_times", "expected at least one departure time") }
      return RailTimetable(cycle: try c.duration("timetable_cycle"), offsets: times)
    }
  }

  static func format(_ x: Double) -> String {
    let r = (x * 1e6).rounded() / 1e6
    return r == r.rounded() ? String(Int(r)) : String(r)
  }
}
