import SimKernel

extension RailModel {
  var corridorAxis: LabelAxis { LabelAxis(name: "corridor", labels: config.corridors.map(\.name)) }
  var directionAxis: LabelAxis { LabelAxis(name: "direction", labels: RailDirection.labels) }
  /// Corridor × direction (`Xi'an/import`): the breakdown of most rail KPIs.
  var routeAxis: LabelAxis {
    LabelAxis(name: "route", labels: config.corridors.flatMap { c in RailDirection.labels.map { "\(c.name)/\($0)" } })
  }
  var modeAxis: LabelAxis { LabelAxis(name: "mode", labels: ["rail", "truck"]) }

  /// Registers the rail time series with the sampler.
  func registerSeries() {
    let series = SeriesList(sampler: sim.sampler, subsystem: Self.subsystem)
    series.add("rail_yard_stock", "TEU in the rail yard at the port (including boxes being moved in)", "TEU", nil) { [unowned self] _ in
      yardTEU
    }
    series.add("rail_yard_queue", "TEU in the rail yard waiting for a train, by corridor", "TEU", corridorAxis) { [unowned self] c in
      var total = 0.0
      for b in yardQueues[c].elements(links: boxes.next) { total += boxes.teu[Int(b)] }
      return total
    }
    series.add("awaiting_pickup", "Rail import TEU still in the port yard (before pick-up or blocked by a full rail yard)", "TEU", nil) {
      [unowned self] _ in
      awaitingTEU
    }
    series.add("exports_in_transit", "Rail export TEU booked, on trains or being moved to the terminal", "TEU", nil) { [unowned self] _ in
      exportsInTransitTEU
    }
    series.add("rail_teu", "Cumulative TEU carried by train", "TEU", routeAxis) { [unowned self] r in metrics.carriedRun[r] }
    series.add("trains_departed", "Cumulative trains departed", "1", routeAxis) { [unowned self] r in Double(metrics.trainsRun[r]) }
  }

