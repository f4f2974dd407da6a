import ArgumentParser
import Experiments
import Foundation
import SimKernel

extension ChainSim {
  /// `chainsim compare`: two results files side by side, with a verdict per KPI.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare two results files (A = base, B = variant): KPIs with intervals, B − A, and a verdict.",
      discussion: """
        Per KPI: mean and interval of A and B, the difference B − A with its interval and p-value — paired-t \
        when the files share seed, replication indices and stream scheme (common random numbers), Welch \
        otherwise — and better/worse from the KPI's `better` attribute (none: no verdict). The p-values of the \
        KPIs with a verdict are Holm-adjusted unless --no-holm. Time series are described per time bin, never \
        judged. Also lists the resolved scenario keys that differ.

        Exit codes: 0 no KPI with a verdict differs significantly; 1 at least one does; 2 files that cannot \
        be read or compared (different horizons, sample intervals, subsystems, KPIs or labels); 3 environment.
        """)

    @Argument(help: "Results file of the base run (A).", completion: .file(extensions: ["h5"]))
    var a: String

    @Argument(help: "Results file of the variant (B); differences are B − A.", completion: .file(extensions: ["h5"]))
    var b: String

    @Option(parsing: .unconditional, help: "Significance level, between 0 and 1; intervals are at confidence 1 − alpha.")
    var alpha: Double = 0.05

    @Flag(name: .customLong("no-holm"), help: "Test each KPI at --alpha on its own (no Holm correction across KPIs).")
    var noHolm = false

    @Flag(help: "Use Welch's test even when the files share common random numbers.")
    var unpaired = false

    @Option(help: ArgumentHelp("Only this subsystem (repeatable).", valueName: "name"))
    var subsystem: [String] = []

    @Flag(help: "Print everything as JSON (per-bin series differences included).")
    var json = false

    @Flag(help: "Print Markdown, for a review comment.")
    var markdown = false

    @Flag(help: "Show only the KPIs that differ significantly and the series with a bin whose interval excludes 0 (table and Markdown).")
    var differencesOnly = false

    @Flag(name: .shortAndLong, help: "Print nothing; the exit code is the answer.")
    var quiet = false

    func validate() throws {
      guard alpha > 0, alpha < 1 else {
        throw ValidationError("--alpha must be between 0 and 1, exclusive (got \(alpha)\(alpha < 0 ? ": negative" : ""))")
      }
      if json && markdown { throw ValidationError("--json and --markdown exclude each other") }
    }

    func run() throws {
      let options = CompareOptions(alpha: alpha, holm: !noHolm, forceUnpaired: unpaired, subsystems: subsystem)
      let comparison = try ResultsComparison.compare(pathA: a, pathB: b, options: options)
      if !quiet {
        print(
          json
            ? comparison.json()
            : DisplayText.escaped(
              markdown
                ? comparison.markdown(differencesOnly: differencesOnly)
                : comparison.table(differencesOnly: differencesOnly), keepingLineBreaks: true))
      }
      if comparison.anySignificant {
        throw ExitCode(1)
      }
    }
  }
}
