import Foundation
import Testing

/// Label names from files are printed with invisible and bidirectional characters escaped,
/// in every table: run's KPIs, inspect and compare (Issue 17).
@Suite(.serialized) struct EscapedLabelsTests {
  @Test func aZeroWidthSpaceInATerminalNameIsShownEscaped() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let base = try String(contentsOf: packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml"), encoding: .utf8)
    let scenario = dir.appendingPathComponent("zw.yaml")
    try base.replacingOccurrences(of: "UICT", with: "UI\u{200B}CT").write(to: scenario, atomically: true, encoding: .utf8)
    let quick = [
      "--replications", "2", "--horizon", "5d", "--set", "run.warmup=1d", "--set", "ring.enabled=false",
      "--set", "rail.enabled=false", "--set", "recycling.enabled=false", "-j", "2",
    ]
    let a = dir.appendingPathComponent("a.h5").path, b = dir.appendingPathComponent("b.h5").path
    let run = try runProgram(chainsimBinary, ["run", scenario.path, "-o", a, "--all"] + quick)
    #expect(run.exitCode == 0, "\(run.stderr)")
    _ = try runProgram(chainsimBinary, ["run", scenario.path, "-o", b, "--quiet", "--seed", "7"] + quick)
    let inspect = try chainsim("inspect", a, "--all-series")
    let compare = try chainsim("compare", a, b)
    let markdown = try chainsim("compare", a, b, "--markdown")
    for (name, out) in [("run", run.stdout), ("inspect", inspect.stdout), ("compare", compare.stdout), ("markdown", markdown.stdout)] {
      #expect(!out.unicodeScalars.contains("\u{200B}"), "\(name) prints the invisible character")
      #expect(out.contains("UI\\u{200B}CT"), "\(name) shows it escaped")
    }
  }
}
