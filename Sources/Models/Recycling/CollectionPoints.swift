import SimKernel

/// The formal collection points: the tonnes each holds by category, waiting for a vehicle of
/// its centre, within the point's room (if it has a limit).
final class CollectionPoints {
  let config: RecyclingConfig
  let plan: RecyclingPlan
  let scheduler: Scheduler
  let metrics: RecyclingMetrics
  /// Tonnes held: `stock[point * categories + category]`.
  var stock: [Double]

  init(config: RecyclingConfig, plan: RecyclingPlan, metrics: RecyclingMetrics, scheduler: Scheduler) {
    self.config = config
    self.plan = plan
    self.metrics = metrics
    self.scheduler = scheduler
    stock = Array(repeating: 0, count: config.points.count * plan.categoryCount)
  }

  /// Whether a point has room for `mass` more tonnes (always, without a limit).
  func hasRoom(point p: Int, for mass: Double) -> Bool {
    guard let room = config.points[p].capacity else { return true }
    let nc = plan.categoryCount
    var held = 0.0
    for k in 0..<nc { held += stock[p * nc + k] }
    return held + mass <= room
  }

  func changeStock(point p: Int, category c: Int, by delta: Double) {
    stock[p * plan.categoryCount + c] += delta
    metrics.pointStock[c].add(delta, at: scheduler.now)
  }

  /// Tonnes at a job's point of the categories its fleet carries.
  func jobStock(_ j: Int) -> Double {
    let nc = plan.categoryCount
    let p = plan.jobs[j].point
    var total = 0.0
    for c in plan.jobs[j].categories { total += stock[p * nc + c] }
    return total
  }
}
