import Scenario
import SimKernel

extension RingConfig {
  /// Reads a validated `ring` section. Cross-key rules give located errors: a category,
  /// hub, site or profile name that is not declared, a threshold at or above the initial
  /// quality, temperature bands that do not ascend, shares that do not sum to 1.
  public init(_ section: ScenarioSection) throws(ScenarioError) {
    var categories: [RingCategory] = []
    for c in try section.namedList("categories") {
      let initial = try c.fraction("initial_quality"), threshold = try c.fraction("threshold")
      guard threshold < initial else {
        throw c.error(
          "threshold",
          "the spoilage threshold \(threshold) must be below the initial quality \(initial) (a fresh lot would be spoiled at harvest)")
      }
      let lot = try c.distribution("lot_mass"), order = try c.distribution("order_size")
      for (key, d) in [("lot_mass", lot), ("order_size", order)] {
        if let problem = d.validationProblem { throw c.error(key, problem) }
        guard d.mean > 0 else { throw c.error(key, "the mean must be positive") }
      }
      categories.append(
        RingCategory(
          name: c.name ?? "", shelfLife: try c.duration("shelf_life"), initialQuality: initial, threshold: threshold,
          coldTemperature: try c.number("cold_temperature"), lotMass: lot, orderSize: order,
          coldStorageShare: try c.fraction("cold_storage_share"), outdoorMaxDwell: try c.optional("outdoor_max_dwell", c.duration)))
    }
    guard !categories.isEmpty else { throw section.error("categories", "expected at least one category") }
    let names = categories.map(\.name)
    // Hubs, bases and destinations each keep a value per category (stock, harvest, demand).
    for key in ["hubs", "bases", "destinations"] {
      try ModelSize.checkTable(section, key, rows: (try section.namedList(key).count, key), columns: (categories.count, "categories"))
    }

    func lookup(_ name: String, in list: [String], what: String, _ s: ScenarioSection, _ key: String) throws(ScenarioError) -> Int {
      guard let i = list.firstIndex(of: name) else {
        throw s.error(
          key, "unknown \(what) '\(name)'; \(what == "category" ? "categories" : what + "s") are \(list.joined(separator: ", "))",
          suggestion: ScenarioSuggest.nearest(to: name, among: list))
      }
      return i
    }
    func perCategory(_ s: ScenarioSection, _ key: String) throws(ScenarioError) -> [Double] {
      var out = Array(repeating: 0.0, count: names.count)
      for e in try s.namedList(key) {
        out[try lookup(e.name ?? "", in: names, what: "category", e, "name")] = try e.rate("rate")
      }
      return out
    }

    var bands: [TemperatureBand] = []
    for b in try section.namedList("temperature_bands") {
      let band = TemperatureBand(upper: try b.number("upper"), q10: try b.number("q10"))
      if let last = bands.last, band.upper <= last.upper {
        throw b.error("upper", "bands must ascend: \(band.upper) °C follows \(last.upper) °C")
      }
      bands.append(band)
    }

    let a = try section.section("ambient")
    let ambient = AmbientProfile(
      mean: try a.number("mean"), seasonalAmplitude: try a.number("seasonal_amplitude"), warmestDay: try a.number("warmest_day"),
      dailyAmplitude: try a.number("daily_amplitude"), warmestHour: try a.duration("warmest_hour"), startDay: try a.number("start_day"))

    var hubs: [RingHub] = []
    for h in try section.namedList("hubs") {
      hubs.append(
        RingHub(
          name: h.name ?? "", latitude: try h.number("latitude"), longitude: try h.number("longitude"),
          storageTemperature: try h.optional("storage_temperature", h.number)))
    }
    guard !hubs.isEmpty else { throw section.error("hubs", "expected at least one hub") }
    let hubNames = hubs.map(\.name)

    var bases: [RingBase] = []
    for b in try section.namedList("bases") {
      bases.append(
        RingBase(
          name: b.name ?? "", latitude: try b.number("latitude"), longitude: try b.number("longitude"),
          hub: try lookup(try b.string("hub"), in: hubNames, what: "hub", b, "hub"), harvestRate: try perCategory(b, "harvest"),
          harvestStart: try b.duration("harvest_start"), harvestHours: try b.duration("harvest_hours"),
          tracingCoverage: try b.fraction("tracing_coverage"), precoolingShare: try b.fraction("precooling_share"),
          precoolTime: try b.duration("precool_time"), dispatchLoad: try b.fraction("dispatch_load"), maxHold: try b.duration("max_hold")))
      // Harvest rates are per day of harvest window: convert the daily tonnes to t/h inside the window.
      let last = bases.count - 1
      bases[last].harvestRate = bases[last].harvestRate.map { $0 * 24 / bases[last].harvestHours }
    }
    let baseNames = bases.map(\.name)

    var destinations: [RingDestination] = []
    for d in try section.namedList("destinations") {
      let pattern = try d.numbers("hourly_pattern")
      guard pattern.count == 1 || pattern.count == 24, pattern.allSatisfy({ $0 >= 0 }), pattern.contains(where: { $0 > 0 }) else {
        throw d.error("hourly_pattern", "expected one value or 24 non-negative values (one per hour), not all zero; found \(pattern.count)")
      }
      destinations.append(
        RingDestination(
          name: d.name ?? "", latitude: try d.number("latitude"), longitude: try d.number("longitude"),
          dailyDemand: try perCategory(d, "demand").map { $0 * 24 }, hourlyPattern: pattern))
    }

    var fleets: [RingFleet] = []
    for f in try section.namedList("fleets") {
      let home = try f.string("home")
      let isHub: Bool, index: Int
      if let h = hubNames.firstIndex(of: home) {
        (isHub, index) = (true, h)
      } else {
        (isHub, index) = (false, try lookup(home, in: baseNames + hubNames, what: "base or hub", f, "home"))
      }
      let duration = try f.distribution("excursion_duration")
      if let problem = duration.validationProblem { throw f.error("excursion_duration", problem) }
      fleets.append(
        RingFleet(
          name: f.name ?? "", kind: VehicleKind(rawValue: try f.string("kind")) ?? .reefer, home: index, homeIsHub: isHub,
          vehicles: try f.resourceCount("vehicles"), capacity: try f.number("capacity"), loadingTime: try f.duration("loading_time"),
          unloadingTime: try f.duration("unloading_time"), failureProbability: try f.fraction("failure_probability"),
          excursionDuration: duration, speedFactor: try f.number("speed_factor"), entryPermit: try f.bool("entry_permit"),
          co2PerKm: try f.number("co2_per_km"), costPerKm: try f.number("cost_per_km")))
    }
    for (i, b) in bases.enumerated() where b.harvestRate.contains(where: { $0 > 0 }) {
      guard fleets.contains(where: { !$0.homeIsHub && $0.home == i && $0.vehicles > 0 }) else {
        throw section.error("fleets", "base '\(b.name)' harvests but has no trucks; add a fleet with home: \(b.name)")
      }
    }
    for (i, h) in hubs.enumerated() {
      guard fleets.contains(where: { $0.homeIsHub && $0.home == i && $0.vehicles > 0 }) else {
        throw section.error("fleets", "hub '\(h.name)' has no delivery trucks; add a fleet with home: \(h.name)")
      }
    }

    try ModelSize.checkVehicles(section, "fleets", total: fleets.reduce(0) { $0 + $1.vehicles })

    var portSupply: PortFoodSupply?
    let p = try section.section("port_supply")
    if section.isSet("port_supply"), try p.bool("enabled") {
      var shares = Array(repeating: 0.0, count: names.count)
      for e in try p.namedList("categories") {
        shares[try lookup(e.name ?? "", in: names, what: "category", e, "name")] = try e.fraction("share")
      }
      let total = shares.reduce(0, +)
      guard abs(total - 1) < 1e-6 else { throw p.error("categories", "category shares must sum to 1, found \(total)") }
      portSupply = PortFoodSupply(
        node: try p.string("node"), latitude: try p.number("latitude"), longitude: try p.number("longitude"),
        reeferShare: try p.fraction("reefer_share"), tonnesPerTEU: try p.number("tonnes_per_teu"),
        hub: try lookup(try p.string("hub"), in: hubNames, what: "hub", p, "hub"), categoryShares: shares,
        tracingCoverage: try p.fraction("tracing_coverage"), co2PerKm: try p.number("co2_per_km"), costPerKm: try p.number("cost_per_km"))
    }

    let roads = try Self.readRoads(
      try section.section("roads"),
      sites: hubNames + baseNames + destinations.map(\.name) + (portSupply.map { [$0.node] } ?? []))
    self.init(
      categories: categories, bands: bands, ambient: ambient, roads: roads, bases: bases, hubs: hubs,
      destinations: destinations, fleets: fleets, portSupply: portSupply,
      dispatchPolicy: DispatchPolicy(rawValue: try section.string("dispatch_policy")) ?? .fefo,
      baseDispatch: BaseDispatch(rawValue: try section.string("base_dispatch")) ?? .shortfall,
      recordLoss: try section.fraction("record_loss"), targetLeadTime: try section.duration("target_lead_time"),
      hubMaxDwell: try section.optional("hub_max_dwell", section.duration))
    do {
      _ = try RingNetwork(self)
    } catch {
      throw section.error("roads", "\(error)")
    }
    let missing = RingNetwork.unreachable(self)
    guard missing.isEmpty else {
      throw section.error("roads", "no road route for \(missing.joined(separator: ", ")); add links to ring.roads.links")
    }
  }

