import Foundation
import Testing

/// `chainsim sweep` and `chainsim merge` end to end: the same bytes for any -j, for shards +
/// merge, and after a SIGKILL and a rerun; the sweep layout passes scripts/check-layout --sweep;
/// bad input exits 2 with a clear message.
@Suite(.serialized) struct SweepCLITests {
  let sweep = fixture("sweep/small.yaml")

  func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

  @Test func sameBytesForAnyJobsAndForShardsPlusMerge() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let one = dir.appendingPathComponent("j1.h5"), two = dir.appendingPathComponent("j2.h5")
    let r1 = try chainsim("sweep", sweep, "-j", "1", "-o", one.path, "--quiet")
    let r2 = try chainsim("sweep", sweep, "-j", "2", "-o", two.path, "--quiet")
    #expect([r1.exitCode, r2.exitCode] == [0, 0], "\(r1.stderr)\(r2.stderr)")
    #expect(try bytes(one) == bytes(two), "-j 1 and -j 2 give the same bytes")
    #expect(!FileManager.default.fileExists(atPath: one.path + ".records"), "records are removed after assembly")

    var parts: [String] = []
    for k in [3, 1, 2] {
      let part = dir.appendingPathComponent("p\(k)").path
      let r = try chainsim("sweep", sweep, "--shard", "\(k)/3", "-o", part, "--quiet")
      #expect(r.exitCode == 0, "\(r.stderr)")
      parts.append(part)
    }
    let merged = dir.appendingPathComponent("merged.h5")
    let m = try runProgram(chainsimBinary, ["merge"] + parts + ["-o", merged.path])
    #expect(m.exitCode == 0, "\(m.stderr)")
    #expect(try bytes(merged) == bytes(one), "shards + merge give the bytes of the whole sweep")

    let missing = try runProgram(chainsimBinary, ["merge", parts[0], parts[1], "-o", dir.appendingPathComponent("x.h5").path])
    #expect(missing.exitCode == 2)
    #expect(missing.stderr.contains("shard 2/3 of the sweep is missing"), "\(missing.stderr)")

    // A part of another sweep (another seed) is refused.
    let other = dir.appendingPathComponent("other").path
    let o = try chainsim(
      "sweep", sweep, "--shard", "3/3", "-o", other, "--quiet", "--precision", "port.wait_for_berth_mean=50%", "--max-replications", "2")
    #expect(o.exitCode == 0, "\(o.stderr)")
    let mixed = try runProgram(chainsimBinary, ["merge", parts[1], parts[2], other, "-o", dir.appendingPathComponent("y.h5").path])
    #expect(mixed.exitCode == 2)
    #expect(mixed.stderr.contains("belongs to a different sweep"), "\(mixed.stderr)")

    let check = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", layoutChecker, one.path, "--sweep"])
    #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
  }

  @Test func killedSweepResumesToTheSameBytes() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let whole = dir.appendingPathComponent("whole.h5"), killed = dir.appendingPathComponent("killed.h5")
    #expect(try chainsim("sweep", sweep, "-o", whole.path, "--quiet").exitCode == 0)

    let process = Process()
    process.executableURL = chainsimBinary
    process.arguments = ["sweep", sweep, "-j", "2", "-o", killed.path, "--quiet"]
    process.currentDirectoryURL = packageRoot
    try process.run()
    let records = killed.path + ".records"
    let deadline = Date().addingTimeInterval(60)
    var finished: [String] = []
    while Date() < deadline {
      finished = ((try? FileManager.default.contentsOfDirectory(atPath: records)) ?? []).filter { $0.hasSuffix(".rec") }
      if finished.count >= 2 { break }
      Thread.sleep(forTimeInterval: 0.02)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal, "the sweep was killed part-way")
    #expect(finished.count >= 2 && finished.count < 8)
    #expect(!FileManager.default.fileExists(atPath: killed.path), "a killed sweep leaves no results file")

    let resumed = try chainsim("sweep", sweep, "-j", "2", "-o", killed.path)
    #expect(resumed.exitCode == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.contains("resumed from records"))
    #expect(!resumed.stdout.contains(" 0 resumed"), "\(resumed.stdout)")
    #expect(try bytes(killed) == bytes(whole), "the resumed sweep equals an uninterrupted one")
  }

  @Test func changedSweepIsRefusedInsteadOfMixed() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("s.h5").path
    let r = try chainsim("sweep", sweep, "-o", out, "--quiet", "--keep-records")
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: out + ".records/SWEEP"), "--keep-records keeps the records")
    let text = try String(contentsOfFile: packageRoot.appendingPathComponent(sweep).path, encoding: .utf8)
      .replacingOccurrences(of: "values: [2, 8]", with: "values: [2, 9]")
      .replacingOccurrences(of: "../../../../scenarios", with: packageRoot.appendingPathComponent("scenarios").path)
    let changed = dir.appendingPathComponent("small.yaml").path
    try text.write(toFile: changed, atomically: true, encoding: .utf8)
    let again = try chainsim("sweep", changed, "-o", out, "--quiet")
    #expect(again.exitCode == 2)
    #expect(again.stderr.contains("different sweep"), "\(again.stderr)")
  }

  @Test func badInputExitsTwoWithAClearMessage() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let unknown = try chainsim("validate", fixture("sweep/unknown-path.yaml"))
    #expect(unknown.exitCode == 2)
    #expect(unknown.stderr.contains("unknown-path.yaml:7:"), "\(unknown.stderr)")
    #expect(unknown.stderr.contains("did you mean 'port.customs.import_inspection_rate'"), "\(unknown.stderr)")
    let empty = try chainsim("sweep", fixture("sweep/empty-range.yaml"), "-o", dir.appendingPathComponent("e.h5").path)
    #expect(empty.exitCode == 2)
    #expect(empty.stderr.contains("the range is empty"), "\(empty.stderr)")
    let shard = try chainsim("sweep", sweep, "--shard", "5/4", "-o", dir.appendingPathComponent("s").path)
    #expect(shard.exitCode == 2)
    #expect(shard.stderr.contains("out of range"), "\(shard.stderr)")
    let ok = try chainsim("validate", sweep)
    #expect(ok.exitCode == 0)
    #expect(ok.stdout.contains("4 points"), "\(ok.stdout)")
  }

  @Test func slurmScriptsRunShardsAndADependentMerge() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("s.h5").path
    let r = try chainsim("sweep", sweep, "--slurm", "4", "-o", out, "-j", "1")
    #expect(r.exitCode == 0, "\(r.stderr)")
    let array = try String(contentsOfFile: dir.appendingPathComponent("s.slurm/array.sh").path, encoding: .utf8)
    let merge = try String(contentsOfFile: dir.appendingPathComponent("s.slurm/merge.sh").path, encoding: .utf8)
    #expect(array.contains("#SBATCH --array=0-3"))
    #expect(array.contains("--shard \"$SHARD/4\""))
    #expect(array.contains("SHARD=$((SLURM_ARRAY_TASK_ID+1))"))
    #expect(merge.contains(" merge ") && merge.contains("s.part-4-of-4") && merge.contains("-o \(out)"))
  }

}
