import ArgumentParser
import Experiments
import Foundation
import SimKernel

extension ChainSim {
  /// `chainsim sweep`: every (point, replication) of a sweep file on all cores, resumable.
  struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a parameter sweep (grid or Latin hypercube) and write one HDF5 file with a leading point dimension.",
      discussion: """
        Each finished (point, replication) is saved as a checksummed record in FILE.records/ (fsynced, then \
        renamed); the HDF5 file is assembled from the records in (point, replication) order, so any -j gives \
        the same bytes. Rerun the same command after a crash or kill to resume: finished records are not run \
        again. A sweep changed since the partial run is refused. The records are removed once FILE is written \
        (--keep-records keeps them).

        --shard K/N runs every N-th point from the K-th and writes a part file for `chainsim merge`.

        --slurm N writes a SLURM job array of N shards and a dependent merge job (--submit submits them).
        """)

    @Argument(help: "Sweep file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var sweep: String

    @Option(
      name: .shortAndLong,
      help: "Results file (default: the sweep's output:, else output/<sweep stem>.h5; with --shard: <stem>.part-K-of-N).")
    var output: String?

    @Option(name: .customShort("j"), parsing: .unconditional, help: jobsHelp)
    var jobsText: WholeNumberArgument?

    /// `-j`, checked; all cores when not given.
    var jobs: Int { get throws { try jobCount(jobsText, cores: ProcessInfo.processInfo.activeProcessorCount) } }

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("Run only shard K of N (a deterministic slice of points); writes a part file.", valueName: "K/N"))
    var shard: String?

    @Option(
      help: ArgumentHelp(
        "Add replications per point until the KPI's 95% half-width is within REL of its mean (0.05 or 5%) or within ±ABS.",
        valueName: "subsystem.kpi=REL|±ABS"))
    var precision: String?

    @Option(parsing: .unconditional, help: "Replications added at a time under --precision (default: the sweep's replications).")
    var batch: Int?

    @Option(parsing: .unconditional, help: "Most replications per point under --precision (default: 4 × the sweep's replications).")
    var maxReplications: Int?

    @Flag(help: "Keep FILE.records/ after the results file is written.")
    var keepRecords = false

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("Write a SLURM job array of N shards and a dependent merge job instead of running.", valueName: "N"))
    var slurm: Int?

    @Flag(help: "With --slurm: submit the array and the merge job with sbatch.")
    var submit = false

    @Option(
      name: .customLong("sbatch"),
      help: ArgumentHelp("With --slurm: an extra #SBATCH option, e.g. --sbatch=--partition=short (repeatable).", valueName: "option"))
    var sbatchOptions: [String] = []

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: .hidden) var noRecords = false
    @Flag(help: .hidden) var noFsync = false

    func validate() throws {
      _ = try jobs
      if let slurm, slurm < 1 { throw ValidationError("--slurm needs at least 1 shard (got \(slurm)\(slurm < 0 ? ": negative" : ""))") }
      if let batch, batch < 1 { throw ValidationError("--batch must be at least 1 (got \(batch)\(batch < 0 ? ": negative" : ""))") }
      if let maxReplications, maxReplications < 1 {
        throw ValidationError("--max-replications must be at least 1 (got \(maxReplications)\(maxReplications < 0 ? ": negative" : ""))")
      }
      if submit && slurm == nil { throw ValidationError("--submit goes with --slurm N") }
      if slurm != nil && shard != nil { throw ValidationError("--slurm and --shard cannot be combined") }
    }

    func run() async throws {
      // Options are checked before the sweep's points are prepared (up to 10,000 scenarios).
      let shardSetting = try shard.map { text throws(SweepError) in try SweepShard(parsing: text) }
      let definition = try SweepDefinition(path: sweep)
      let precisionSetting = try precision.map { text throws(SweepError) in
        try SweepPrecision(
          parsing: text, batch: batch ?? definition.replications,
          maximum: maxReplications ?? 4 * definition.replications)
      }
      let prepared = try SweepPreparation.prepare(path: sweep, precision: precisionSetting)
      for w in prepared.warnings where !quiet { printError("warning: \(w)") }
      let final = output ?? SweepPreparation.defaultOutputPath(for: prepared.definition)
      if let slurm { return try writeSlurm(prepared, output: final, shards: slurm) }
      let path = shardSetting.map { output ?? SweepParts.defaultPath(for: final, shard: $0) } ?? final
      let label = "\(prepared.definition.name) (\(prepared.points.count) points)"
      let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0, label: label)
      let options = SweepOptions(
        jobs: try jobs, shard: shardSetting, durableRecords: !noRecords, keepRecords: keepRecords, syncRecords: !noFsync)
      let report = try await SweepRunner.run(prepared, outputPath: path, options: options) { done, total in
        progress.update(done: done, total: total)
      }
      progress.finish()
      if !quiet {
        let rate = Double(report.points) / max(report.wallSeconds, 1e-9)
        printLine(
          String(
            format: "%@: %d points, %d replications run, %d resumed from records, %.2f s (%.2f points/s) -> %@",
            prepared.definition.name, report.points, report.replicationsRun, report.replicationsResumed,
            report.wallSeconds, rate, report.outputPath))
      }
      if !report.failedChecks.isEmpty {
        throw CommandFailure(
          message: "invariant failed: " + report.failedChecks.prefix(10).joined(separator: "; ")
            + " (results written to \(report.outputPath) with the failure recorded)", kind: .failedInvariant)
      }
    }

    private func writeSlurm(_ prepared: PreparedSweep, output: String, shards: Int) throws {
      guard shards <= prepared.points.count else {
        throw SweepError.input(
          "--slurm \(shards): the sweep has \(prepared.points.count) points, so at most \(prepared.points.count) shards")
      }
      var extra: [String] = []
      if let precision { extra += ["--precision", precision] }
      if let batch { extra += ["--batch", String(batch)] }
      if let maxReplications { extra += ["--max-replications", String(maxReplications)] }
      let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
      let scripts = try SlurmScripts.write(
        sweepPath: sweep, outputPath: output, shards: shards, cpusPerTask: try jobs, executable: executable,
        workingDirectory: FileManager.default.currentDirectoryPath, extraArguments: extra, sbatchOptions: sbatchOptions,
        name: prepared.definition.name, inputs: prepared.inputs)
      printLine("array script: \(scripts.arrayScript)")
      printLine("merge script: \(scripts.mergeScript)")
      if submit {
        let ids = try scripts.submit()
        printLine("array job: \(ids.array)")
        printLine("merge job: \(ids.merge)")
      } else if !quiet {
        printLine(
          "submit with: jobid=$(sbatch --parsable \(scripts.arrayScript)) && sbatch --dependency=afterok:$jobid \(scripts.mergeScript)")
      }
    }
  }
}
