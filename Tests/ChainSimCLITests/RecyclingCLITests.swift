import Foundation
import Testing

/// The recycling section from the command line: located errors for bad input (exit 2, no
/// file), and a run of the baseline whose file passes the layout check (scripts/check-layout).
@Suite(.serialized) struct RecyclingCLITests {
  static let cases: [(file: String, message: String)] = [
    (
      "recycling-yields.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/recycling-yields.yaml:7:9: recycling.categories[name=lead_acid].recovery: yields sum to 1.12 (lead 0.95, acid 0.1, polypropylene 0.07); they must sum to at most 1 (the rest is residue)"
    ),
    (
      "recycling-unknown-category.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/recycling-unknown-category.yaml:6:19: recycling.collection_points[name=TEDA battery dealer].categories: unknown category 'lead_acd'; categories are weee, elv, lead_acid, packaging; did you mean 'lead_acid'?"
    ),
    (
      "recycling-no-line.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/recycling-no-line.yaml:6:19: recycling.collection_points[name=TEDA community point].categories: centre 'Binhai' has no line for category 'weee' sent to it by this point; add recycling.centres[name=Binhai].lines[name=weee] or send it elsewhere"
    ),
  ]

  @Test(arguments: cases.indices)
  func badRecyclingInputIsRejectedWithFileLineAndKeyPath(index: Int) throws {
    try expectRejected(fixture: Self.cases[index].file, message: Self.cases[index].message)
  }

  @Test func variantsValidateWithoutWarnings() throws {
    let r = try chainsim("validate", "scenarios/variants/expand-centre.yaml", "scenarios/variants/more-collection-points.yaml")
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(!r.stdout.contains("warning"))
    let overloaded = try chainsim(
      "validate", "scenarios/tianjin-2024.yaml", "--set", "recycling.centres[name=Binhai].lines[name=lead_acid].capacity=0.1 t/h")
    #expect(overloaded.stdout.contains("warning: recycling.centres[name=Binhai].lines[name=lead_acid]: offered load"))
  }

  @Test func baselineWritesRecyclingResultsThatPassTheChecker() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("rec.h5").path
    let r = try chainsim(
      "run", "scenarios/tianjin-2024.yaml", "--replications", "2", "--horizon", "30d", "--set", "port.enabled=false", "--set",
      "ring.enabled=false", "-o", out, "--quiet")
    #expect(r.exitCode == 0, "\(r.stderr)")
    let script = layoutChecker
    let check = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, out, "--subsystem", "recycling"])
    #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("conforms"))
  }
}
