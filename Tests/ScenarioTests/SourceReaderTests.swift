import Foundation
import Scenario
import Testing

/// `ScenarioSourceReader.inMemory`: `extends` resolved from texts in memory (for tools and
/// the fuzz target), with the same paths, cycle detection and messages as files on disk.
@Suite struct SourceReaderTests {
  let base = "horizon: 30d\nport:\n  cranes_per_berth: 2\n  gate_rate: 32/h\n"

  func loader(_ files: [String: String]) -> ScenarioLoader {
    ScenarioLoader(schema: TestSchema.lenientRoot, reader: .inMemory(files))
  }

  @Test func extendsResolvesRelativePathsInMemory() throws {
    let files = ["s/base.yaml": base, "s/v/variant.yaml": "extends: ../base.yaml\nport:\n  cranes_per_berth: 3\n"]
    let scenario = try loader(files).load(path: "s/v/variant.yaml")
    #expect(try scenario.root.resolve("port.cranes_per_berth").scalar?.text == "3")
    #expect(try scenario.root.resolve("port.gate_rate").scalar?.text == "32/h")
    #expect(scenario.files == ["s/v/variant.yaml", "s/base.yaml"])
    // Same result as text given in memory with a base directory.
    let fromText = try loader(files).load(text: files["s/v/variant.yaml"]!, name: "variant.yaml", baseDirectory: "s/v")
    #expect(fromText.sha256 == scenario.sha256)
  }

  @Test func missingFileAndCycleAreLocatedErrors() {
    let missing = Fixtures.error { () throws(ScenarioError) in
      try self.loader(["a.yaml": "extends: nowhere.yaml\n"]).load(path: "a.yaml")
    }
    #expect(missing?.keyPath == "extends")
    #expect(missing?.message.hasPrefix("cannot read 'nowhere.yaml': no such file") == true)
    let cycle = Fixtures.error { () throws(ScenarioError) in
      try self.loader(["a.yaml": "extends: b.yaml\n", "b.yaml": "extends: ./a.yaml\n"]).load(path: "a.yaml")
    }
    #expect(cycle?.message == "extends makes a cycle: a.yaml → b.yaml → a.yaml")
  }

  @Test func sizeLimitAppliesToTextsInMemory() {
    var limited = loader(["big.yaml": "x: " + String(repeating: "y", count: 100) + "\n"])
    limited.limits.maxBytes = 50
    let error = Fixtures.error { () throws(ScenarioError) in try limited.load(path: "big.yaml") }
    #expect(error?.message == "the file is 104 bytes; the limit is 50 bytes")
  }
}
