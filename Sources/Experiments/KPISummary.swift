import SimKernel

/// One line of a run's summary: a KPI (and label) over the replications, with its interval.
public struct KPISummaryRow: Sendable, Equatable {
  public var subsystem: String
  public var kpi: String
  /// The label of a breakdown (terminal, corridor...), or nil.
  public var label: String?
  public var longName: String
  public var units: String
  public var better: Better
  /// Mean over replications (NaN values — a KPI with no observation in a replication — are skipped).
  public var mean: Double
  /// Half-width of the Student-t interval (+∞ with fewer than two replications).
  public var halfWidth: Double
  /// Replications that had a value.
  public var count: Int

  /// Creates a row.
  public init(
    subsystem: String, kpi: String, label: String?, longName: String, units: String, better: Better,
    mean: Double, halfWidth: Double, count: Int
  ) {
    self.subsystem = subsystem
    self.kpi = kpi
    self.label = label
    self.longName = longName
    self.units = units
    self.better = better
    self.mean = mean
    self.halfWidth = halfWidth
    self.count = count
  }
}

/// Summarises per-replication KPIs: mean and confidence interval across replications.
public enum KPISummary {
  /// The rows of every KPI of every subsystem, in output order.
  public static func rows(_ outputs: [ReplicationOutput], level: Double = 0.95) -> [KPISummaryRow] {
    guard let first = outputs.first else { return [] }
    var rows: [KPISummaryRow] = []
    for (s, sub) in first.subsystems.enumerated() {
      for (k, kpi) in sub.kpis.enumerated() {
        for label in 0..<kpi.info.width {
          let values = outputs.map { $0.subsystems[s].kpis[k].values[label] }.filter { !$0.isNaN }
          let ci = try? ConfidenceInterval(samples: values, level: level)
          rows.append(
            KPISummaryRow(
              subsystem: sub.name, kpi: kpi.info.name, label: kpi.info.axis?.labels[label],
              longName: kpi.info.longName, units: kpi.info.units, better: kpi.info.better,
              mean: ci?.mean ?? .nan, halfWidth: ci?.halfWidth ?? .infinity, count: values.count))
        }
      }
    }
    return rows
  }
}