  /// Reads `ring.roads`; every link must join declared sites or junctions.
  static func readRoads(_ r: ScenarioSection, sites: [String]) throws(ScenarioError) -> RoadDescription {
    var profiles: [NamedSpeedProfile] = []
    for p in try r.namedList("profiles") {
      let starts = try p.numbers("start_hours"), speeds = try p.numbers("speed_kmh")
      do {
        _ = try SpeedProfile(startHours: starts, speeds: speeds)
      } catch {
        throw p.error("speed_kmh", "\(error)")
      }
      profiles.append(NamedSpeedProfile(name: p.name ?? "", startHours: starts, speeds: speeds))
    }
    guard !profiles.isEmpty else { throw r.error("profiles", "expected at least one speed profile") }
    var junctions: [RoadSite] = []
    for j in try r.namedList("junctions") {
      junctions.append(RoadSite(name: j.name ?? "", latitude: try j.number("latitude"), longitude: try j.number("longitude")))
    }
    let nodes = sites + junctions.map(\.name)
    guard nodes.count <= RingSchema.maxRoadNodes else {
      throw r.error(
        junctions.isEmpty ? nil : "junctions",
        "expected at most \(RingSchema.maxRoadNodes) road nodes (a route is kept for every pair), found \(sites.count) sites and \(junctions.count) junctions"
      )
    }
    let profileNames = profiles.map(\.name)
    var links: [RoadLinkSpec] = []
    for l in try r.namedList("links") {
      for key in ["from", "to"] {
        let node = try l.string(key)
        guard nodes.contains(node) else {
          throw l.error(
            key,
            "unknown node '\(node)': a link must join sites (hubs, bases, destinations, the port) or junctions; known nodes are \(nodes.joined(separator: ", "))",
            suggestion: ScenarioSuggest.nearest(to: node, among: nodes))
        }
      }
      let profileName = try l.string("profile")
      guard let profile = profileNames.firstIndex(of: profileName) else {
        throw l.error(
          "profile", "unknown speed profile '\(profileName)'; profiles are \(profileNames.joined(separator: ", "))",
          suggestion: ScenarioSuggest.nearest(to: profileName, among: profileNames))
      }
      let start = try l.optional("entry_window_start", l.duration), end = try l.optional("entry_window_end", l.duration)
      guard (start == nil) == (end == nil) else {
        throw l.error(start == nil ? "entry_window_end" : "entry_window_start", "give both entry_window_start and entry_window_end")
      }
      links.append(
        RoadLinkSpec(
          from: try l.string("from"), to: try l.string("to"), km: try l.optional("length", l.number), profile: profile,
          entryWindow: start.flatMap { s in end.map { EntryWindow(start: s, end: $0) } }, twoWay: try l.bool("two_way")))
    }
    return RoadDescription(detourFactor: try r.number("detour_factor"), profiles: profiles, junctions: junctions, links: links)
  }
}
