import SimKernel

/// One column of a sweep's parameter table (`/sweep/<name>`): the value each point gives
/// the parameter, and the scenario key paths it sets.
public struct SweepParameterColumn: Sendable, Equatable {
  /// ASCII snake_case identifier, the dataset's name in `/sweep`.
  public var name: String
  /// The scenario key paths the parameter sets (one value, several places).
  public var keyPaths: [String]
  /// Units of the numeric value (`1` when none is given).
  public var units: String
  /// The numeric value per point; nil for a parameter whose values are text.
  public var numbers: [Double]?
  /// The text set into the scenario per point (after any `format`).
  public var texts: [String]

  public init(name: String, keyPaths: [String], units: String, numbers: [Double]?, texts: [String]) {
    self.name = name
    self.keyPaths = keyPaths
    self.units = units
    self.numbers = numbers
    self.texts = texts
  }
}

/// Everything a sweep results file holds: the base run's identity, the parameter table and,
/// per point and replication slot, a replication's output (nil for an unused slot of a
/// point that reached its precision early, written as NaN).
public struct SweepResults: Sendable {
  /// Root attributes and `/scenario` (the base scenario, before the sweep's overrides).
  /// `replications` is the number of replication slots per point; `fingerprint` the
  /// sweep's (over every used slot in (point, replication) order).
  public var metadata: RunMetadata
  /// The sweep file in canonical form (`/sweep/definition`).
  public var definitionText: String
  /// Identity of the resolved sweep (`sweep_sha256`).
  public var sweepSHA256: String
  /// `grid` or `lhs`.
  public var design: String
  public var parameters: [SweepParameterColumn]
  /// The points' indices (the `/point` scale), ascending.
  public var points: [Int]
  /// The resolved scenario hash of each point.
  public var pointScenarioSHA256: [String]
  /// Replications actually run per point (the rest of the slots are NaN).
  public var replicationsUsed: [Int]
  /// `cells[point row][slot]`; every non-nil output must have the same structure.
  public var cells: [[ReplicationOutput?]]

  public init(
    metadata: RunMetadata, definitionText: String, sweepSHA256: String, design: String,
    parameters: [SweepParameterColumn], points: [Int], pointScenarioSHA256: [String],
    replicationsUsed: [Int], cells: [[ReplicationOutput?]]
  ) {
    self.metadata = metadata
    self.definitionText = definitionText
    self.sweepSHA256 = sweepSHA256
    self.design = design
    self.parameters = parameters
    self.points = points
    self.pointScenarioSHA256 = pointScenarioSHA256
    self.replicationsUsed = replicationsUsed
    self.cells = cells
  }
}

extension ResultsWriter {
  /// Writes a sweep in the sweep layout of DESIGN.md: a `/sweep` group with the parameter
  /// table, a leading `point` dimension before `replication` on every series, KPI and
  /// check. Built in memory, then written to a temporary name, fsynced and renamed, so the
  /// same results give the same bytes.
  ///
  /// - Throws: ``ResultsError`` `.input` when the results do not fit together,
  ///   `.environment` when the disk fails.
  public static func writeSweep(_ sweep: SweepResults, to path: String) throws(ResultsError) {
    try SweepValidation.validate(sweep, path: path)
    let target = try DurableFile(path: path, content: .results)
    let bytes: [UInt8]
    do {
      bytes = try HDF5.serialized { () throws(HDF5Failure) -> [UInt8] in
        try SweepFileWriter.image(of: sweep, label: target.temporaryPath)
      }
    } catch {
      throw .environment(path, "cannot build the sweep file: \(error.operation) failed", detail: error.detail)
    }
    try target.write(bytes)
  }
}
