import Foundation
import Models
import Results
import SimKernel

/// What a run produced: where the file is, what it holds, and what failed.
public struct RunReport: Sendable {
  public var outputPath: String
  public var metadata: RunMetadata
  public var outputs: [ReplicationOutput]
  public var rows: [KPISummaryRow]
  /// Failed flow-balance checks, as "subsystem/check in replication r (entered, left, remained)".
  public var failedChecks: [String]
  /// Events over all replications, and the wall-clock time of the simulation (not the write).
  public var events: Int
  public var wallSeconds: Double
}

/// Runs a prepared scenario's replications and writes the results file.
public enum ScenarioRunner {
  /// Runs every replication on `jobs` workers, writes `outputPath` (temporary name, then
  /// renamed), and returns the report. A failed invariant does not throw: it is recorded in
  /// the file and listed in ``RunReport/failedChecks``.
  ///
  /// Before the first event, the output path is checked (``OutputDestination``: not a
  /// device, FIFO, folder, other file or one of the scenario's files) and its folder is
  /// created and probed for writing, so a refusal costs no simulation.
  /// - Throws: `ResultsError` when the file must not or cannot be written.
  /// - Parameters:
  ///   - traces: subsystems whose entity traces go to `/traces` (`ring`).
  ///   - tracker: follows the run as it goes (replications done, simulated time of the
  ///     running ones); see ``RunProgress``.
  ///   - progress: called after each finished replication with (done, total).
  public static func run(
    _ prepared: PreparedRun, jobs: Int, outputPath: String, traces: [String] = [],
    tracker: RunProgress? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws(ResultsError) -> RunReport {
    try checkOutput(prepared, outputPath: outputPath)
    let start = Date()
    var config = prepared.config
    if traces.contains("ring") { config.ring?.recordTraces = true }
    let (runOutputs, traceTables) = await ReplicationSet.runWithTraces(config, jobs: jobs, tracker: tracker, progress: progress)
    var outputs = runOutputs
    #if DEBUG
      injectFaultForTests(&outputs)
    #endif
    let wall = Date().timeIntervalSince(start)
    let metadata = Self.metadata(prepared, outputs: outputs)
    try ResultsWriter.write(metadata: metadata, replications: outputs, traces: traceTables, to: outputPath)
    var failed: [String] = []
    for o in outputs {
      for s in o.subsystems {
        for c in s.checks where !c.passed {
          failed.append(
            "\(s.name)/\(c.name) in replication \(o.replication) (entered \(c.entered), left \(c.left), remained \(c.remained))")
        }
      }
    }
    return RunReport(
      outputPath: outputPath, metadata: metadata, outputs: outputs, rows: KPISummary.rows(outputs),
      failedChecks: failed, events: outputs.reduce(0) { $0 + $1.events }, wallSeconds: wall)
  }

  /// Checks `outputPath` as ``run(_:jobs:outputPath:traces:tracker:progress:)`` does before
  /// its first event (``OutputDestination``), creating and probing its folder: a command calls
  /// it before it starts to show progress, so a refusal is the only thing a planner sees.
  /// - Throws: `ResultsError` when the file must not or cannot be written.
  public static func checkOutput(_ prepared: PreparedRun, outputPath: String) throws(ResultsError) {
    try OutputDestination(path: outputPath, content: .results, inputs: OutputDestination.Input.scenario(prepared.files)).prepare()
  }

  /// The root attributes of the run's results file.
  public static func metadata(_ prepared: PreparedRun, outputs: [ReplicationOutput]) -> RunMetadata {
    let r = prepared.config.run
    let sampler = Sampler(interval: r.sampleInterval, horizon: r.horizon)
    return RunMetadata(
      softwareVersion: SoftwareVersion.string, scenarioName: prepared.name, scenarioSHA256: prepared.sha256,
      scenarioText: prepared.canonicalText, seed: r.seed, streamScheme: StreamScheme.current,
      replications: r.replications, horizon: r.horizon, warmup: r.warmup, timeUnit: kernelTimeUnit,
      sampleInterval: r.sampleInterval, sampleTimes: sampler.times,
      fingerprint: ReplicationSet.combinedFingerprint(outputs))
  }

  #if DEBUG
    /// Debug builds only: `CHAINSIM_INJECT_FAULT=invariant` breaks the first check of
    /// replication 0, so tests can prove that a failed invariant is recorded and exits 1.
    private static func injectFaultForTests(_ outputs: inout [ReplicationOutput]) {
      guard ProcessInfo.processInfo.environment["CHAINSIM_INJECT_FAULT"] == "invariant",
        !outputs.isEmpty, !outputs[0].subsystems.isEmpty, !outputs[0].subsystems[0].checks.isEmpty
      else { return }
      outputs[0].subsystems[0].checks[0].entered += 1
      outputs[0].subsystems[0].checks[0].passed = false
    }
  #endif
}
