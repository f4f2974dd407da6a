import Foundation
import Scenario
import Testing

@Suite(.serialized) struct ExtendsTests {
  func load(_ name: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> ResolvedScenario {
    let path = (try? Fixtures.path("extends/\(name)")) ?? name
    return try ScenarioLoader(schema: TestSchema.lenientRoot).load(path: path, overrides: overrides)
  }

  @Test func mergesMappingsAndNamedListsByName() throws {
    let scenario = try load("variant.yaml")
    let root = scenario.root
    #expect(scenario.name == "variant")
    #expect(root["extends"] == nil)
    #expect(try root.resolve("horizon").scalar?.text == "30d")  // from the base
    #expect(try root.resolve("port.cranes_per_berth").scalar?.text == "3")  // overridden
    #expect(try root.resolve("port.gate_rate").scalar?.text == "32/h")
    let names = try root.resolve("port.terminals").sequence?.compactMap { $0["name"]?.scalar?.text }
    #expect(names == ["UICT", "CSP", "New"])  // Old removed, New appended
    #expect(try root.resolve("port.terminals[name=CSP].berths").scalar?.text == "5")
    #expect(try root.resolve("port.terminals[name=CSP].interarrival").scalar?.text == "exp(mean: 8h)")
    #expect(try root.resolve("port.tags").sequence?.map { $0.scalar?.text } == ["c"])  // plain lists replace
    #expect(scenario.files.count == 2)
    // Locations point into the file that wrote the value.
    #expect(try root.resolve("port.terminals[name=CSP].berths").location.file.hasSuffix("variant.yaml"))
    #expect(try root.resolve("port.terminals[name=UICT].berths").location.file.hasSuffix("base.yaml"))
  }

  @Test func chainsResolveRelativePaths() throws {
    let scenario = try load("variant2.yaml")
    #expect(scenario.name == "variant")
    #expect(try scenario.root.resolve("port.gate_rate").scalar?.text == "40/h")
    #expect(try scenario.root.resolve("port.cranes_per_berth").scalar?.text == "3")
    #expect(scenario.files.count == 3)
  }

  @Test func cycleIsALocatedErrorNamingTheChain() {
    let error = Fixtures.error { () throws(ScenarioError) in try self.load("cycle_a.yaml") }
    #expect(error?.location?.file.hasSuffix("cycle_b.yaml") == true)
    #expect(error?.location?.line == 2)
    #expect(error?.keyPath == "extends")
    #expect(error?.message.hasPrefix("extends makes a cycle: ") == true)
    #expect(error?.message.hasSuffix("cycle_a.yaml → ") == false)
    let parts = error?.message.components(separatedBy: " → ").map { ($0 as NSString).lastPathComponent }
    #expect(parts?.suffix(3) == ["cycle_a.yaml", "cycle_b.yaml", "cycle_a.yaml"])
  }

  @Test func missingBaseIsALocatedError() throws {
    let error = Fixtures.error { () throws(ScenarioError) in try self.load("missing.yaml") }
    let dir = try Fixtures.path("extends")
    #expect(
      error?.description
        == "\(dir)/missing.yaml:2:10: extends: cannot read '\(dir)/nowhere.yaml': no such file (extends chain: \(dir)/missing.yaml → \(dir)/nowhere.yaml)"
    )
  }

  @Test func removingAnUnknownEntrySuggestsTheName() {
    let error = Fixtures.error { () throws(ScenarioError) in try self.load("bad_remove.yaml") }
    #expect(error?.keyPath == "port.terminals[name=UICX]")
    #expect(error?.suggestion == "UICT")
    #expect(error?.location?.line == 5)
  }

  @Test func inMemoryTextRefusesOrResolvesExtends() throws {
    let loader = ScenarioLoader()
    let refused = Fixtures.error { () throws(ScenarioError) in
      try loader.load(text: "extends: base.yaml\n", name: "fuzz")
    }
    #expect(refused?.description == "fuzz:1:10: extends: extends is not available for text given in memory; load the file by its path")
    let dir = try Fixtures.path("extends")
    let resolved = try loader.load(text: "extends: base.yaml\nhorizon: 2d\n", name: "mem.yaml", baseDirectory: dir)
    #expect(try resolved.root.resolve("horizon").scalar?.text == "2d")
    #expect(resolved.name == "baseline")
    #expect(resolved.path == nil)
  }

  @Test func baseChangeChangesEveryVariantHashButCommentsDoNot() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let base = "# base\nport:\n  cranes_per_berth: 2\n  gate_rate: 30/h\n"
    try base.write(toFile: dir + "/base.yaml", atomically: true, encoding: .utf8)
    try "extends: base.yaml\nport:\n  gate_rate: 40/h\n".write(toFile: dir + "/v.yaml", atomically: true, encoding: .utf8)
    let loader = ScenarioLoader(schema: TestSchema.lenientRoot)
    let first = try loader.load(path: dir + "/v.yaml")
    #expect(first.name == "v")
    #expect(first.sha256.count == 64)
    // Comments, whitespace and key order in the base: same hash.
    try "port:\n    gate_rate:   30/h   # faster gate\n    cranes_per_berth: 2\n".write(
      toFile: dir + "/base.yaml", atomically: true, encoding: .utf8)
    #expect(try loader.load(path: dir + "/v.yaml").sha256 == first.sha256)
    // A real change in the base: a new hash for the variant.
    try base.replacingOccurrences(of: "cranes_per_berth: 2", with: "cranes_per_berth: 3").write(
      toFile: dir + "/base.yaml", atomically: true, encoding: .utf8)
    let changed = try loader.load(path: dir + "/v.yaml")
    #expect(changed.sha256 != first.sha256)
    #expect(changed.canonicalText == "port:\n  cranes_per_berth: 3\n  gate_rate: 40/h\n")
  }
}
