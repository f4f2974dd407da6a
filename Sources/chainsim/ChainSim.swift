import ArgumentParser
import Experiments
import Foundation
import SimKernel

/// The `chainsim` command: parsing and printing only; the work is in Experiments.
struct ChainSim: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chainsim",
    abstract: "Discrete-event simulation of the Tianjin supply chain (port, rail, fresh-produce ring, recycling).",
    discussion: """
      Scenario files are YAML (scenarios/tianjin-2024.yaml is the baseline); results are HDF5 files \
      readable with h5py, xarray (engine="h5netcdf"), h5dump and HDFView.

      Exit codes: 0 success (compare: no KPI differs significantly); 1 compare: a KPI differs \
      significantly, run/sweep: an invariant failed (results written, failure recorded); \
      2 bad input or usage; 3 environment failure (disk full, permission denied, I/O error).
      """,
    version: SoftwareVersion.string,
    subcommands: [
      Run.self, Validate.self, Sweep.self, Merge.self, Compare.self, Inspect.self, Report.self, SchemaCommand.self,
      Fingerprints.self,
    ])

  /// Runs the command and maps every failure to the exit codes of DESIGN.md (the argument
  /// parser's own codes, 64 and 1, are not used). `EntryPoint` calls it.
  static func runCommandLine() {
    // A file-size limit (ulimit -f) must give a clean I/O error (exit 3), not a kill.
    signal(SIGXFSZ, SIG_IGN)
    do {
      var command = try parseAsRoot()
      if let asyncCommand = command as? AsyncParsableCommand {
        try BlockingRun.wait(for: asyncCommand)
      } else {
        try command.run()
      }
    } catch {
      Foundation.exit(Int32(report(error)))
    }
  }

  /// Prints an error (or help) and returns its exit code.
  static func report(_ error: Error) -> Int {
    if let failure = error as? CommandFailure {
      writeStandardError(DisplayText.message(failure.message) + "\n")
      return ErrorClassification.exitCode(for: failure.kind)
    }
    if let classified = ErrorClassification(error) {
      writeStandardError("error: \(DisplayText.message(classified.message))\n")
      return classified.exitCode
    }
    let code = exitCode(for: error)
    let message = fullMessage(for: error)
    if code == .success {  // --help, --version
      if !message.isEmpty { print(message) }
      return 0
    }
    if let e = error as? ExitCode { return Int(e.rawValue) == 1 ? 1 : Int(e.rawValue) }
    writeStandardError(DisplayText.message(message) + "\n")
    return 2  // usage: unknown option, missing argument, validation error
  }
}

/// A failure the command has already described (printed as it is, without `error: `),
/// with whose fault it is; the exit code comes from ``ErrorClassification``.
struct CommandFailure: Error {
  var message: String
  var kind: FailureKind
}
