import Foundation
import Testing

/// Malformed scenario files and overrides: the exact message, exit code 2, and no output file.
@Suite(.serialized) struct ScenarioErrorTests {
  static let cases: [(file: String, overrides: [String], message: String)] = [
    (
      "bad/syntax.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/syntax.yaml:5:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"
    ),
    (
      "bad/unknown-key.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/unknown-key.yaml:5:7: port.terminals[name=UICT]: unknown key 'quay_crane'; did you mean 'quay_cranes'?"
    ),
    (
      "bad/wrong-unit.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/wrong-unit.yaml:3:12: run.horizon: expected a duration such as 45min, 6h or 2d, found '365'"
    ),
    (
      "bad/negative-capacity.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/negative-capacity.yaml:5:15: port.terminals[name=UICT].berths: expected a count ≥ 1, found -2"
    ),
    (
      "bad/missing-extends.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/missing-extends.yaml:1:10: extends: cannot read 'Tests/ChainSimCLITests/Fixtures/bad/no-such-base.yaml': no such file (extends chain: Tests/ChainSimCLITests/Fixtures/bad/missing-extends.yaml → Tests/ChainSimCLITests/Fixtures/bad/no-such-base.yaml)"
    ),
    (
      "bad/cycle-a.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/cycle-b.yaml:1:10: extends: extends makes a cycle: Tests/ChainSimCLITests/Fixtures/bad/cycle-a.yaml → Tests/ChainSimCLITests/Fixtures/bad/cycle-b.yaml → Tests/ChainSimCLITests/Fixtures/bad/cycle-a.yaml"
    ),
    (
      "bad/unknown-terminal.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/unknown-terminal.yaml:5:17: port.services[name=UICT liner calls].terminal: no terminal named 'UICTT'; terminals are Beijiang C, UICT, FICT, Orient, Basin-4, TPCT, Beijiang other terminals, Dongjiang terminals, Nanjiang terminals; did you mean 'UICT'?"
    ),
    (
      "bad/bad-distribution.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/bad-distribution.yaml:5:41: port.terminals[name=FICT].crane_productivity: normal: 'mean' expected a rate such as 32/h, 5/d or 25 moves/h, found '19h'"
    ),
    (
      "bad/both-arrivals.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/both-arrivals.yaml:4:7: port.services[name=Orient liner calls]: give exactly one of calls_per_week (a weekly schedule) or interarrival (random arrivals)"
    ),
    (
      "bad/negative-yard.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/negative-yard.yaml:5:23: port.terminals[name=FICT].yard_block_teu: expected a number between 1 and 1e+15, found -3750"
    ),
    (
      "bad/shares-not-one.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/shares-not-one.yaml:5:7: port.containers.discharge_mix: shares must sum to 1, found import 0.6 + empty 0.3 + transshipment 0.2 = 1.1"
    ),
    (
      "bad/unknown-alternative.yaml", [],
      "error: Tests/ChainSimCLITests/Fixtures/bad/unknown-alternative.yaml:5:21: port.services[name=UICT liner calls].alternatives: no terminal named 'Orinet'; terminals are Beijiang C, UICT, FICT, Orient, Basin-4, TPCT, Beijiang other terminals, Dongjiang terminals, Nanjiang terminals; did you mean 'Orient'?"
    ),
    (
      "../../../scenarios/tianjin-2024.yaml", ["port.terminals[name=UIC].berths=3"],
      "error: port.terminals[name=UIC].berths: no entry named 'UIC' in port.terminals (entries: Beijiang C, UICT, FICT, Orient, Basin-4, TPCT, Beijiang other terminals, Dongjiang terminals, Nanjiang terminals); did you mean 'port.terminals[name=UICT]'?"
    ),
    (
      "../../../scenarios/tianjin-2024.yaml", ["port.terminal[name=UICT].berths=3"],
      "error: port.terminal[name=UICT].berths: no key 'terminal' in port; did you mean 'port.terminals'?"
    ),
  ]

  @Test(arguments: cases.indices)
  func runRejectsWithLocatedMessage(index: Int) throws {
    let c = Self.cases[index]
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("result.h5")
    var args = ["run", fixture(c.file), "-o", out.path, "--quiet"]
    for o in c.overrides { args += ["--set", o] }
    let r = try runProgram(chainsimBinary, args)
    #expect(r.exitCode == 2)
    #expect(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == c.message)
    #expect(r.stdout.isEmpty)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(left.isEmpty, "no output or temporary file is written: \(left)")
  }

  @Test func validateReportsSameErrorAndExitCode() throws {
    let r = try chainsim("validate", fixture("bad/wrong-unit.yaml"))
    #expect(r.exitCode == 2)
    #expect(r.stderr.contains("wrong-unit.yaml:3:12: run.horizon: expected a duration"))
  }

  @Test func usageErrorsExitTwoAndHelpExitsZero() throws {
    let bogus = try chainsim("run", "--bogus")
    #expect(bogus.exitCode == 2)
    #expect(bogus.stderr.contains("Unknown option '--bogus'"))
    let badJobs = try chainsim("run", "-j", "0")
    #expect(badJobs.exitCode == 2)
    let help = try chainsim("run", "--help")
    #expect(help.exitCode == 0)
    #expect(help.stdout.contains("--replications"))
    let top = try chainsim("--help")
    #expect(top.exitCode == 0)
    #expect(top.stdout.contains("Exit codes"))
  }

  @Test func validateAcceptsShippedScenariosAndWarnsOnOverload() throws {
    let ok = try chainsim("validate", "scenarios/tianjin-2024.yaml", "scenarios/variants/automated-cranes.yaml")
    #expect(ok.exitCode == 0, "\(ok.stderr)")
    #expect(!ok.stdout.contains("warning"))
    let overloaded = try chainsim("validate", "scenarios/tianjin-2024.yaml", "--set", "port.terminals[name=UICT].quay_cranes=2")
    #expect(overloaded.exitCode == 0)
    #expect(overloaded.stdout.contains("warning: port.terminals[name=UICT]: offered load"))
    let shortWarmup = try chainsim("validate", "scenarios/tianjin-2024.yaml", "--set", "run.warmup=2d")
    #expect(shortWarmup.stdout.contains("shorter than one cycle of the weekly vessel schedules"))
  }
}
