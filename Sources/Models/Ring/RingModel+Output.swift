import SimKernel

extension RingModel {
  var categoryAxis: LabelAxis { LabelAxis(name: "category", labels: config.categories.map(\.name)) }
  var destinationAxis: LabelAxis { LabelAxis(name: "destination", labels: config.destinations.map(\.name)) }
  var fleetAxis: LabelAxis { LabelAxis(name: "fleet", labels: config.fleets.map(\.name)) }
  /// Fleets plus the port's drayage trucks.
  var carrierAxis: LabelAxis { LabelAxis(name: "carrier", labels: config.fleets.map(\.name) + ["port drayage"]) }

  /// Registers the ring's time series with the sampler.
  func registerSeries() {
    let series = SeriesList(sampler: sim.sampler, subsystem: Self.subsystem)
    let categories = categoryAxis
    series.add("hub_stock", "Tonnes in the hubs' cold rooms", "t", categories) { [unowned self] c in metrics.hubStock[c].current }
    series.add("supplied", "Cumulative tonnes harvested or imported", "t", categories) { [unowned self] c in
      metrics.run.harvested[c] + metrics.run.imported[c]
    }
    series.add("delivered", "Cumulative tonnes delivered to destinations", "t", categories) { [unowned self] c in metrics.run.delivered[c] }
    series.add("spoiled", "Cumulative tonnes spoiled", "t", categories) { [unowned self] c in metrics.run.spoiled[c] }
    series.add("sold_off", "Cumulative tonnes sold on to other channels after the longest hub dwell", "t", categories) { [unowned self] c in
      metrics.run.soldOff[c]
    }
    series.add("trucks_busy", "Trucks away from home or loading", "1", fleetAxis) { [unowned self] f in Double(busyCount[f]) }
    series.add("ambient_temperature", "Outdoor temperature", "degC", nil, validMin: nil) { [unowned self] _ in
      config.ambient.celsius(at: scheduler.now)
    }
  }

