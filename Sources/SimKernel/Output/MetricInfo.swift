/// Which direction of a KPI is an improvement, stored as the `better` attribute.
public enum Better: String, Sendable, Equatable, CaseIterable {
  case lower, higher, none
}

/// A named breakdown of a metric, such as terminals or corridors, stored as a string
/// dimension scale in the subsystem's group.
public struct LabelAxis: Sendable, Equatable, Hashable {
  /// The dimension's ASCII snake_case name, e.g. `terminal`.
  public var name: String
  /// The human names of the labels, in their fixed order.
  public var labels: [String]
  public init(name: String, labels: [String]) {
    self.name = name
    self.labels = labels
  }
}

/// What a series or KPI is: its identifier, human name, units and breakdown.
public struct MetricInfo: Sendable, Equatable {
  /// ASCII snake_case identifier, e.g. `vessels_at_anchor`.
  public var name: String
  /// Human name, stored as the `long_name` attribute.
  public var longName: String
  /// Units string, stored as the `units` attribute (e.g. `h`, `1`, `TEU`, `moves/h`).
  public var units: String
  /// Direction of improvement (KPIs; series use `.none`).
  public var better: Better
  /// The label breakdown, or `nil` for a scalar per replication (per time for series).
  public var axis: LabelAxis?
  /// The smallest value the quantity can physically take, declared where the metric is
  /// registered: `0` for counts, tonnes, TEU, durations, shares and the like; `nil` for a
  /// quantity that may be negative (a temperature in °C, emissions with credits). Stored as
  /// the CF `valid_min` attribute; the report clips confidence bands at it.
  public var validMin: Double?

  public init(name: String, longName: String, units: String, better: Better = .none, axis: LabelAxis? = nil, validMin: Double? = nil) {
    self.name = name
    self.longName = longName
    self.units = units
    self.better = better
    self.axis = axis
    self.validMin = validMin
  }

  /// The number of values per replication (per sample time for series).
  public var width: Int { axis?.labels.count ?? 1 }
}
