import Scenario
import SimKernel

extension RecyclingConfig {
  /// Reads a validated `recycling` section; cross-key rules give located errors: yields that
  /// sum above 1, a category name that is not declared, a centre that has no line (or no
  /// fleet) for a category a collection point sends to it.
  public init(_ section: ScenarioSection) throws(ScenarioError) {
    var categories: [RecyclingCategory] = []
    for c in try section.namedList("categories") {
      var fractions: [RecoveryFraction] = []
      for f in try c.namedList("recovery") {
        fractions.append(RecoveryFraction(name: f.name ?? "", yield: try f.fraction("yield")))
      }
      let total = fractions.reduce(0) { $0 + $1.yield }
      guard total <= 1 + 1e-12 else {
        let list = fractions.map { "\($0.name) \($0.yield)" }.joined(separator: ", ")
        throw c.error("recovery", "yields sum to \(total) (\(list)); they must sum to at most 1 (the rest is residue)")
      }
      let mass = try c.distribution("lot_mass")
      if let problem = mass.validationProblem { throw c.error("lot_mass", problem) }
      guard mass.mean > 0 else { throw c.error("lot_mass", "the mean lot mass must be positive") }
      categories.append(
        RecyclingCategory(
          name: c.name ?? "", eprTarget: try c.fraction("epr_target"), captureCeiling: try c.fraction("capture_ceiling"),
          lotMass: mass, fractions: fractions))
    }
    guard !categories.isEmpty else { throw section.error("categories", "expected at least one category") }
    let names = categories.map(\.name)

    func category(_ name: String, in s: ScenarioSection, key: String?) throws(ScenarioError) -> Int {
      guard let i = names.firstIndex(of: name) else {
        throw s.error(
          key, "unknown category '\(name)'; categories are \(names.joined(separator: ", "))",
          suggestion: ScenarioSuggest.nearest(to: name, among: names))
      }
      return i
    }
    func categoryList(_ s: ScenarioSection, _ key: String) throws(ScenarioError) -> [Int] {
      var out: [Int] = []
      for name in try s.strings(key) {
        let i = try category(name, in: s, key: key)
        if !out.contains(i) { out.append(i) }
      }
      return out.sorted()
    }

    let districtSections = try section.namedList("districts")
    try ModelSize.checkTable(section, "districts", rows: (districtSections.count, "districts"), columns: (categories.count, "categories"))
    var districts: [RecyclingDistrict] = []
    for d in districtSections {
      var rates = Array(repeating: 0.0, count: categories.count)
      for r in try d.namedList("returns") {
        let c = try category(r.name ?? "", in: r, key: "name")
        switch (r.isSet("rate"), r.isSet("stock_in_use") || r.isSet("lifetime")) {
        case (true, false):
          rates[c] = try r.rate("rate")
        case (false, true):
          guard r.isSet("stock_in_use"), r.isSet("lifetime") else {
            throw r.error(nil, "give both stock_in_use and lifetime (returns = stock ÷ lifetime)")
          }
          rates[c] = try r.number("stock_in_use") / r.duration("lifetime")
        default:
          throw r.error(nil, "give exactly one of rate (e.g. 12 t/d) or stock_in_use with lifetime")
        }
      }
      districts.append(
        RecyclingDistrict(
          name: d.name ?? "", latitude: try d.number("latitude"), longitude: try d.number("longitude"), returnRate: rates))
    }

    var centres: [RecyclingCentre] = []
    for k in try section.namedList("centres") {
      var lines: [ProcessingLine] = []
      for l in try k.namedList("lines") {
        let c = try category(l.name ?? "", in: l, key: "name")
        let capacity = try l.rate("capacity")
        guard capacity > 0 else { throw l.error("capacity", "must be positive, e.g. 0.5 t/h") }
        lines.append(
          ProcessingLine(
            category: c, parallelLines: try l.resourceCount("parallel_lines"), capacity: capacity,
            batch: try l.number("batch"), permitCap: try l.optional("permit_cap", l.number),
            planningThreshold: try l.optional("planning_threshold", l.number), costPerTonne: try l.number("cost_per_tonne"),
            shiftStart: try l.duration("shift_start"), workingHours: try l.duration("working_hours")))
      }
      var fleets: [CollectionFleet] = []
      for f in try k.namedList("fleets") {
        let carried = try categoryList(f, "categories")
        guard !carried.isEmpty else { throw f.error("categories", "expected at least one category") }
        for c in carried where !lines.contains(where: { $0.category == c }) {
          throw f.error(
            "categories",
            "centre '\(k.name ?? "")' has no line for category '\(names[c])' that this fleet carries; add recycling.centres[name=\(k.name ?? "")].lines[name=\(names[c])]"
          )
        }
        fleets.append(
          CollectionFleet(
            name: f.name ?? "", vehicles: try f.resourceCount("vehicles"), capacity: try f.number("capacity"), categories: carried,
            co2PerKm: try f.number("co2_per_km"), costPerKm: try f.number("cost_per_km"), loadingTime: try f.duration("loading_time")))
      }
      centres.append(
        RecyclingCentre(
          name: k.name ?? "", latitude: try k.number("latitude"), longitude: try k.number("longitude"), lines: lines, fleets: fleets))
    }
    let vehicles = centres.reduce(0) { total, k in k.fleets.reduce(total) { $0 + $1.vehicles } }
    try ModelSize.checkVehicles(section, "centres", total: vehicles)
    try ModelSize.checkTable(section, "centres", rows: (vehicles, "vehicles"), columns: (categories.count, "categories"))
    let centreNames = centres.map(\.name)

    let pointSections = try section.namedList("collection_points")
    guard centres.count + pointSections.count <= RecyclingSchema.maxSites else {
      throw section.error(
        "collection_points",
        "expected at most \(RecyclingSchema.maxSites) centres and collection points together (the road network links every pair), found \(centres.count) centres and \(pointSections.count) points"
      )
    }
    try ModelSize.checkTable(
      section, "collection_points", rows: (pointSections.count, "collection points"), columns: (categories.count, "categories"))
    var points: [CollectionPoint] = []
    for p in pointSections {
      let centreName = try p.string("centre")
      guard let k = centreNames.firstIndex(of: centreName) else {
        throw p.error(
          "centre", "no centre named '\(centreName)'; centres are \(centreNames.joined(separator: ", "))",
          suggestion: ScenarioSuggest.nearest(to: centreName, among: centreNames))
      }
      let accepted = try categoryList(p, "categories")
      guard !accepted.isEmpty else { throw p.error("categories", "expected at least one category") }
      for c in accepted {
        guard centres[k].line(for: c) != nil else {
          throw p.error(
            "categories",
            "centre '\(centreName)' has no line for category '\(names[c])' sent to it by this point; add recycling.centres[name=\(centreName)].lines[name=\(names[c])] or send it elsewhere"
          )
        }
        guard centres[k].fleets.contains(where: { $0.categories.contains(c) && $0.vehicles > 0 }) else {
          throw p.error("categories", "centre '\(centreName)' has no vehicles carrying category '\(names[c])'; add it to one of its fleets")
        }
      }
      let kind = CollectionPointKind(rawValue: try p.string("kind")) ?? .community
      points.append(
        CollectionPoint(
          name: p.name ?? "", kind: kind, latitude: try p.number("latitude"), longitude: try p.number("longitude"),
          categories: accepted, centre: k, collectionInterval: try p.duration("collection_interval"),
          pickupThreshold: try p.optional("pickup_threshold", p.number), capacity: try p.optional("capacity", p.number)))
    }
    let starts = try section.numbers("speed_start_hours")
    let speeds = try section.numbers("speed_kmh")
    do {
      _ = try SpeedProfile(startHours: starts, speeds: speeds)
    } catch {
      throw section.error("speed_kmh", "\(error)")
    }
    let access = CaptureModel(
      distanceScaleKm: try section.number("access_distance_scale"),
      halfFrequencyPerWeek: try section.rate("access_half_frequency") * 168)
    self.init(
      categories: categories, districts: districts, centres: centres, points: points, access: access,
      detourFactor: try section.number("detour_factor"), speedStartHours: starts, speedKmPerHour: speeds)
  }
}
