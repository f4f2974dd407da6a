/// The KPIs a planner reads first, per subsystem: what `chainsim run` prints by default
/// (the full table is `--all`), and what a workbench shows before the details.
///
/// The one declared list is ``list``; nothing else chooses headline KPIs. Each entry names a
/// KPI without a label breakdown (a total or a mean over the whole subsystem), so that a
/// subsystem takes one line per entry however many terminals, corridors or categories the
/// scenario has.
public enum HeadlineKPIs {
  /// One subsystem's headline KPIs, in the order they are shown.
  public struct Entry: Sendable, Equatable {
    /// The subsystem, as in the results file (`port`, `rail`...).
    public var subsystem: String
    /// KPI names, as in the results file.
    public var kpis: [String]

    /// Creates an entry.
    public init(subsystem: String, kpis: [String]) {
      self.subsystem = subsystem
      self.kpis = kpis
    }
  }

  /// The declared list: two to six KPIs per subsystem.
  public static let list: [Entry] = [
    Entry(
      subsystem: "port",
      kpis: [
        "teu_throughput_annual", "vessel_call_rate", "wait_for_berth_mean", "wait_for_berth_p90", "time_in_port_mean",
        "truck_turnaround_mean",
      ]),
    Entry(
      subsystem: "rail",
      kpis: [
        "rail_teu_annual", "rail_share_of_throughput", "train_fill_teu", "co2_per_laden_teu", "subsidy_total",
      ]),
    Entry(
      subsystem: "ring",
      kpis: [
        "on_time_share_total", "lead_time_mean_total", "lead_time_p90_total", "spoilage_share_total", "unmet_share_total",
      ]),
    Entry(
      subsystem: "recycling",
      kpis: [
        "collection_rate_total", "backlog_at_points_total_mean", "backlog_at_centres_total_mean",
      ]),
    Entry(subsystem: "accounts", kpis: ["co2_total", "cost_total"]),
  ]

  /// KPIs shown for a subsystem the list does not name (one added after the list was written).
  public static let fallbackCount = 4

  /// The headline rows of a run's summary, in subsystem order and, within a subsystem, in the
  /// list's order. A listed KPI with a label breakdown contributes its rows for every label;
  /// a listed KPI the run does not have is left out. A subsystem the list does not name
  /// contributes its first ``fallbackCount`` KPIs without a label.
  public static func rows(_ rows: [KPISummaryRow]) -> [KPISummaryRow] {
    var subsystems: [String] = []
    for r in rows where !subsystems.contains(r.subsystem) { subsystems.append(r.subsystem) }
    var out: [KPISummaryRow] = []
    for s in subsystems {
      let own = rows.filter { $0.subsystem == s }
      if let entry = list.first(where: { $0.subsystem == s }) {
        for kpi in entry.kpis { out += own.filter { $0.kpi == kpi } }
      } else {
        out += own.filter { $0.label == nil }.prefix(fallbackCount)
      }
    }
    return out
  }
}
