import SimKernel

extension RecyclingModel {
  var categoryAxis: LabelAxis { LabelAxis(name: "category", labels: config.categories.map(\.name)) }
  var centreAxis: LabelAxis { LabelAxis(name: "centre", labels: config.centres.map(\.name)) }
  /// Stores and their lines: one label per centre × category with a line (`Ziya/weee`).
  var storeAxis: LabelAxis {
    LabelAxis(
      name: "store",
      labels: plan.storeCentre.indices.map {
        "\(config.centres[plan.storeCentre[$0]].name)/\(config.categories[plan.storeCategory[$0]].name)"
      })
  }
  var fractionAxis: LabelAxis {
    LabelAxis(name: "fraction", labels: config.categories.flatMap { c in c.fractions.map { "\(c.name)/\($0.name)" } })
  }

  /// Registers the recycling time series with the sampler.
  func registerSeries() {
    let series = SeriesList(sampler: sim.sampler, subsystem: Self.subsystem)
    let categories = categoryAxis, stores = storeAxis, centres = centreAxis
    series.add("generated", "Cumulative end-of-life tonnes generated", "t", categories) { [unowned self] c in metrics.run.generated[c] }
    series.add("formally_returned", "Cumulative tonnes returned to formal collection points", "t", categories) { [unowned self] c in
      metrics.run.formal[c]
    }
    series.add("collected", "Cumulative tonnes collected from points by vehicles", "t", categories) { [unowned self] c in
      metrics.run.collected[c]
    }
    series.add("leaked", "Cumulative tonnes leaked to the informal sector", "t", categories) { [unowned self] c in metrics.run.leaked[c] }
    series.add("processed", "Cumulative tonnes processed at centres", "t", categories) { [unowned self] c in metrics.run.processed[c] }
    series.add("backlog_at_points", "Tonnes waiting at collection points", "t", categories) { [unowned self] c in
      pointBacklog(category: c)
    }
    series.add("backlog_at_centre", "Tonnes stored at a centre waiting for its line", "t", stores) { [unowned self] s in waiting[s] }
    series.add("storage_on_site", "Tonnes on site (stored + in process)", "t", stores) { [unowned self] s in waiting[s] + inProcess[s] }
    series.add("lines_busy", "Processing lines busy", "1", stores) { [unowned self] s in Double(busyServers[s]) }
    series.add("vehicles_out", "Collection vehicles away from their centre", "1", centres) { [unowned self] k in
      var out = 0
      for v in plan.vehicleFleet.indices where vehicleJob[v] >= 0 && plan.fleets[plan.vehicleFleet[v]].centre == k { out += 1 }
      return Double(out)
    }
    series.add("vehicle_km", "Cumulative collection vehicle-km", "km", centres) { [unowned self] k in metrics.vehicleKmRun[k] }
  }

  func pointBacklog(category c: Int) -> Double {
    let nc = plan.categoryCount
    var total = 0.0
    for p in config.points.indices { total += stock[p * nc + c] }
    return total
  }

