import SimKernel

/// The sorting and processing centres: per store (centre × category with a line), the tonnes
/// stored waiting for a line, in process and on the way in, and the line servers that
/// process them in batches during the shift into recovered fractions and residue. A store's
/// permit cap bounds what it may hold (stored + in process + on the way in).
final class RecyclingCentres {
  let config: RecyclingConfig
  let plan: RecyclingPlan
  let scheduler: Scheduler
  let metrics: RecyclingMetrics
  let costs: CostAccount
  let processingCost: Int
  /// First index of each category's fractions in the flat fraction list.
  let fractionStart: [Int]
  // Per store.
  var waiting: [Double]
  var inProcess: [Double]
  var inTransit: [Double]
  var busyServers: [Int]
  /// Above the planning threshold (to count upward crossings).
  var above: [Bool]
  /// The batch on each line server (0 when idle).
  var serverLoad: [Double]

  init(
    config: RecyclingConfig, plan: RecyclingPlan, metrics: RecyclingMetrics, costs: CostAccount, processingCost: Int,
    scheduler: Scheduler
  ) {
    self.config = config
    self.plan = plan
    self.metrics = metrics
    self.costs = costs
    self.processingCost = processingCost
    self.scheduler = scheduler
    var start: [Int] = []
    var m = 0
    for c in config.categories {
      start.append(m)
      m += c.fractions.count
    }
    fractionStart = start
    let stores = plan.storeCentre.count
    waiting = Array(repeating: 0, count: stores)
    inProcess = waiting
    inTransit = waiting
    busyServers = Array(repeating: 0, count: stores)
    serverLoad = Array(repeating: 0, count: plan.serverStore.count)
    above = Array(repeating: false, count: stores)
  }

  /// Schedules the first shift start of every store whose lines do not work round the clock.
  func start() {
    for (s, line) in plan.storeLine.enumerated() where line.workingHours < 24 {
      scheduler.schedule(at: line.shiftStart, SubsystemTag.recycling, kind: RecyclingEvent.shiftStarts.rawValue, entity: Int32(s))
    }
  }

  /// A store's lines begin their daily shift: the next one is due in a day.
  func shiftStarts(store s: Int) {
    scheduler.schedule(after: 24, SubsystemTag.recycling, kind: RecyclingEvent.shiftStarts.rawValue, entity: Int32(s))
    startLines(store: s)
  }

  /// Free permit room (t) for a category at a centre: cap − (stored + in process + on the
  /// way in). `+∞` without a cap.
  func permitRoom(store s: Int) -> Double {
    guard let cap = plan.storeLine[s].permitCap else { return .infinity }
    return Swift.max(0, cap - waiting[s] - inProcess[s] - inTransit[s])
  }

  /// A vehicle delivers `amount` tonnes that were on their way in: they are stored and idle
  /// lines start.
  func receive(_ amount: Double, store s: Int) {
    inTransit[s] = Swift.max(0, inTransit[s] - amount)
    waiting[s] += amount
    storeChanged(s)
    startLines(store: s)
  }

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
      scheduler.schedule(
        after: amount / line.capacity, SubsystemTag.recycling,
        kind: RecyclingEvent.batchProcessed.rawValue, entity: Int32(server), priority: .release)
    }
    storeChanged(s)
  }

  /// A batch is done: it splits into recovered fractions and residue; the line takes the
  /// next batch. Returns the line's store (whose deferred pickups may go now).
  func batchProcessed(server: Int) -> Int {
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
    return s
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
