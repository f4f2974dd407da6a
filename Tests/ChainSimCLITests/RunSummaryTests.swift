import Foundation
import Testing

/// `chainsim run` prints a headline summary that fits a 50-row terminal and ends with the
/// results file; `--all` prints every KPI (Issue 17).
@Suite(.serialized) struct RunSummaryTests {
  /// The default scenario (every subsystem), shortened: the number of lines does not depend
  /// on the horizon or the replications.
  let quick = ["--replications", "2", "--horizon", "6d", "--set", "run.warmup=1d"]

  @Test func theDefaultSummaryFitsAScreenAndEndsWithTheResultsPath() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("r.h5").path
    let r = try runProgram(chainsimBinary, ["run", "-o", path] + quick)
    #expect(r.exitCode == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    #expect(lines.count <= 50, "\(lines.count) lines")
    #expect(lines.last == "results: \(path)")
    #expect(lines.contains { $0.hasPrefix("fingerprint ") })
    #expect(lines.contains { $0.contains("wait_for_berth_mean") && $0.contains(" h ") }, "a headline KPI with its units")
    #expect(lines.contains("checks: all flow-balance invariants passed"))
    for subsystem in ["port", "rail", "ring", "recycling", "accounts"] {
      let rows = lines.filter { $0.hasPrefix(subsystem + " ") }.count
      #expect((2...6).contains(rows), "\(subsystem): \(rows) rows")
    }

    let all = try runProgram(chainsimBinary, ["run", "-o", path, "--all"] + quick)
    #expect(all.exitCode == 0, "\(all.stderr)")
    let allLines = all.stdout.split(separator: "\n").map(String.init)
    #expect(allLines.count > 300, "--all: every KPI, \(allLines.count) lines")
    #expect(allLines.contains { $0.hasPrefix("port ") && $0.contains("wait_for_berth_by_terminal") })
    #expect(allLines.contains { $0.hasPrefix("results: \(path)") })
  }
}