  public func finish(at horizon: SimTime) -> SubsystemOutput {
    let m = metrics
    let n = config.corridors.count
    let span = Swift.max(1e-9, horizon - sim.warmup)
    let routes = routeAxis, corridors = corridorAxis, directions = directionAxis
    func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : 0 }
    func byCorridor(_ v: [Double]) -> [Double] { (0..<n).map { v[2 * $0] + v[2 * $0 + 1] } }
    func byDirection(_ v: [Double]) -> [Double] { (0..<2).map { d in stride(from: d, to: v.count, by: 2).reduce(0) { $0 + v[$1] } } }
    let carriedTotal = m.carriedTEU.reduce(0, +)
    let acceptedTotal = m.acceptedTEU.reduce(0, +)
    let ladenByDirection = (0..<2).map { byDirection(m.demandTEU)[$0] + m.roadOnlyTEU[$0] }
    let quay = port?.quayTEUSinceWarmup ?? 0
    var kpis = KPIList()
    kpis.add("rail_teu", "TEU carried by train (after warm-up)", "TEU", .higher, m.carriedTEU, routes)
    kpis.add("rail_teu_by_corridor", "TEU carried by train, both directions", "TEU", .higher, byCorridor(m.carriedTEU), corridors)
    kpis.add("rail_teu_by_direction", "TEU carried by train, all corridors", "TEU", .higher, byDirection(m.carriedTEU), directions)
    kpis.add("rail_teu_total", "TEU carried by train, all corridors and directions", "TEU", .higher, [carriedTotal])
    kpis.add(
      "rail_teu_annual", "Sea-rail volume at an annual rate (boxes accepted by rail)", "TEU/yr", .higher, [acceptedTotal / span * 8760])
    kpis.add("laden_teu", "Laden port TEU bound to each route's hinterland", "TEU", .none, m.demandTEU, routes)
    kpis.add(
      "rail_share", "Rail share of the route's laden TEU (mode choice and room on trains)", "1", .higher,
      (0..<(2 * n)).map { ratio(m.acceptedTEU[$0], m.demandTEU[$0]) }, routes)
    kpis.add(
      "rail_share_by_direction", "Rail share of all laden TEU (road-only destinations included)", "1", .higher,
      (0..<2).map { ratio(byDirection(m.acceptedTEU)[$0], ladenByDirection[$0]) }, directions)
    kpis.add(
      "rail_share_of_laden", "Rail share of all laden import and export TEU", "1", .higher,
      [ratio(acceptedTotal, ladenByDirection.reduce(0, +))])
    kpis.add(
      "rail_share_of_throughput", "Sea-rail TEU over the port's quay throughput (public figure: 5.6% in 2023)", "1", .higher,
      [ratio(acceptedTotal, quay)])
    kpis.add("train_fill", "Mean train fill (TEU carried ÷ capacity)", "1", .higher, m.fill.map(\.mean), routes)
    kpis.add("train_fill_mean", "Mean fill of all trains", "1", .higher, [m.fillAll.mean])
    kpis.add("train_fill_teu", "TEU carried ÷ TEU offered by all trains", "1", .higher, [ratio(carriedTotal, m.capacityTEU.reduce(0, +))])
    kpis.add("trains_run", "Trains departed (after warm-up)", "1", .none, m.trains.map(Double.init), routes)
    kpis.duration(
      "wait_for_train", "wait for a train by route", m.wait, routes, suffix: "_by_route",
      names: [.mean: "wait_for_train_mean"],
      longNames: [.mean: "Mean wait for a train (rail yard at the port, or origin terminal)"])
    kpis.duration(
      "wait_for_train", "wait for a train", m.waitByDirection, directions,
      names: [.mean: "wait_for_train_by_direction"], longNames: [.p90: "90th percentile of the wait for a train"])
    kpis.duration(
      "door_to_door", "door-to-door time of rail boxes by route", m.doorToDoor, routes, suffix: "_by_route",
      names: [.mean: "door_to_door_mean"],
      longNames: [.mean: "Mean door-to-door time of rail boxes (import: from pick-up time; export: from the door)"])
    kpis.duration(
      "door_to_door", "door-to-door time of rail boxes", m.doorToDoorByDirection, directions,
      names: [.mean: "door_to_door_by_direction"])
    kpis.add("door_to_door_truck", "Door-to-door time by truck", "h", .none, truckHours, corridors)
    kpis.add(
      "missed_departures", "Boxes left behind by a full train (imports) or passed to a later train (exports)", "1", .lower,
      m.missed.map(Double.init), routes)
    kpis.add("late_export_teu", "Rail export TEU at the terminal after their cut-off (they roll)", "TEU", .lower, [m.lateExportTEU])
    kpis.duration("pickup_delay", "wait of rail imports in the port yard for room in the rail yard", [m.pickupDelay])
    kpis.add("rail_yard_stock_mean", "Mean TEU in the rail yard", "TEU", .none, [m.yardStock.mean(until: horizon)])
    kpis.add("rail_yard_stock_max", "Highest TEU in the rail yard", "TEU", .none, [m.yardStock.max])
    kpis.add(
      "rail_yard_utilisation", "Mean rail-yard stock over its capacity", "1", .none,
      [ratio(m.yardStock.mean(until: horizon), config.yard.capacityTEU)])
    kpis.add("handler_utilisation", "Rail-yard handling units' utilisation", "1", .none, [handlers.utilisation(until: horizon)])
    kpis.add(
      "co2_by_mode", "CO₂ of the hinterland legs by mode (trains per train-km; trucks incl. empty returns)", "kg", .lower,
      [m.co2Rail, m.co2Truck], modeAxis)
    kpis.add("co2_total", "CO₂ of the hinterland legs of laden port boxes", "kg", .lower, [m.co2Rail + m.co2Truck])
    kpis.add(
      "co2_per_laden_teu", "CO₂ per laden TEU moved to or from the hinterland", "kg/TEU", .lower,
      [ratio(m.co2Rail + m.co2Truck, ladenByDirection.reduce(0, +))])
    kpis.add("subsidy_spent", "Rail subsidy paid", "CNY", .none, m.subsidy, corridors)
    kpis.add("subsidy_total", "Rail subsidy paid, all corridors", "CNY", .none, [m.subsidy.reduce(0, +)])
    kpis.add(
      "rail_probability", "Probability that a box of the corridor chooses rail (generalised-cost logit)", "1", .none,
      railProbability, corridors)
    return output(sampler: sim.sampler, kpis: kpis, checks: balanceChecks())
  }

  /// Flow balance across the port–rail handover in TEU over the whole run; what remains is
  /// counted from the box table's states, not from the counters. Capacities are checked too.
  func balanceChecks() -> [CheckOutput] {
    let m = metrics
    let awaiting = boxes.teu(in: .awaitingPickup) + boxes.teu(in: .blocked)
    let inYard = boxes.teu(in: .transferring) + boxes.teu(in: .inRailYard)
    let inTransit = boxes.teu(in: .atOrigin) + boxes.teu(in: .onTrain) + boxes.teu(in: .unloading)
    var checks = [
      CheckOutput(
        name: "import_handover", longName: "Rail import TEU accepted = picked up from the port yard + still in it",
        units: "TEU", entered: m.importsAcceptedTEU, left: m.pickedUpTEU, remained: awaiting, tolerance: 1e-9),
      CheckOutput(
        name: "rail_yard_balance", longName: "Rail-yard TEU in = departed on trains + in the rail yard",
        units: "TEU", entered: m.pickedUpTEU, left: m.departedImportTEU, remained: inYard, tolerance: 1e-9),
      CheckOutput(
        name: "export_balance", longName: "Rail export TEU accepted = delivered to terminals + in transit",
        units: "TEU", entered: m.exportsAcceptedTEU, left: m.deliveredTEU, remained: inTransit, tolerance: 1e-9),
      CheckOutput(
        name: "train_capacity", longName: "Trains loaded above their capacity", units: "1",
        entered: Double(m.trainsOverCapacity), left: 0, remained: 0),
      CheckOutput(
        name: "rail_yard_capacity", longName: "Rail-yard stock above its capacity at any time (0 or 1)", units: "1",
        entered: m.maxYardStock > config.yard.capacityTEU * (1 + 1e-12) ? 1 : 0, left: 0, remained: 0),
    ]
    if let port {
      // Both sides count the handovers since the warm-up: they must agree.
      let pickedSinceWarmup = m.pickedUpTEUSinceWarmup
      checks.append(
        CheckOutput(
          name: "port_import_counter", longName: "Rail import TEU picked up (rail) = handed over (port), after warm-up",
          units: "TEU", entered: pickedSinceWarmup, left: port.railImportTEUSinceWarmup, remained: 0, tolerance: 1e-9))
      checks.append(
        CheckOutput(
          name: "port_export_counter", longName: "Rail export TEU accepted (rail) = announced by rail (port), after warm-up",
          units: "TEU", entered: m.acceptedTEU.enumerated().filter { $0.offset % 2 == 1 }.reduce(0) { $0 + $1.element },
          left: port.railExportTEUSinceWarmup, remained: 0, tolerance: 1e-9))
    }
    return checks
  }
}
