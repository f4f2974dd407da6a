import Experiments
import Foundation
import Testing

/// The shipped JSON Schema and key reference are generated from the loader's own schema:
/// they must not drift from what the loader accepts.
@Suite struct DocumentationTests {
  @Test func shippedSchemaAndReferenceAreCurrent() throws {
    let schema = try String(contentsOf: packageRoot.appendingPathComponent("docs/scenario-schema.json"), encoding: .utf8)
    let reference = try String(contentsOf: packageRoot.appendingPathComponent("docs/scenario-keys.md"), encoding: .utf8)
    #expect(schema == ScenarioDocumentation.jsonSchema, "regenerate: swift run chainsim schema > docs/scenario-schema.json")
    #expect(reference == ScenarioDocumentation.keyReference, "regenerate: swift run chainsim schema --reference > docs/scenario-keys.md")
    #expect(reference.contains("port.terminals[].crane_productivity"))
  }

  @Test func shippedScenariosValidate() throws {
    let variants = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("scenarios/variants").path)
      .filter { $0.hasSuffix(".yaml") }.sorted().map { "scenarios/variants/\($0)" }
    #expect(variants.count >= 4)
    for file in ["scenarios/tianjin-2024.yaml"] + variants {
      let p = try ScenarioPreparation.prepare(path: packageRoot.appendingPathComponent(file).path, overrides: [])
      #expect(p.warnings.isEmpty, "\(file): \(p.warnings)")
      #expect(p.config.port?.terminals.count == 9, "named terminals and the other terminals of Beijiang, Dongjiang, Nanjiang")
      #expect(p.config.port?.containers != nil)
    }
  }

  @Test func variantHashChangesWithItsBaseButNotWithComments() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-hash-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let base = try String(contentsOf: packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml"), encoding: .utf8)
    let variant = "extends: base.yaml\nname: v\nport:\n  berth_discipline: priority\n"
    try variant.write(to: dir.appendingPathComponent("v.yaml"), atomically: true, encoding: .utf8)
    func hash() throws -> String { try ScenarioPreparation.prepare(path: dir.appendingPathComponent("v.yaml").path, overrides: []).sha256 }
    try base.write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
    let h0 = try hash()
    try ("# a new comment\n" + base).write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
    #expect(try hash() == h0, "comments do not change the resolved scenario")
    try base.replacingOccurrences(of: "quay_cranes: 11", with: "quay_cranes: 12")
      .write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
    #expect(try hash() != h0, "a change in the base changes the variant's hash")
  }
}
