import Foundation
import Testing

/// The rail section from the command line: located errors for bad input (exit 2, no file),
/// the variant validates, and a short run of the baseline passes the layout check (scripts/check-layout).
@Suite(.serialized) struct RailCLITests {
  static let cases: [(file: String, message: String)] = [
    (
      "rail-no-timetable.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/rail-no-timetable.yaml:5:7: rail.corridors[name=Tangshan]: corridor 'Tangshan' has no timetable: give departures_per_day, departures_per_week or departure_times"
    ),
    (
      "rail-shares.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/rail-shares.yaml:5:5: rail.corridors: demand shares sum to 1.08 (road_only_share 0.7474, Beijing 0.2, Shijiazhuang 0.045, Baoding 0.04, Zhangjiakou 0.015, Taiyuan 0.012, Baotou 0.006, Xi'an 0.005, Yinchuan 0.003, Erenhot 0.004, Manzhouli 0.0006, Alashankou 0.001, Khorgos 0.001); they must sum to 1"
    ),
    (
      "rail-negative-capacity.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/rail-negative-capacity.yaml:5:19: rail.yard.capacity_teu: expected a number between 0 and 1e+15, found -3000"
    ),
  ]

  @Test(arguments: cases.indices)
  func badRailInputIsRejectedWithFileLineAndKeyPath(index: Int) throws {
    try expectRejected(fixture: Self.cases[index].file, message: Self.cases[index].message)
  }

  @Test func railShiftValidates() throws {
    let r = try chainsim("validate", "scenarios/variants/rail-shift.yaml")
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(!r.stdout.contains("warning"), "\(r.stdout)")
  }

  @Test func baselineWritesRailResultsThatPassTheChecker() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("rail.h5").path
    let r = try chainsim(
      "run", "scenarios/tianjin-2024.yaml", "--replications", "1", "--horizon", "21d", "--set", "ring.enabled=false", "-o", out, "--quiet")
    #expect(r.exitCode == 0, "\(r.stderr)")
    let script = layoutChecker
    let check = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, out, "--subsystem", "rail"])
    #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("conforms"))
  }
}