  public func finish(at horizon: SimTime) -> SubsystemOutput {
    let k = metrics.kpi
    let nc = config.categories.count
    let rate = (0..<nc).map { k.generated[$0] > 0 ? k.formal[$0] / k.generated[$0] : 0 }
    let totalGenerated = k.generated.reduce(0, +)
    let totalRate = totalGenerated > 0 ? k.formal.reduce(0, +) / totalGenerated : 0
    let stores = plan.storeCentre.count
    let storeAxis = storeAxis, categoryAxis = categoryAxis, centreAxis = centreAxis
    let pointMeans = metrics.pointStock.map { $0.mean(until: horizon) }
    let waitingMeans = metrics.waiting.map { $0.mean(until: horizon) }
    var kpis = KPIList()
    kpis.add("generated", "End-of-life tonnes generated (after warm-up)", "t", .none, k.generated, categoryAxis)
    kpis.add("formally_returned", "Tonnes returned to formal collection points", "t", .higher, k.formal, categoryAxis)
    kpis.add("collected", "Tonnes collected from points by vehicles", "t", .higher, k.collected, categoryAxis)
    kpis.add("leaked", "Tonnes leaked to the informal sector", "t", .lower, k.leaked, categoryAxis)
    kpis.add("turned_away", "Formal returns leaked because the point was full", "t", .lower, k.turnedAway, categoryAxis)
    kpis.add("collection_rate", "Formal collection rate (formally returned ÷ generated)", "1", .higher, rate, categoryAxis)
    kpis.add("collection_rate_total", "Formal collection rate, all categories by mass", "1", .higher, [totalRate])
    kpis.add("epr_target", "EPR collection-rate target", "1", .none, config.categories.map(\.eprTarget), categoryAxis)
    kpis.add(
      "epr_gap", "Collection rate minus EPR target (negative: below target)", "1", .higher,
      (0..<nc).map { rate[$0] - config.categories[$0].eprTarget }, categoryAxis, validMin: nil)
    kpis.add("backlog_at_points_mean", "Mean tonnes waiting at collection points", "t", .lower, pointMeans, categoryAxis)
    kpis.add("backlog_at_points_total_mean", "Mean tonnes waiting at all collection points", "t", .lower, [pointMeans.reduce(0, +)])
    kpis.add("backlog_at_centre_mean", "Mean tonnes stored waiting for a line", "t", .lower, waitingMeans, storeAxis)
    kpis.add(
      "backlog_at_centres_total_mean", "Mean tonnes stored waiting for a line, all centres", "t", .lower, [waitingMeans.reduce(0, +)])
    kpis.add(
      "storage_on_site_mean", "Mean tonnes on site (stored + in process)", "t", .lower, metrics.onSite.map { $0.mean(until: horizon) },
      storeAxis)
    kpis.add("storage_on_site_max", "Highest tonnes on site", "t", .lower, metrics.onSite.map(\.max), storeAxis)
    kpis.add(
      "threshold_exceedances", "Times tonnes on site rose above the planning threshold", "1", .lower, metrics.exceedances.map(Double.init),
      storeAxis)
    kpis.add(
      "time_above_threshold", "Share of time above the planning threshold", "1", .lower,
      metrics.aboveThreshold.map { $0.mean(until: horizon) }, storeAxis)
    kpis.add(
      "deferred_pickups", "Pickups deferred because the permit cap left no room", "1", .lower, metrics.deferrals.map(Double.init), storeAxis
    )
    kpis.add(
      "line_utilisation", "Processing line utilisation", "1", .none,
      (0..<stores).map { metrics.busyLines[$0].mean(until: horizon) / Double(plan.storeLine[$0].parallelLines) }, storeAxis)
    kpis.add("processed", "Tonnes processed", "t", .higher, k.processed, categoryAxis)
    kpis.add("recovered", "Tonnes of material recovered, by fraction", "t", .higher, k.recovered, fractionAxis)
    kpis.add("residue", "Tonnes of residue (processed − recovered)", "t", .lower, k.residue, categoryAxis)
    kpis.add("vehicle_km", "Collection vehicle-km", "km", .lower, metrics.vehicleKm, centreAxis)
    kpis.add("collection_trips", "Collection trips", "1", .none, metrics.trips.map(Double.init), centreAxis)
    return output(sampler: sim.sampler, kpis: kpis, checks: balanceChecks())
  }

  /// Flow balance in tonnes over the whole run. What remains is counted from the state
  /// (point stocks, vehicle loads, stores, lines), not from the flow counters.
  func balanceChecks() -> [CheckOutput] {
    let r = metrics.run
    let sum = { (a: [Double]) in a.reduce(0, +) }
    let atPoints = sum(stock)
    let inSystem = sum(load) + sum(waiting) + sum(serverLoad)
    var permitExceeded = 0.0
    for s in plan.storeLine.indices {
      if let cap = plan.storeLine[s].permitCap, metrics.maxOnSite[s] > cap * (1 + 1e-12) { permitExceeded += 1 }
    }
    return [
      CheckOutput(
        name: "returns_balance", longName: "Tonnes generated = collected + leaked + waiting at points", units: "t",
        entered: sum(r.generated), left: sum(r.collected) + sum(r.leaked), remained: atPoints, tolerance: 1e-9),
      CheckOutput(
        name: "collection_balance", longName: "Tonnes collected = processed + in storage or process + in transit", units: "t",
        entered: sum(r.collected), left: sum(r.processed), remained: inSystem, tolerance: 1e-9),
      CheckOutput(
        name: "processing_balance", longName: "Tonnes processed = recovered + residue", units: "t",
        entered: sum(r.processed), left: sum(r.recovered) + sum(r.residue), remained: 0, tolerance: 1e-9),
      CheckOutput(
        name: "permit_cap", longName: "Stores above their permit cap at any time", units: "1",
        entered: permitExceeded, left: 0, remained: 0),
    ]
  }
}
