import Results
import SimKernel

/// One row of the report's "what changed in the inputs" table: a scenario key path and its
/// value in each file (nil where a file does not set it). The report takes these rows as
/// data; computing them is the comparison's job.
public typealias ReportInputRow = InputDifference

/// A results file handed to the report, already read.
public enum ReportInput: Sendable {
  /// A run file (`ResultsFile.read`).
  case run(path: String, contents: ResultsContents)
  /// A sweep file (`ResultsFile.readSweep`).
  case sweep(path: String, results: SweepResults)
}

/// The header line of one file: who made it and whether its invariants held.
public struct ReportFileSummary: Sendable, Equatable {
  public var path: String
  /// `run` or `sweep`.
  public var kind: String
  public var scenarioName: String
  public var scenarioSHA256: String
  public var softwareVersion: String
  public var seed: UInt64
  /// Replications (a sweep: replication slots per point).
  public var replications: Int
  /// Horizon and warm-up in days.
  public var horizonDays: Double
  public var warmupDays: Double
  public var fingerprint: String
  /// Checks that held in every replication, and the names of those that failed somewhere.
  public var checksPassed: Int
  public var failedChecks: [String]
  /// A sweep's points and parameters (`name (units): values`); empty for a run.
  public var sweepPoints: Int
  public var sweepParameters: [String]
  /// Palette index of this file's lines.
  public var colour: Int
}

/// A mean with its Student-t interval over replications.
public struct ReportEstimate: Sendable, Equatable {
  public var mean: Double
  /// Half-width of the 95% interval (+∞ with fewer than two replications).
  public var halfWidth: Double
  /// Replications with a value (NaN values are skipped).
  public var count: Int
  public var lower: Double { mean - halfWidth }
  public var upper: Double { mean + halfWidth }
}

/// A variant's difference from the first file, with compare's interval (paired under common
/// random numbers, else Welch; `chainsim compare` adds p-values and the Holm correction).
public struct ReportDifference: Sendable, Equatable {
  /// `mean(variant) − mean(base)`.
  public var difference: Double
  /// Half-width of the 95% interval for the difference (paired or Welch, as compare chooses).
  public var halfWidth: Double
  /// Whether the two files' own 95% intervals are disjoint: marked in the table.
  public var intervalsDisjoint: Bool
  /// `better`/`worse` by the KPI's direction when the intervals are disjoint, else `none`.
  public var verdict: Verdict

  public enum Verdict: String, Sendable, Equatable {
    case better, worse, none
  }
}

/// One line of the KPI table: a KPI (and label) with each run file's estimate.
public struct ReportKPIRow: Sendable, Equatable {
  public var kpi: String
  public var label: String?
  public var longName: String
  public var units: String
  public var better: Better
  /// One per run file; nil where the file lacks the KPI or label.
  public var estimates: [ReportEstimate?]
  /// One per run file after the first; nil where either side lacks a value.
  public var differences: [ReportDifference?]
}

/// A subsystem's part of the report: its KPI table and its time-series charts.
public struct ReportSubsystem: Sendable, Equatable {
  public var name: String
  /// Indices of the run files that have this subsystem.
  public var files: [Int]
  public var kpis: [ReportKPIRow]
  public var charts: [Chart]
  /// Remarks such as labels left out of the charts.
  public var notes: [String]
}

/// A sweep file's part of the report: KPI versus parameter charts.
public struct ReportSweepSection: Sendable, Equatable {
  /// Index into ``Report/files``.
  public var file: Int
  public var charts: [Chart]
  public var notes: [String]
}

/// Everything the HTML page shows, built by ``ReportBuilder`` and drawn by ``HTMLReport``.
public struct Report: Sendable, Equatable {
  public var title: String
  public var files: [ReportFileSummary]
  /// Indices (into ``files``) of the run files, in order; the first is the base.
  public var runFiles: [Int]
  public var inputRows: [ReportInputRow]
  /// What the input section says when there are no rows (identical scenarios, or why
  /// no key-by-key list is shown).
  public var inputNote: String
  public var subsystems: [ReportSubsystem]
  public var sweeps: [ReportSweepSection]
  /// Remarks about the whole report (subsystems not in every file, caps applied).
  public var notes: [String]

  /// Every chart of the page, in page order.
  public var allCharts: [Chart] { subsystems.flatMap(\.charts) + sweeps.flatMap(\.charts) }
}

/// Why a report cannot be made (bad input, exit code 2) or written (the environment, 3).
public struct ReportError: Error, CustomStringConvertible, Equatable, Sendable {
  public var message: String
  /// 2 for bad input or usage, 3 for an environment failure (DESIGN.md).
  public var exitCode: Int32
  public init(_ message: String, exitCode: Int32 = 2) {
    self.message = message
    self.exitCode = exitCode
  }
  public var description: String { message }
}

extension ReportError: ClassifiedError {
  /// Exit code 3 is the environment; anything else a report refuses is bad input.
  public var failureKind: FailureKind { exitCode == 3 ? .environment : .badInput }
}
