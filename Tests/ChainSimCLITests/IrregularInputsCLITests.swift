import Foundation
import Testing

/// A device, a FIFO, a kernel interface or a results file given where a scenario or sweep
/// file belongs: exit 2 at once, with the real reason (Issue 17).
@Suite(.serialized) struct IrregularInputsCLITests {
  func expectRefused(_ arguments: [String], _ fragment: String) throws {
    let r = try runProgram(chainsimBinary, arguments)
    #expect(r.exitCode == 2, "\(arguments): exit \(r.exitCode): \(r.stderr)")
    #expect(r.stderr.hasPrefix("error: "), "\(arguments): \(r.stderr)")
    #expect(r.stderr.contains(fragment), "\(arguments): \(r.stderr)")
    #expect(!r.stderr.contains("permission denied"), "\(arguments): \(r.stderr)")
  }

  @Test func aFIFOIsRefusedAsAScenarioAndAsASweepWithoutWaiting() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("scenario.yaml").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let out = dir.appendingPathComponent("r.h5").path
    for command in [["validate", fifo], ["run", fifo, "-o", out, "--quiet"], ["sweep", fifo, "-o", out, "--quiet"]] {
      try expectRefused(command, "cannot read '\(fifo)': it is a FIFO (a named pipe), not a scenario file")
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func devicesAndKernelInterfacesAreNamed() throws {
    try expectRefused(
      ["validate", "/dev/zero"], "cannot read '/dev/zero': it is a device (such as /dev/zero or /dev/null), not a scenario file")
    try expectRefused(
      ["validate", "/proc/self/mem"], "cannot read '/proc/self/mem': it is a kernel interface (a file of /proc), not a scenario file")
  }

  @Test func aResultsFileGivenAsTheScenarioPointsToInspect() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let results = dir.appendingPathComponent("run.h5").path
    let r = try runProgram(
      chainsimBinary,
      [
        "run", "-o", results, "--quiet", "--replications", "2", "--horizon", "2d",
        "--set", "run.warmup=1d", "--set", "ring.enabled=false", "--set", "rail.enabled=false",
        "--set", "recycling.enabled=false",
      ])
    #expect(r.exitCode == 0, "\(r.stderr)")
    try expectRefused(
      ["run", results, "-o", dir.appendingPathComponent("again.h5").path, "--quiet"],
      "\(results):1:1: cannot read the file: it is a ChainSim results file (HDF5), not a scenario; to see what it holds, run: chainsim inspect \(results)"
    )
  }
}
