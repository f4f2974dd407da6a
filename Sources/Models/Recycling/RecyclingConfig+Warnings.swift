import Foundation

extension RecyclingConfig {
  /// Offered load per processing line group: tonnes per hour expected to be returned
  /// formally (return rate × capture probability at the nearest point) against the lines'
  /// capacity. At or above 1 the store grows without bound, or, with a permit cap,
  /// collection of the category stops and returns leak.
  public func loadWarnings() -> [String] {
    let plan = RecyclingPlan(self)
    var offered = Array(repeating: 0.0, count: plan.storeCentre.count)
    for source in plan.sources where source.point >= 0 {
      let s = plan.storeOf[points[source.point].centre * categories.count + source.category]
      if s >= 0 { offered[s] += source.rate * source.capture }
    }
    var out: [String] = []
    for s in offered.indices {
      let line = plan.storeLine[s]
      let capacity = line.dailyAverageCapacity
      let load = capacity > 0 ? offered[s] / capacity : .infinity
      if load >= 1 {
        let centre = centres[plan.storeCentre[s]].name, category = categories[plan.storeCategory[s]].name
        out.append(
          String(
            format:
              "recycling.centres[name=%@].lines[name=%@]: offered load %@ of capacity (%@ t/h returned formally, %@ t/h at most, over the day): the store grows without bound or collection stops at the permit cap",
            centre, category, warningNumber(load, 2), warningNumber(offered[s], 2), warningNumber(capacity, 2)))
      }
    }
    return out
  }
}
