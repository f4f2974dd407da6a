import Foundation
import Testing

/// Issue 10 (C): a full disk, simulated with a file-size limit (`ulimit -f`, EFBIG: chainsim
/// ignores SIGXFSZ), gives exit 3 and one clear line naming the file, never a half-written
/// file, a temporary file or an empty records folder, and leaves an older file in place.
/// scripts/crash-safety covers more limits, a real full tmpfs and SIGKILLs.
@Suite(.serialized) struct FullDiskTests {
  /// Runs chainsim under `ulimit -f blocks` (1 KiB blocks), stderr redirected to `stderrFile`
  /// when given (which is then under the same limit).
  func limited(_ blocks: Int, _ arguments: [String], stderrFile: String? = nil) throws -> CommandResult {
    let quoted = ([chainsimBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let redirect = stderrFile.map { " 2>'\($0)'" } ?? ""
    return try runProgram(URL(fileURLWithPath: "/bin/bash"), ["-c", "ulimit -f \(blocks); exec \(quoted)\(redirect)"])
  }

  func names(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  @Test func runPastTheLimitExitsThreeAndKeepsTheOlderFile() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("r.h5")
    // An older results file (another seed): the only kind of existing file a run replaces.
    let first = try chainsim(
      "run", "scenarios/tianjin-2024.yaml", "--horizon", "2d", "--set", "run.warmup=1d",
      "--replications", "1", "-j", "1", "--seed", "11", "-o", out.path, "--quiet")
    #expect(first.exitCode == 0, "\(first.stderr)")
    let older = try Data(contentsOf: out)
    let r = try limited(
      4,
      [
        "run", "scenarios/tianjin-2024.yaml", "--horizon", "2d", "--set", "run.warmup=1d",
        "--replications", "1", "-j", "1", "-o", out.path, "--quiet",
      ])
    #expect(r.exitCode == 3, "\(r.stderr)")
    let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(message == "error: \(out.path): cannot write the file: File too large (the file size limit is exceeded: see ulimit -f)")
    #expect(try Data(contentsOf: out) == older, "the older file is untouched")
    #expect(try names(dir) == ["r.h5"], "no temporary file is left")
  }

  @Test func sweepWithNoRoomForItsRecordsLeavesNothingAndSurvivesItsOwnStderr() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("s.h5").path
    let r = try limited(0, ["sweep", fixture("sweep/small.yaml"), "-o", out, "--quiet"])
    #expect(r.exitCode == 3, "\(r.stderr)")
    #expect(r.stderr.contains("\(out).records/SWEEP: cannot write the file"), "\(r.stderr)")
    #expect(r.stderr.contains("the file size limit is exceeded"), "\(r.stderr)")
    #expect(try names(dir).isEmpty, "no empty records folder, no temporary file")

    // Standard error on the same limit: the message is lost, the exit code is not (no trap).
    let log = dir.appendingPathComponent("stderr.log").path
    let quiet = try limited(0, ["sweep", fixture("sweep/small.yaml"), "-o", out, "--quiet"], stderrFile: log)
    #expect(quiet.exitCode == 3)
    #expect(try names(dir) == ["stderr.log"])
  }

  @Test func sweepThatCannotWriteItsFileKeepsItsRecordsAndResumes() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("s.h5").path
    // 600 KiB: every record (~80 KB) fits, the HDF5 file (~1.2 MB) does not.
    let r = try limited(600, ["sweep", fixture("sweep/small.yaml"), "-j", "2", "-o", out, "--quiet"])
    #expect(r.exitCode == 3, "\(r.stderr)")
    #expect(r.stderr.contains("\(out): cannot write the file: File too large (the file size limit is exceeded"), "\(r.stderr)")
    #expect(r.stderr.contains("the finished replications are kept in \(out).records: run the same command again"), "\(r.stderr)")
    #expect(try names(dir) == ["s.h5.records"])
    let records = try FileManager.default.contentsOfDirectory(atPath: out + ".records").filter { $0.hasSuffix(".rec") }
    #expect(records.count == 8)

    let again = try chainsim("sweep", fixture("sweep/small.yaml"), "-j", "2", "-o", out)
    #expect(again.exitCode == 0, "\(again.stderr)")
    #expect(again.stdout.contains("0 replications run, 8 resumed from records"), "\(again.stdout)")
    #expect(try names(dir) == ["s.h5"], "records removed once the file is written")
  }
}
