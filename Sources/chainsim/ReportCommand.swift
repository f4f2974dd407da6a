import ArgumentParser
import Experiments
import Foundation
import Results

extension ChainSim {
  /// `chainsim report`: one self-contained HTML page with the KPI table and inline SVG charts.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write one self-contained HTML report (KPI table, inline SVG charts) of results files.",
      discussion: """
        Run files are shown side by side: the first is the base, the others are variants. For each file the \
        header lists scenario, hash, seed, replications, horizon, warm-up, fingerprint and checks; per subsystem \
        a KPI table (mean ± 95% Student-t interval, Δ vs the base with a Welch interval, ≠ where the intervals \
        do not overlap) and one chart per time series (mean over replications with a 95% band; series with a \
        label axis: one chart for each of the first 6 labels). A sweep file gets KPI-versus-parameter charts \
        with error bars. The page has no scripts and needs no network.

        Exit 2 when a file is missing, damaged or not a ChainSim file, or the run files do not fit together \
        (different horizons, no subsystem in common); 3 when the report cannot be written.
        """)

    @Argument(help: "Results files (run or sweep); the first run file is the base.")
    var files: [String]

    @Option(name: .shortAndLong, help: "HTML file to write.")
    var output: String = "output/report.html"

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
      if files.isEmpty { throw ValidationError("give at least one results file") }
    }

    func run() throws {
      // The page's path is checked before any results file is read: not one of them, not a
      // device, folder or foreign file, and its folder writable.
      let read = files.map { OutputDestination.Input(path: $0, role: "a results file this report reads") }
      try OutputDestination(path: output, content: .report, inputs: read).prepare(createFolder: false)
      var inputs: [ReportInput] = []
      for path in files {
        switch try ResultsFile.kind(path: path) {
        case .run: inputs.append(.run(path: path, contents: try ResultsFile.read(path: path)))
        case .sweep: inputs.append(.sweep(path: path, results: try ResultsFile.readSweep(path: path)))
        }
      }
      let report = try ReportBuilder.build(inputs, inputRows: try inputRows(for: inputs))
      try DurableFile(path: output, content: .report).write(Array(HTMLReport.render(report).utf8))
      if !quiet {
        printLine("report: \(files.count) files, \(report.allCharts.count) charts -> \(output)")
      }
    }

    /// The input differences of the run files (resolved scenario keys whose values differ),
    /// one value per run file; sweep files are left out.
    func inputRows(for inputs: [ReportInput]) throws -> [ReportInputRow] {
      let runs: [ResultsContents] = inputs.compactMap { if case let .run(_, contents) = $0 { contents } else { nil } }
      guard runs.count > 1 else { return [] }
      return try InputDifferences.between(runs.map(\.metadata.scenarioText))
    }
  }
}
