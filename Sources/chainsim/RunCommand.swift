import ArgumentParser
import Experiments
import Foundation
import SimKernel

extension ChainSim {
  /// `chainsim run`: replications in parallel, results to HDF5, a KPI summary.
  struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a scenario's replications and write the results to HDF5.",
      discussion: """
        Writes output/<scenario file stem>.h5 unless -o is given: a temporary file renamed into place \
        only when complete. The same scenario, seed and version give a byte-identical file for any -j.

        Prints the headline KPIs of each subsystem (mean, 95% confidence interval over the replications \
        and units; the list is HeadlineKPIs in the Experiments library), the checks, and the results file \
        last. --all prints every KPI; --json prints everything as JSON.

        Exit 1 when a flow-balance invariant failed (the file is written with the failure recorded).
        """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .shortAndLong, help: "Results file (default: output/<scenario stem>.h5).")
    var output: String?

    @Option(name: .customShort("j"), parsing: .unconditional, help: jobsHelp)
    var jobsText: WholeNumberArgument?

    /// `-j`, checked; all cores when not given.
    var jobs: Int { get throws { try jobCount(jobsText, cores: ProcessInfo.processInfo.activeProcessorCount) } }

    @Option(
      help: ArgumentHelp(
        "Write every tagged entity's trace of a subsystem to /traces/<subsystem> (repeatable; supported: ring).",
        valueName: "subsystem"))
    var trace: [String] = []

    @Flag(help: "Print every KPI, not only the headline ones.")
    var all = false

    @Flag(help: "Print the summary as JSON on stdout (every KPI).")
    var json = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
      _ = try jobs
      for t in trace where t != "ring" { throw ValidationError("--trace supports ring, found '\(t)'") }
    }

    func run() async throws {
      let prepared = try ScenarioPreparation.prepare(path: scenario.scenario, overrides: scenario.allOverrides)
      for w in prepared.warnings where !quiet { printError("warning: \(w)") }
      if trace.contains("ring"), prepared.config.ring == nil {
        throw CommandFailure(message: "--trace ring: the scenario has no enabled ring section", kind: .badInput)
      }
      let path = output ?? ScenarioPreparation.defaultOutputPath(for: scenario.scenario)
      try ScenarioRunner.checkOutput(prepared, outputPath: path)
      let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0, label: prepared.name)
      let tracker = RunProgress(replications: prepared.config.run.replications, horizon: prepared.config.run.horizon)
      progress.follow(tracker)
      let report: RunReport
      do {
        report = try await ScenarioRunner.run(prepared, jobs: try jobs, outputPath: path, traces: trace, tracker: tracker)
      } catch {
        progress.finish()
        throw error
      }
      progress.finish()
      if json {
        print(SummaryFormatter.json(report))
      } else if !quiet {
        let text = all ? SummaryFormatter.table(report) : SummaryFormatter.headline(report)
        print(DisplayText.escaped(text, keepingLineBreaks: true))
      }
      if !report.failedChecks.isEmpty {
        throw CommandFailure(
          message: "invariant failed: " + report.failedChecks.joined(separator: "; ")
            + " (results written to \(report.outputPath) with the failure recorded)", kind: .failedInvariant)
      }
    }
  }
}

/// Writes a line a person reads to standard output, with the user text in it (names, paths)
/// escaped by ``DisplayText/message(_:maxLineLength:)``.
func printLine(_ text: String) {
  print(DisplayText.message(text))
}

/// Writes a line to standard error, escaped like ``printLine(_:)``.
func printError(_ text: String) {
  writeStandardError(DisplayText.message(text) + "\n")
}

/// Writes text to standard error, ignoring a failed write: standard error on a full disk
/// or past a file-size limit must not turn an exit code into a crash (`FileHandle.write(_:)`
/// traps on such an error).
func writeStandardError(_ text: String) {
  try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}
