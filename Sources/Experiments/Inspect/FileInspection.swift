import Results
import SimKernel

/// What `chainsim inspect` shows about a results file: its identity, the checks, the KPI
/// table, and a warm-up estimate per series against the scenario's warm-up.
public struct FileInspection: Sendable {
  public var path: String
  public var contents: ResultsContents
  public var rows: [KPISummaryRow]
  public var estimates: [WarmupEstimate]
  /// The cycle used for the warm-up batches, in the file's time unit.
  public var cycle: Double

  /// Reads a results file and analyses it.
  ///
  /// - Parameters:
  ///   - path: a run results file.
  ///   - cycle: the cycle whose whole multiples form the warm-up batches (24 h by default).
  public init(path: String, cycle: Double = 24) throws(ResultsError) {
    self.path = path
    contents = try ResultsFile.read(path: path)
    rows = KPISummary.rows(contents.replicationOutputs())
    estimates = WarmupEstimate.all(contents, cycle: cycle)
    self.cycle = cycle
  }

  /// Failed checks as "subsystem/check in replication r".
  public var failedChecks: [String] {
    var out: [String] = []
    for sub in contents.subsystems {
      for check in sub.checks {
        for (row, ok) in check.passed.enumerated() where !ok {
          out.append("\(sub.name)/\(check.name) in replication \(contents.replications[row])")
        }
      }
    }
    return out
  }

  /// Number of checks × replications.
  public var checkCount: Int { contents.subsystems.reduce(0) { $0 + $1.checks.reduce(0) { $0 + $1.passed.count } } }

  /// Series whose estimated warm-up is longer than the scenario's, as warnings.
  public var warmupWarnings: [String] {
    let warmup = contents.metadata.warmup
    return estimates.compactMap { e in
      guard let w = e.warmup, w > warmup + 1e-9 else { return nil }
      return
        "\(e.subsystem)/\(e.series)\(e.label.map { "[\($0)]" } ?? ""): estimated warm-up \(w) \(contents.metadata.timeUnit) is longer than the scenario's \(warmup) \(contents.metadata.timeUnit)"
    }
  }
}
