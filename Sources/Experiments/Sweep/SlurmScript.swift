import Foundation
import Results

/// Batch scripts that run a sweep as a SLURM job array (one array task per shard) and a
/// merge job that waits for all of them (`--dependency=afterok:<array job>`).
public struct SlurmScripts: Sendable {
  /// The folder the scripts are written to (`<output stem>.slurm/`).
  public var folder: String
  public var arrayScript: String
  public var mergeScript: String
  /// The part files the array writes, in shard order.
  public var parts: [String]

  /// Writes the scripts for `shards` shards of the sweep at `sweepPath` into
  /// `<output stem>.slurm/`.
  ///
  /// - Parameters:
  ///   - executable: the absolute path of `chainsim` on the cluster's nodes.
  ///   - extraArguments: passed to every shard's `chainsim sweep` (e.g. `--precision`).
  ///   - sbatchOptions: extra `#SBATCH` lines, e.g. `--partition=short`, `--time=2:00:00`.
  ///   - inputs: the sweep's files (``PreparedSweep/inputs``): the merged file and the part
  ///     files must not replace them, nor a device, folder or foreign file (checked now,
  ///     not when the jobs run).
  public static func write(
    sweepPath: String, outputPath: String, shards: Int, cpusPerTask: Int, executable: String,
    workingDirectory: String, extraArguments: [String], sbatchOptions: [String], name: String,
    inputs: [OutputDestination.Input] = []
  ) throws(SweepError) -> SlurmScripts {
    guard shards >= 1 else { throw .input("--slurm needs at least 1 shard") }
    let absolute = { (p: String) in p.hasPrefix("/") ? p : (workingDirectory as NSString).appendingPathComponent(p) }
    let output = absolute(outputPath)
    let folder = (output as NSString).deletingPathExtension + ".slurm"
    let parts = (1...shards).map { SweepParts.defaultPath(for: output, shard: SweepShard(index: $0, count: shards)) }
    do {
      try OutputDestination(path: output, content: .results, inputs: inputs).check()
      for part in parts { try OutputDestination(path: part, content: .sweepPart, inputs: inputs).check() }
    } catch {
      throw SweepError(error)
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .environment("cannot create \(folder): \(error.localizedDescription)")
    }
    let partPattern = SweepParts.defaultPath(for: output, shard: SweepShard(index: 0, count: shards))
      .replacingOccurrences(of: ".part-0-of-", with: ".part-${SHARD}-of-")
    let extra = sbatchOptions.map { "#SBATCH \($0)" }.joined(separator: "\n")
    let args = extraArguments.map(quote).joined(separator: " ")
    let array = """
      #!/bin/bash
      # ChainSim sweep '\(name)' as a SLURM job array: array task i runs shard i+1 of \(shards).
      #SBATCH --job-name=chainsim-\(name)
      #SBATCH --array=0-\(shards - 1)
      #SBATCH --ntasks=1
      #SBATCH --cpus-per-task=\(cpusPerTask)
      #SBATCH --output=\(folder)/shard-%a.log
      \(extra)
      set -euo pipefail
      cd \(quote(workingDirectory))
      SHARD=$((SLURM_ARRAY_TASK_ID+1))
      exec \(quote(executable)) sweep \(quote(absolute(sweepPath))) --shard "$SHARD/\(shards)" -o "\(partPattern)" -j "${SLURM_CPUS_PER_TASK:-\(cpusPerTask)}" --quiet \(args)

      """
    let merge = """
      #!/bin/bash
      # ChainSim sweep '\(name)': merges the \(shards) part files once every array task has succeeded.
      #SBATCH --job-name=chainsim-\(name)-merge
      #SBATCH --ntasks=1
      #SBATCH --cpus-per-task=1
      #SBATCH --output=\(folder)/merge.log
      \(extra)
      set -euo pipefail
      cd \(quote(workingDirectory))
      exec \(quote(executable)) merge \(parts.map(quote).joined(separator: " ")) -o \(quote(output))

      """
    let arrayPath = (folder as NSString).appendingPathComponent("array.sh")
    let mergePath = (folder as NSString).appendingPathComponent("merge.sh")
    try DurableFile.write(Array(array.utf8), to: arrayPath, content: .slurmScript)
    try DurableFile.write(Array(merge.utf8), to: mergePath, content: .slurmScript)
    chmod(arrayPath, 0o755)
    chmod(mergePath, 0o755)
    return SlurmScripts(folder: folder, arrayScript: arrayPath, mergeScript: mergePath, parts: parts)
  }

  /// Submits the array, then the merge job depending on it (`afterok`); returns both job ids.
  /// - Throws: ``SweepError`` (exit 3) when `sbatch` is missing or refuses.
  public func submit() throws(SweepError) -> (array: String, merge: String) {
    let array = try Self.sbatch(["--parsable", arrayScript])
    let merge = try Self.sbatch(["--parsable", "--dependency=afterok:\(array)", mergeScript])
    return (array, merge)
  }

  private static func sbatch(_ arguments: [String]) throws(SweepError) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sbatch"] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { throw .environment("cannot run sbatch: \(error.localizedDescription)") }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0, let id = text.split(separator: ";").first, !id.isEmpty else {
      throw .environment("sbatch \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
    }
    return String(id)
  }

  private static func quote(_ s: String) -> String {
    s.allSatisfy { $0.isLetter || $0.isNumber || "/._-=%+:,".contains($0) } ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