  public func finish(at horizon: SimTime) -> SubsystemOutput {
    let m = metrics
    let nc = config.categories.count, nd = config.destinations.count
    func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
    func byCategory(_ f: (Int) -> Double) -> [Double] { (0..<nc).map(f) }
    func byDestination(_ f: (Int) -> Double) -> [Double] { (0..<nd).map(f) }
    func sum(_ f: (Int) -> Double, _ range: Range<Int>) -> Double { range.reduce(0) { $0 + f($1) } }
    let ix = { (d: Int, c: Int) in d * nc + c }
    // Lead times pooled by category, by destination and in total.
    func pooled(_ keys: [Int]) -> Tally {
      var t = Tally(keepsSamples: true)
      for k in keys { for x in m.leadTime[k].samples { t.add(x) } }
      return t
    }
    let leadByCategory = (0..<nc).map { c in pooled((0..<nd).map { ix($0, c) }) }
    let leadTotal = pooled(Array(0..<(nc * nd)))
    let orders = { (keys: [Int]) in Double(keys.reduce(0) { $0 + m.orders[$1] }) }
    let onTime = { (keys: [Int]) in Double(keys.reduce(0) { $0 + m.onTime[$1] }) }
    let catKeys = (0..<nc).map { c in (0..<nd).map { ix($0, c) } }
    let destKeys = (0..<nd).map { d in (0..<nc).map { ix(d, $0) } }
    let allKeys = Array(0..<(nc * nd))
    let k = m.kpi
    let ended = byCategory { k.delivered[$0] + k.spoiled[$0] + k.soldOff[$0] }
    let categories = categoryAxis, destinations = destinationAxis
    var kpis = KPIList()
    kpis.add(
      "on_time_share", "Share of orders delivered within the target lead time (60 min)", "1", .higher,
      catKeys.map { ratio(onTime($0), orders($0)) }, categories)
    kpis.add(
      "on_time_share_by_destination", "Share of orders delivered within the target lead time, by destination", "1", .higher,
      destKeys.map { ratio(onTime($0), orders($0)) }, destinations)
    kpis.add(
      "on_time_share_total", "Share of all orders delivered within the target lead time", "1", .higher,
      [ratio(onTime(allKeys), orders(allKeys))])
    kpis.add("orders", "Orders completed (or found no stock)", "1", .none, catKeys.map(orders), categories)
    kpis.duration(
      "lead_time", "order lead time", leadByCategory, categories,
      longNames: [.mean: "Mean order lead time (order to delivery)"])
    kpis.duration("lead_time", "order lead time, by destination", destKeys.map(pooled), destinations, suffix: "_by_destination")
    kpis.duration("lead_time", "order lead time, all orders", [leadTotal], suffix: "_total")
    kpis.duration("transport_leg_time", "laden trip time (departure to arrival)", m.legTime, categories)
    kpis.add(
      "spoilage_share", "Spoiled share of the tonnes that left the ring (delivered, spoiled or sold off)", "1", .lower,
      byCategory { ratio(k.spoiled[$0], ended[$0]) }, categories)
    kpis.add(
      "spoilage_share_total", "Spoiled share of all tonnes that left the ring", "1", .lower,
      [ratio(sum({ k.spoiled[$0] }, 0..<nc), sum({ ended[$0] }, 0..<nc))])
    kpis.add("spoiled", "Tonnes spoiled", "t", .lower, k.spoiled, categories)
    kpis.add("sold_off", "Tonnes sold on to other channels after the longest hub dwell (surplus)", "t", .none, k.soldOff, categories)
    kpis.add(
      "sold_off_share_total", "Sold-off share of all tonnes that left the ring", "1", .none,
      [ratio(sum({ k.soldOff[$0] }, 0..<nc), sum({ ended[$0] }, 0..<nc))])
    kpis.add("harvested", "Tonnes harvested at the bases", "t", .none, k.harvested, categories)
    kpis.add("imported", "Tonnes of imported food from the port (reefer containers)", "t", .none, k.imported, categories)
    kpis.add("delivered", "Tonnes delivered", "t", .higher, k.delivered, categories)
    kpis.add(
      "quality_at_delivery", "Mean quality of delivered tonnes (1 = fresh)", "1", .higher,
      byCategory { ratio(m.qualityTonnes[$0], k.delivered[$0]) }, categories)
    kpis.add(
      "fleet_utilisation", "Share of trucks busy (loading, driving, unloading)", "1", .none,
      config.fleets.indices.map { f in
        config.fleets[f].vehicles > 0 ? m.busy[f].mean(until: horizon) / Double(config.fleets[f].vehicles) : .nan
      }, fleetAxis)
    kpis.add("excursions", "Reefer failures on laden trips (cold-chain breaks)", "1", .lower, m.excursions.map(Double.init), carrierAxis)
    kpis.add("excursion_tonnes", "Tonnes on board during a reefer failure", "t", .lower, m.excursionTonnes, categories)
    kpis.add(
      "cold_chain_coverage", "Share of trunk-haul tonnes carried by reefer", "1", .higher,
      byCategory { ratio(m.hauledCold[$0], m.hauled[$0]) }, categories)
    kpis.add(
      "unmet_demand", "Tonnes ordered that no hub could supply", "t", .lower,
      catKeys.map { $0.reduce(0) { $0 + m.unmet[$1] } }, categories)
    kpis.add(
      "unmet_demand_by_destination", "Tonnes ordered that no hub could supply, by destination", "t", .lower,
      destKeys.map { $0.reduce(0) { $0 + m.unmet[$1] } }, destinations)
    kpis.duration("hub_dwell", "time in hub stock of the lots picked for orders", m.hubDwell, categories)
    kpis.add(
      "from_bases", "Tonnes picked at bases for direct delivery (orders the hubs could not fill)", "t", .none,
      m.fromBases, categories)
    kpis.add(
      "unmet_share_total", "Share of ordered tonnes that no hub could supply", "1", .lower,
      [ratio(m.unmet.reduce(0, +), m.ordered.reduce(0, +))])
    kpis.add("hub_stock_mean", "Mean tonnes in the hubs' cold rooms", "t", .none, m.hubStock.map { $0.mean(until: horizon) }, categories)
    kpis.add(
      "trace_completeness", "Share of delivered tonnes with a complete trace from origin", "1", .higher,
      byCategory { ratio(m.tracedTonnes[$0], k.delivered[$0]) }, categories)
    kpis.add(
      "trace_completeness_total", "Share of all delivered tonnes with a complete trace", "1", .higher,
      [ratio(m.tracedTonnes.reduce(0, +), k.delivered.reduce(0, +))])
    kpis.add("vehicle_km", "Truck-km (laden and empty)", "km", .lower, m.vehicleKm, carrierAxis)
    return output(sampler: sim.sampler, kpis: kpis, checks: balanceChecks())
  }

  /// Flow balance in tonnes over the whole run; what remains is counted from the lots' state.
  func balanceChecks() -> [CheckOutput] {
    let r = metrics.run
    let total = { (a: [Double]) in a.reduce(0, +) }
    let atBases = lots.tonnes(in: .atBase) + lots.tonnes(in: .precooling)
    let inStock = lots.tonnes(in: .inStore) + lots.tonnes(in: .picked)
    let inTransit = lots.tonnes(in: .onTruck)
    return [
      CheckOutput(
        name: "tonnage_balance",
        longName: "Tonnes supplied (harvested + imported) = delivered + spoiled + sold off + in stock (bases, hubs) + in transit",
        units: "t", entered: total(r.harvested) + total(r.imported),
        left: total(r.delivered) + total(r.spoiled) + total(r.soldOff),
        remained: atBases + inStock + inTransit, tolerance: 1e-9)
    ]
  }
}
