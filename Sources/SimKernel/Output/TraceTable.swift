/// A table of per-entity records (an entity's trace, one row per step) with named, typed
/// columns, written by the results layer as a named compound dataset under `/traces`.
public struct TraceTable: Sendable, Equatable {
  /// ASCII name of the table (the subsystem: `ring`), the dataset name under `/traces`.
  public var name: String
  /// Human description, stored as `long_name`.
  public var longName: String
  /// The columns, all of the same length, in order.
  public var columns: [TraceColumn]

  public init(name: String, longName: String, columns: [TraceColumn]) {
    self.name = name
    self.longName = longName
    self.columns = columns
  }

  /// The number of rows (0 without columns).
  public var rowCount: Int { columns.first?.count ?? 0 }

  /// This table with the rows of `other` appended (same column names and kinds).
  /// - Precondition: the columns match.
  public func appending(_ other: TraceTable) -> TraceTable {
    precondition(columns.map(\.name) == other.columns.map(\.name), "trace tables with different columns")
    var out = self
    for i in out.columns.indices { out.columns[i].values.append(other.columns[i].values) }
    return out
  }
}

/// One named column of a ``TraceTable``.
public struct TraceColumn: Sendable, Equatable {
  /// ASCII snake_case field name.
  public var name: String
  /// Units of the values (`h`, `t`, `1`, `degC`), or empty for text and identifiers.
  public var units: String
  public var values: TraceValues
  public init(name: String, units: String = "", values: TraceValues) {
    self.name = name
    self.units = units
    self.values = values
  }

  public var count: Int { values.count }
}

/// The values of a trace column: 64-bit integers, doubles or text.
public enum TraceValues: Sendable, Equatable {
  case int([Int64])
  case float([Double])
  case string([String])

  public var count: Int {
    switch self {
    case .int(let v): return v.count
    case .float(let v): return v.count
    case .string(let v): return v.count
    }
  }

  /// Appends values of the same kind.
  /// - Precondition: `other` is of the same kind.
  public mutating func append(_ other: TraceValues) {
    switch (self, other) {
    case (.int(var a), .int(let b)): a += b; self = .int(a)
    case (.float(var a), .float(let b)): a += b; self = .float(a)
    case (.string(var a), .string(let b)): a += b; self = .string(a)
    default: preconditionFailure("trace columns of different kinds")
    }
  }
}

/// A model that can hand over entity traces at the end of a replication.
public protocol TraceProducing: AnyObject {
  /// The replication's traces, or nil when tracing is off.
  func traceTable() -> TraceTable?
}
