import Scenario
import Testing

@Suite struct KeyPathOverrideTests {
  static let yaml = """
    warmup: 1d
    port:
      cranes_per_berth: 2
      terminals:
        - name: UICT
          berths: 4
        - name: CSP
          berths: 3
      tags: [a, b, c]
    """

  func tree() throws(ScenarioError) -> ScenarioNode {
    try ScenarioNode.parse(yaml: Self.yaml, file: "k.yaml")
  }

  @Test func parsesAndPrintsKeyPaths() throws {
    let path = try ScenarioKeyPath(parsing: "port.terminals[name=UICT].berths")
    #expect(path.components == [.key("port"), .key("terminals"), .named("UICT"), .key("berths")])
    #expect(path.description == "port.terminals[name=UICT].berths")
    #expect(try ScenarioKeyPath(parsing: "a.list[2]").components == [.key("a"), .key("list"), .index(2)])
    for bad in ["", "a..b", ".a", "a.", "a[", "a[x]", "a[name=]", "a[1]b"] {
      #expect(Fixtures.error { () throws(ScenarioError) in try ScenarioKeyPath(parsing: bad) } != nil, "\(bad)")
    }
  }

  @Test func resolvesByNameKeyAndIndex() throws {
    let root = try tree()
    #expect(try root.resolve("port.terminals[name=CSP].berths").scalar?.text == "3")
    #expect(try root.resolve("port.terminals[1].berths").scalar?.text == "3")
    #expect(try root.resolve("port.tags[2]").scalar?.text == "c")
    #expect(try root.resolve("port.terminals[name=CSP].berths").location.line == 8)
  }

  @Test func unknownPathsNameTheNearestValidPath() throws {
    let root = try tree()
    let key = Fixtures.error { () throws(ScenarioError) in try root.resolve("port.cranes_per_bert") }
    #expect(key?.description == "port.cranes_per_bert: no key 'cranes_per_bert' in port; did you mean 'port.cranes_per_berth'?")
    let name = Fixtures.error { () throws(ScenarioError) in try root.resolve("port.terminals[name=UICX].berths") }
    #expect(
      name?.description
        == "port.terminals[name=UICX].berths: no entry named 'UICX' in port.terminals (entries: UICT, CSP); did you mean 'port.terminals[name=UICT]'?"
    )
    let index = Fixtures.error { () throws(ScenarioError) in try root.resolve("port.tags[3]") }
    #expect(index?.message == "index [3] is out of range: port.tags has 3 entries")
    let scalar = Fixtures.error { () throws(ScenarioError) in try root.resolve("port.cranes_per_berth.x") }
    #expect(scalar?.message == "port.cranes_per_berth is '2', not a mapping, so it has no key 'x'")
  }

  @Test func overridesSetScalarsAndFlowValues() throws {
    let root = try tree().applying(overrides: [
      (keyPath: "port.terminals[name=UICT].berths", value: "6"),
      (keyPath: "port.tags", value: "[x]"),
      (keyPath: "warmup", value: "exp(mean: 6h)"),
    ])
    #expect(try root.resolve("port.terminals[name=UICT].berths").scalar?.text == "6")
    #expect(try root.resolve("port.terminals[name=UICT].berths").location.file == "<override port.terminals[name=UICT].berths>")
    #expect(try root.resolve("port.tags").sequence?.count == 1)
    #expect(try root.resolve("warmup").scalar?.text == "exp(mean: 6h)")
    #expect(try root.resolve("port.terminals[name=CSP].berths").scalar?.text == "3")
  }

  @Test func overridesMaySetSchemaDefaultsButNotUnknownKeys() throws {
    let withDefault = try tree().applying(
      overrides: [ScenarioOverride(keyPath: "port.gate_rate", value: "40/h")], schema: TestSchema.root)
    #expect(try withDefault.resolve("port.gate_rate").scalar?.text == "40/h")
    let unknown = Fixtures.error { () throws(ScenarioError) in
      try self.tree().applying(
        overrides: [ScenarioOverride(keyPath: "port.gate_rat", value: "40/h")], schema: TestSchema.root)
    }
    #expect(unknown?.description == "port.gate_rat: no key 'gate_rat' in port; did you mean 'port.gate_rate'?")
    let withoutSchema = Fixtures.error { () throws(ScenarioError) in
      try self.tree().applying(overrides: [ScenarioOverride(keyPath: "port.gate_rate", value: "40/h")])
    }
    #expect(withoutSchema?.message == "no key 'gate_rate' in port")
  }

  @Test func overridesApplyAfterExtendsAndBeforeValidation() throws {
    let loader = ScenarioLoader(schema: TestSchema.root)
    let bad = Fixtures.error { () throws(ScenarioError) in
      try loader.load(text: Self.yaml, name: "k.yaml", overrides: [ScenarioOverride(keyPath: "port.cranes_per_berth", value: "-2")])
    }
    #expect(bad?.description == "<override port.cranes_per_berth>:1:1: port.cranes_per_berth: expected a count between 0 and 12, found -2")
    let good = try loader.load(
      text: Self.yaml, name: "k.yaml", overrides: [try ScenarioOverride(parsing: "port.terminals[name=CSP].berths=9")])
    #expect(try good.reader(TestSchema.root).section("port").namedList("terminals")[1].count("berths") == 9)
    let plain = try loader.load(text: Self.yaml, name: "k.yaml")
    #expect(good.sha256 != plain.sha256)
  }

  @Test func overrideSyntaxErrors() {
    #expect(
      Fixtures.error { () throws(ScenarioError) in try ScenarioOverride(parsing: "port.x") }?.message
        == "an override is written key.path=value, e.g. site.servers_per_station=3")
    let parsed = try? ScenarioOverride(parsing: "a[name=x=y].b=3")
    #expect(parsed == ScenarioOverride(keyPath: "a[name=x=y].b", value: "3"))
    let extends = Fixtures.error { () throws(ScenarioError) in
      try self.tree().applying(overrides: [ScenarioOverride(keyPath: "extends", value: "x.yaml")])
    }
    #expect(extends?.message == "override: 'extends' cannot be overridden")
  }
}
