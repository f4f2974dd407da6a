import ArgumentParser
import Experiments
import Foundation

extension ChainSim {
  /// `chainsim fingerprints`: check or rewrite the expected trajectory fingerprints of the
  /// shipped scenarios (`scenarios/fingerprints.yaml`, or the full-year file).
  struct Fingerprints: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check or regenerate the trajectory fingerprints of the shipped scenarios.",
      discussion: """
        Runs in memory (no results file) every shipped scenario and variant under scenarios/ (not \
        scenarios/sweeps/ or scenarios/local/) with the settings scenarios/fingerprints.yaml records \
        (seeds 2024 and 7, 2 replications × 3 days after a 1-day warm-up), and compares the \
        fingerprints with the file, or rewrites it with --update; review the diff after an update.

        --full-year uses scenarios/fingerprints-full-year.yaml instead: the default scenario, \
        1 replication × 365 days (about 20 s from a release build).

        Exit 1 when --check finds a fingerprint that differs, a shipped scenario without an entry, \
        an entry for a file that is not a shipped scenario, or a file not in the form --update writes.
        """)

    enum Mode: EnumerableFlag {
      case check, update

      static func help(for value: Mode) -> ArgumentHelp? {
        switch value {
        case .check: "Compare the fingerprints with the file."
        case .update: "Rewrite the file with fresh fingerprints."
        }
      }
    }

    @Flag var mode: Mode = .check

    @Flag(help: "Use the full-year fingerprint of the default scenario instead of the 3-day ones.")
    var fullYear = false

    @Option(help: ArgumentHelp("The folder that holds scenarios/.", valueName: "folder"))
    var root = "."

    @Option(name: .customShort("j"), parsing: .unconditional, help: jobsHelp)
    var jobsText: WholeNumberArgument?

    @Flag(name: .shortAndLong, help: "Print only what differs and errors.")
    var quiet = false

    /// `-j`, checked; all cores when not given.
    var jobs: Int { get throws { try jobCount(jobsText, cores: ProcessInfo.processInfo.activeProcessorCount) } }

    func validate() throws { _ = try jobs }

    func run() async throws {
      let book: FingerprintBook = fullYear ? .fullYear : .threeDays
      let quiet = quiet
      switch mode {
      case .check:
        let check = try await Fingerprinting.check(book, root: root, jobs: try jobs) { outcome in
          if !outcome.matches {
            printLine("differs  \(outcome.run) (\(outcome.run.settings)): \(outcome.actual), expected \(outcome.expected ?? "none")")
          } else if !quiet {
            printLine("ok       \(outcome.run): \(outcome.actual)")
          }
        }
        for run in check.missing { printLine("missing  \(run) (\(run.settings)): no entry in \(check.file)") }
        for entry in check.unshipped { printLine("unknown  \(entry): \(entry.run.scenario) is not a shipped scenario") }
        if !check.isInGeneratedForm { printLine("form     \(check.file) is not in the form chainsim fingerprints --update writes") }
        guard check.passed else {
          let differing = check.outcomes.filter { !$0.matches }.count
          throw CommandFailure(
            message: "fingerprints: \(check.file) does not hold: \(differing) of \(check.outcomes.count) differ, "
              + "\(check.missing.count) missing, \(check.unshipped.count) unknown — if the change is deliberate, "
              + "run chainsim fingerprints --update\(fullYear ? " --full-year" : "") and review the diff",
            kind: .failedInvariant)
        }
        if !quiet { printLine("\(check.file): \(counted(check.outcomes.count, "fingerprint")) checked, all match") }
      case .update:
        let update = try await Fingerprinting.update(book, root: root, jobs: try jobs) { outcome in
          if outcome.expected == nil {
            printLine("new      \(outcome.run): \(outcome.actual)")
          } else if !outcome.matches {
            printLine("changed  \(outcome.run): \(outcome.actual), was \(outcome.expected ?? "")")
          } else if !quiet {
            printLine("same     \(outcome.run): \(outcome.actual)")
          }
        }
        for entry in update.removed { printLine("removed  \(entry): \(entry.run.scenario) is not a shipped scenario") }
        let changed = update.outcomes.filter { !$0.matches }.count
        if !quiet || update.changedFile {
          printLine(
            "\(update.file): \(update.changedFile ? "written" : "unchanged") (\(counted(update.outcomes.count, "entry", "entries")), "
              + "\(changed) new or changed, \(update.removed.count) removed)")
        }
      }
    }
  }
}

/// "1 entry", "22 entries".
private func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
  "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}
