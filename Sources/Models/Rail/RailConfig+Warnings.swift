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
        out.append(
          String(
            format:
              "rail.corridors[name=%@]: its timetable repeats every %@ h, longer than the warm-up (%@ h); KPIs will include start-up effects",
            c.name, warningNumber(c.timetable.cycle, 0), warningNumber(warmup, 0)))
      }
      if c.capacityTEU < 20 {
        out.append(
          String(
            format: "rail.corridors[name=%@]: a train carries %@ TEU, less than one batch of the port (about 17 TEU): boxes may never fit",
            c.name, warningNumber(c.capacityTEU, 1)))
      }
    }
    if yard.capacityTEU < 20 {
      out.append(
        String(
          format:
            "rail.yard.capacity_teu: %@ TEU is less than one batch of the port (about 17 TEU): rail imports wait in the port yard for ever",
          warningNumber(yard.capacityTEU, 1)))
    }
    return out
  }
}
