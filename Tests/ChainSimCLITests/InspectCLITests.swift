import Foundation
import Testing

/// `chainsim inspect` on a real run: identity, checks, KPIs, warm-up estimates; bad files exit 2.
@Suite(.serialized) struct InspectCLITests {
  @Test func inspectShowsTheRunAndEstimatesWarmups() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("base.h5").path
    let run = try chainsim(
      "run", "scenarios/tianjin-2024.yaml", "--replications", "2", "--horizon", "12d", "--set", "run.warmup=1d",
      "--set", "ring.enabled=false", "--set", "rail.enabled=false", "--set", "recycling.enabled=false",
      "--set", "run.sample_interval=1h", "-o", out, "--json")
    #expect(run.exitCode == 0, "\(run.stderr)")
    let fingerprint =
      try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])["fingerprint"] as? String
    let table = try chainsim("inspect", out, "--all-series")
    #expect(table.exitCode == 0, "\(table.stderr)")
    #expect(table.stdout.contains("fingerprint:   \(fingerprint ?? "?")"))
    #expect(table.stdout.contains("seed:          2024"))
    #expect(table.stdout.contains("checks:        all"))
    #expect(table.stdout.contains("wait_for_berth_mean"))
    #expect(table.stdout.contains("warm-up (MSER-5 on batches of 24 h"))

    let json = try chainsim("inspect", out, "--json")
    #expect(json.exitCode == 0, "\(json.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["replications"] as? [Int] == [0, 1])
    let estimates = try #require(object["warmup_estimates"] as? [[String: Any]])
    #expect(!estimates.isEmpty)
    // Hourly samples, daily cycles: batches of one day; 12 days give 12 batches per series.
    #expect(estimates.allSatisfy { $0["batch_length"] as? Double == 24 })
    // The 1-day warm-up is shorter than the estimate of some series; the estimates say so.
    let warnings = try #require(object["warnings"] as? [String])
    #expect(warnings.count == estimates.filter { $0["longer_than_scenario"] as? Bool == true }.count)
  }

  @Test func aForeignOrMissingFileIsBadInput() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let foreign = dir.appendingPathComponent("notes.h5")
    try Data("not an HDF5 file\n".utf8).write(to: foreign)
    for path in [foreign.path, dir.appendingPathComponent("missing.h5").path] {
      let r = try chainsim("inspect", path)
      #expect(r.exitCode == 2, "\(r.stderr)")
      #expect(r.stderr.contains(path))
    }
    let bad = try chainsim("inspect", foreign.path, "--cycle", "soon")
    #expect(bad.exitCode == 2)
    #expect(bad.stderr.contains("--cycle soon"))
  }
}
