import ArgumentParser
import Experiments
import Foundation
import SimKernel

extension ChainSim {
  /// `chainsim inspect`: what a results file holds, and whether its warm-up was long enough.
  struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a results file: scenario, seeds, fingerprint, checks, KPIs and a warm-up estimate per series.",
      discussion: """
        The warm-up estimate is MSER-5 (White 1997) on the replication mean of each series, in batches of \
        whole cycles (--cycle, a day by default; use 1w when weekly schedules drive the system) holding at \
        least 5 samples; cumulative series are analysed through their increments. A truncation point beyond \
        half the series gives no estimate ("not settled"). A warning is printed for every series whose \
        estimate is longer than the scenario's warm-up.

        Exit codes: 0 success; 2 a missing, damaged or foreign file; 3 an I/O failure.
        """)

    @Argument(help: "A results file written by chainsim run.")
    var file: String

    @Option(help: "Cycle whose whole multiples form the warm-up batches, with its unit: 24h, 1d, 1w.")
    var cycle: String = "1d"

    @Flag(
      help:
        "List the warm-up estimate of every series and label (default: only those longer than the scenario's warm-up, and those not settled)."
    )
    var allSeries = false

    @Flag(help: "Print everything as JSON on stdout.")
    var json = false

    func run() throws {
      guard let hours = Self.hours(cycle), hours > 0 else {
        throw CommandFailure(message: "error: --cycle \(cycle): expected a duration with its unit, e.g. 24h, 1d or 1w", kind: .badInput)
      }
      let inspection = try FileInspection(path: file, cycle: hours)
      print(
        json
          ? InspectFormatter.json(inspection)
          : DisplayText.escaped(InspectFormatter.table(inspection, allSeries: allSeries), keepingLineBreaks: true))
      let warnings = inspection.warmupWarnings
      if !json, let first = warnings.first {
        let more = warnings.count > 1 ? " (and \(warnings.count - 1) more series, listed above)" : ""
        printError("warning: the scenario's warm-up may be too short: \(first)\(more)")
      }
    }

    /// Hours in a duration such as `24h`, `1d`, `1w` or `90min`.
    static func hours(_ text: String) -> Double? {
      let units: [(String, Double)] = [("min", 1.0 / 60), ("h", 1), ("d", 24), ("w", 168)]
      for (suffix, factor) in units where text.hasSuffix(suffix) {
        if let x = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) { return x * factor }
      }
      return nil
    }
  }
}
