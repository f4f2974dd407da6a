import Foundation
import Testing

/// Numbers on the command line: a negative value is read as a value (not as a flag) and
/// called negative; a value out of range gets the range (Issue 17).
@Suite struct CommandLineNumbersTests {
  /// `chainsim` refused the arguments as usage (exit 2) with `message` on the first line.
  func expectUsageError(_ arguments: [String], _ message: String) throws {
    let r = try runProgram(chainsimBinary, arguments)
    #expect(r.exitCode == 2, "\(arguments): exit \(r.exitCode): \(r.stderr)")
    #expect(r.stderr.split(separator: "\n").first.map(String.init) == "Error: \(message)", "\(arguments): \(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func negativeJobsAreCalledNegative() throws {
    try expectUsageError(["run", "-j", "-1"], "-j must be at least 1 (got -1: negative)")
    try expectUsageError(["sweep", "scenarios/sweeps/cranes-and-clearance.yaml", "-j", "-1"], "-j must be at least 1 (got -1: negative)")
    try expectUsageError(["run", "-j", "0"], "-j must be at least 1 (got 0)")
    try expectUsageError(["run", "-j", "100000"], "-j must be at most 4,096 (got 100000)")
    try expectUsageError(
      ["run", "-j", "two"], "-j expects the number of replications run at once, a whole number between 1 and 4,096 (got 'two')")
  }

  @Test func theSeedStatesItsRange() throws {
    try expectUsageError(["run", "--seed", "-1"], "--seed must be at least 0 (got -1: negative)")
    try expectUsageError(["run", "--seed", "1000000000000000"], "--seed must be at most 999,999,999,999,999 (got 1000000000000000)")
    try expectUsageError(
      ["run", "--seed", "18446744073709551616"],
      "--seed must be between 0 and 999,999,999,999,999 (got '18446744073709551616': too large)")
    let help = try chainsim("run", "--help")
    #expect(
      help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        .contains("Master seed, a whole number from 0 to 999,999,999,999,999"), "\(help.stdout)")
  }

  @Test func replicationsAndHorizonStateTheirRange() throws {
    try expectUsageError(["run", "--replications", "-3"], "--replications must be at least 1 (got -3: negative)")
    try expectUsageError(["run", "--replications", "0"], "--replications must be at least 1 (got 0)")
    try expectUsageError(["run", "--replications", "100001"], "--replications must be at most 100,000 (got 100001)")
    try expectUsageError(["run", "--horizon", "-5d"], "--horizon must be more than 0 (got '-5d': negative)")
  }

  @Test func aNegativeShardOrSweepCountIsCalledNegative() throws {
    let sweep = "scenarios/sweeps/cranes-and-clearance.yaml"
    for (args, message) in [
      (["--shard", "-1/2"], "--shard -1/2: the shard index is out of range; it must be between 1 and 2 (got -1: negative)"),
      (["--shard", "1/-2"], "--shard 1/-2: the number of shards N must be at least 1 (got -2: negative)"),
    ] {
      let dir = try temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let r = try runProgram(chainsimBinary, ["sweep", sweep, "-o", dir.appendingPathComponent("s.h5").path, "--quiet"] + args)
      #expect(r.exitCode == 2, "\(args): \(r.stderr)")
      #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
      #expect(!r.stderr.contains("Missing value"))
    }
    try expectUsageError(["sweep", sweep, "--slurm", "-4"], "--slurm needs at least 1 shard (got -4: negative)")
    try expectUsageError(["sweep", sweep, "--batch", "-4"], "--batch must be at least 1 (got -4: negative)")
    try expectUsageError(["compare", "a.h5", "b.h5", "--alpha", "-0.1"], "--alpha must be between 0 and 1, exclusive (got -0.1: negative)")
  }
}
