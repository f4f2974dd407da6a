import Foundation
import Results

/// How to run a sweep.
public struct SweepOptions: Sendable {
  /// Replications run at once.
  public var jobs: Int
  /// A slice of the points; its output is a part file for `merge`.
  public var shard: SweepShard?
  /// Write a durable record per finished replication (off only to measure their cost:
  /// a killed run then loses everything).
  public var durableRecords: Bool
  /// Keep the records folder after the output is complete.
  public var keepRecords: Bool
  /// fsync each record (on by default).
  public var syncRecords: Bool

  public init(jobs: Int, shard: SweepShard? = nil, durableRecords: Bool = true, keepRecords: Bool = false, syncRecords: Bool = true) {
    self.jobs = jobs
    self.shard = shard
    self.durableRecords = durableRecords
    self.keepRecords = keepRecords
    self.syncRecords = syncRecords
  }
}

/// What a sweep run did.
public struct SweepReport: Sendable {
  public var outputPath: String
  public var points: Int
  public var replicationsRun: Int
  public var replicationsResumed: Int
  public var wallSeconds: Double
  /// Failed flow-balance checks, as "point p replication r: subsystem/check".
  public var failedChecks: [String]
}

/// Runs a prepared sweep and writes its results file (or, for a shard, its part file).
public enum SweepRunner {
  /// Runs the sweep, resuming from the records next to `outputPath`, then assembles the
  /// HDF5 file (or part file) from them in canonical order and removes the records.
  /// - Throws: ``SweepError``, `ResultsError`.
  public static func run(
    _ sweep: PreparedSweep, outputPath: String, options: SweepOptions,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws -> SweepReport {
    let start = Date()
    let header = SweepHeader(sweep)
    let slice = try options.shard?.points(of: sweep.points.count) ?? Array(sweep.points.indices)
    // Everything that can be refused is refused before the first event: the output path
    // (not an input, device, folder or foreign file), its folder (writable), the records folder.
    try OutputDestination(path: outputPath, content: options.shard == nil ? .results : .sweepPart, inputs: sweep.inputs).prepare()
    let store =
      options.durableRecords
      ? try SweepRecordStore(output: outputPath, sweepSHA256: sweep.sha256, sweepName: sweep.definition.name, sync: options.syncRecords)
      : nil
    let outcome: SweepOutcome
    do {
      outcome = try await SweepExecution.run(sweep, points: slice, jobs: options.jobs, store: store, progress: progress)
      if let shard = options.shard {
        try SweepParts.write(header: header, shard: shard, outcome: outcome, to: outputPath)
      } else {
        let results = try header.results(outputs: outcome.outputs, used: outcome.used)
        try ResultsWriter.writeSweep(results, to: outputPath)
      }
    } catch {
      throw Self.withResumeHint(error, store: store)
    }
    if !options.keepRecords { store?.remove() }
    var failed: [String] = []
    for p in slice {
      for (r, o) in (outcome.outputs[p] ?? [:]).sorted(by: { $0.key < $1.key }) {
        for s in o.subsystems { for c in s.checks where !c.passed { failed.append("point \(p) replication \(r): \(s.name)/\(c.name)") } }
      }
    }
    return SweepReport(
      outputPath: outputPath, points: slice.count, replicationsRun: outcome.ran,
      replicationsResumed: outcome.resumed, wallSeconds: Date().timeIntervalSince(start), failedChecks: failed)
  }

  /// An environment failure (a full disk) told with where the finished work is kept and how
  /// to resume from it; any other error unchanged.
  static func withResumeHint(_ error: Error, store: SweepRecordStore?) -> Error {
    guard let store, FileManager.default.fileExists(atPath: store.folder) else { return error }
    let hint = "; the finished replications are kept in \(store.folder): run the same command again to resume from them"
    switch error {
    case let e as SweepError where e.exitCode == 3:
      return SweepError.environment(e.message + hint)
    case let e as ResultsError where e.classification == .environment:
      return ResultsError(.environment, path: e.path, message: e.message + hint, detail: e.detail)
    default:
      return error
    }
  }

  /// Merges part files into the sweep's results file. The output path is checked (not one
  /// of the parts, a device, a folder or a foreign file; its folder writable) before any
  /// part is read.
  public static func merge(parts: [String], outputPath: String) throws -> SweepResults {
    let inputs = parts.map { OutputDestination.Input(path: $0, role: "a part file to merge") }
    try OutputDestination(path: outputPath, content: .results, inputs: inputs).prepare()
    let results = try SweepParts.merge(parts)
    try ResultsWriter.writeSweep(results, to: outputPath)
    return results
  }
}
