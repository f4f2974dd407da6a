import Foundation

extension RailConfig {
  /// Warnings for a rail section that runs but may mislead: a rail yard too small for one
  /// batch (imports would wait in the port yard for ever), a weekly timetable longer than
  /// the warm-up, a corridor whose trains are too small for one batch, no port to couple to.
  public func loadWarnings(warmup: Double, hasPort: Bool = true) -> [String] {
    var out: [String] = []
    if !hasPort {
      out.append("rail: the port is disabled, so no boxes reach the rail links; rail is left out of the run")
    }
    for c in corridors {
      if c.timetable.cycle > warmup && c.demandShare > 0 {
        out.append(String(format: "rail.corridors[name=%@]: its timetable repeats every %.0f h, longer than the warm-up (%.0f h); KPIs will include start-up effects",
                          c.name, c.timetable.cycle, warmup))
      }
      if c.capacityTEU < 20 {
        out.append(String(format: "rail.corridors[name=%@]: a train carries %.1f TEU, less than one batch of the port (about 17 TEU): boxes may never fit",
                          c.name, c.capacityTEU))
      }
    }
    if yard.capacityTEU < 20 {
      out.append(String(format: "rail.yard.capacity_teu: %.1f TEU is less than one batch of the port (about 17 TEU): rail imports wait in the port yard for ever",
                        yard.capacityTEU))
    }
    return out
  }
}
