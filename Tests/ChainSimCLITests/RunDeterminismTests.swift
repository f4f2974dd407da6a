import Foundation
import Testing

/// `chainsim run` end to end: byte-identical files for any -j, across processes and paths;
/// the summary; a failed invariant recorded and reported with exit 1.
@Suite(.serialized) struct RunDeterminismTests {
  let quick = ["--replications", "3", "--horizon", "10d", "--set", "run.warmup=2d"]

  @Test func sameBytesForAnyJobsAcrossProcessesAndPaths() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.h5"), b = dir.appendingPathComponent("sub/b.h5"), c = dir.appendingPathComponent("c.h5")
    let ra = try runProgram(chainsimBinary, ["run", "-j", "1", "-o", a.path, "--quiet"] + quick)
    let rb = try runProgram(chainsimBinary, ["run", "-j", "2", "-o", b.path, "--quiet"] + quick)
    Thread.sleep(forTimeInterval: 1.1)  // a later wall-clock second must not change the bytes
    let rc = try runProgram(chainsimBinary, ["run", "-j", "3", "-o", c.path, "--quiet"] + quick)
    #expect([ra.exitCode, rb.exitCode, rc.exitCode] == [0, 0, 0], "\(ra.stderr)\(rb.stderr)\(rc.stderr)")
    let da = try Data(contentsOf: a), db = try Data(contentsOf: b), dc = try Data(contentsOf: c)
    #expect(!da.isEmpty)
    #expect(da == db, "-j 1 and -j 2 give the same bytes")
    #expect(da == dc, "a second process, a later time and another path give the same bytes")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func otherSeedOtherBytes() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.h5"), b = dir.appendingPathComponent("b.h5")
    _ = try runProgram(chainsimBinary, ["run", "-o", a.path, "--quiet"] + quick)
    _ = try runProgram(chainsimBinary, ["run", "-o", b.path, "--quiet", "--seed", "99"] + quick)
    #expect(try Data(contentsOf: a) != Data(contentsOf: b))
  }

  @Test func jsonSummaryHasKPIsWithIntervals() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runProgram(chainsimBinary, ["run", "--json", "-o", dir.appendingPathComponent("r.h5").path] + quick)
    #expect(r.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let kpis = object?["kpis"] as? [[String: Any]] ?? []
    let wait = kpis.first { $0["kpi"] as? String == "wait_for_berth_mean" }
    #expect(wait?["mean"] is Double)
    #expect(wait?["ci95_half_width"] is Double)
    #expect(object?["checks_passed"] as? Bool == true)
    #expect((object?["fingerprint"] as? String)?.count == 16)
  }

  @Test func defaultOutputIsNamedAfterTheScenarioStem() throws {
    // Run from an empty folder so that no file of the user's output/ is touched.
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let variant = packageRoot.appendingPathComponent("scenarios/variants/automated-cranes.yaml").path
    let r = try runProgram(chainsimBinary, ["run", variant, "--quiet"] + quick, in: dir)
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/automated-cranes.h5").path))
  }

  @Test func failedInvariantIsRecordedAndExitsOne() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("fault.h5")
    let r = try runProgram(
      chainsimBinary, ["run", "-o", out.path, "--quiet"] + quick,
      environment: ["CHAINSIM_INJECT_FAULT": "invariant"])
    #expect(r.exitCode == 1)
    #expect(r.stderr.contains("invariant failed: port/vessel_balance in replication 0"))
    #expect(FileManager.default.fileExists(atPath: out.path), "the file is written with the failure recorded")
    let check = try runProgram(
      URL(fileURLWithPath: "/usr/bin/env"),
      [
        "python3", "-c",
        """
        import h5py, sys
        f = h5py.File(sys.argv[1], "r")
        g = f["checks/port/vessel_balance"]
        print(bool(g.attrs["passed"]))
        """, out.path,
      ])
    #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "False", "\(check.stderr)")
  }
}
