import Foundation
import Testing

/// The located warnings of Issue 17 reach the planner as the other warnings do: `validate`
/// prints them on stdout and exits 0, `run` prints them on stderr before running (not with
/// `--quiet`).
@Suite(.serialized) struct SourceWarningCLITests {
  static let file = fixture("warn-idle-terminal.yaml")
  static let expected = [
    "warning: \(file):6:7: port.terminals[name=Lingang].max_cranes_per_vessel: 4 (the default) is more than the terminal's 3 quay cranes",
    "warning: \(file):6:7: port.terminals[name=Lingang]: no service calls at this terminal",
  ]

  @Test func validatePrintsTheWarningsWithTheirLocationAndKeyPath() throws {
    let v = try chainsim("validate", Self.file)
    #expect(v.exitCode == 0, "\(v.stderr)")
    for line in Self.expected { #expect(v.stdout.contains("  " + line), "\(line) in \(v.stdout)") }
  }

  @Test func runPrintsThemOnStandardErrorUnlessQuiet() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let quick = [
      "--horizon", "2d", "--set", "run.warmup=0h", "--replications", "1", "-j", "1", "--set", "ring.enabled=false",
      "--set", "rail.enabled=false", "--set", "recycling.enabled=false",
    ]
    let r = try runProgram(chainsimBinary, ["run", Self.file, "-o", dir.appendingPathComponent("a.h5").path] + quick)
    #expect(r.exitCode == 0, "\(r.stderr)")
    for line in Self.expected { #expect(r.stderr.contains(line), "\(line) in \(r.stderr)") }
    #expect(!r.stdout.contains("warning:"))
    let quiet = try runProgram(chainsimBinary, ["run", Self.file, "-o", dir.appendingPathComponent("b.h5").path, "--quiet"] + quick)
    #expect(quiet.exitCode == 0, "\(quiet.stderr)")
    #expect(!quiet.stderr.contains("warning:"), "\(quiet.stderr)")
  }
}
