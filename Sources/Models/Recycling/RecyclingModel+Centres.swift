import SimKernel

extension RecyclingModel {
  /// Starts idle lines of a store on batches from its stock.
  func startLines(store s: Int) {
    let line = plan.storeLine[s]
    guard waiting[s] > 0, busyServers[s] < line.parallelLines, line.isWorking(at: scheduler.now) else { return }
    for server in plan.serverStore.indices where plan.serverStore[server] == s && serverLoad[server] == 0 {
      guard waiting[s] > 0 else { break }
      let amount = Swift.min(waiting[s], line.batch)
      waiting[s] = amount == waiting[s] ? 0 : waiting[s] - amount
      serverLoad[server] = amount
      inProcess[s] += amount
      busyServers[s] += 1
      metrics.busyLines[s].record(Double(busyServers[s]), at: scheduler.now)
      scheduler.schedule(after: amount / line.capacity, SubsystemTag.recycling,
                   kind: RecyclingEvent.batchProcessed.rawValue, entity: Int32(server), priority: .release)
    }
    storeChanged(s)
  }

  /// A batch is done: it splits into recovered fractions and residue; the line takes the
  /// next batch and deferred pickups may go.
  func batchProcessed(server: Int) {
    let s = plan.serverStore[server]
    let c = plan.storeCategory[s]
    let amount = serverLoad[server]
    serverLoad[server] = 0
    inProcess[s] = busyServers[s] == 1 ? 0 : Swift.max(0, inProcess[s] - amount)
    busyServers[s] -= 1
    metrics.busyLines[s].record(Double(busyServers[s]), at: scheduler.now)
    metrics.run.processed[c] += amount
    metrics.kpi.processed[c] += amount
    var recovered = 0.0
    for (i, f) in config.categories[c].fractions.enumerated() {
      let t = amount * f.yield
      recovered += t
      metrics.run.recovered[fractionStart[c] + i] += t
      metrics.kpi.recovered[fractionStart[c] + i] += t
    }
    // Residue closes the split exactly: processed = recovered + residue.
    let residue = Swift.max(0, amount - recovered)
    metrics.run.residue[c] += residue
    metrics.kpi.residue[c] += residue
    costs.add(cny: amount * plan.storeLine[s].costPerTonne, category: processingCost)
    storeChanged(s)
    startLines(store: s)
    releaseDeferred(store: s)
  }

  /// Records a store's levels and counts upward crossings of its planning threshold.
  func storeChanged(_ s: Int) {
    let now = scheduler.now
    let onSite = waiting[s] + inProcess[s]
    metrics.waiting[s].record(waiting[s], at: now)
    metrics.onSite[s].record(onSite, at: now)
    if onSite > metrics.maxOnSite[s] { metrics.maxOnSite[s] = onSite }
    guard let threshold = plan.storeLine[s].planningThreshold else { return }
    let isAbove = onSite > threshold
    if isAbove != above[s] {
      above[s] = isAbove
      if isAbove { metrics.exceedances[s] += 1 }
      metrics.aboveThreshold[s].record(isAbove ? 1 : 0, at: now)
    }
  }
}
