import Foundation
import Scenario
import SimKernel
import Testing

@Suite struct SchemaTests {
  static let text = """
    name: demo
    horizon: 30d
    warmup: 2d
    port:
      cranes_per_berth: 3
      gate_rate: 25 moves/h
      quay_length: 800m
      terminals:
        - name: UICT
          berths: 4
          interarrival: "lognormal(mean: 4d, sd: 2d)"
          share: 15%
          hours: [6h, 30min]
        - name: CSP
      tags: [x, y]
    """

  func load(_ text: String = SchemaTests.text) throws(ScenarioError) -> ResolvedScenario {
    try ScenarioLoader(schema: TestSchema.root).load(text: text, name: "demo.yaml")
  }

  @Test func readerGivesTypedValuesInInternalUnits() throws {
    let scenario = try load()
    let root = scenario.reader(TestSchema.root)
    #expect(try root.duration("horizon") == 720)
    #expect(try root.string("name") == "demo")
    let port = try root.section("port")
    #expect(try port.count("cranes_per_berth") == 3)
    #expect(try port.rate("gate_rate") == 25)
    #expect(try port.number("quay_length") == 0.8)
    #expect(try port.bool("enabled") == true)  // default
    #expect(try port.string("mode") == "fifo")  // default
    #expect(try port.strings("tags") == ["x", "y"])
    let terminals = try port.namedList("terminals")
    #expect(terminals.map(\.name) == ["UICT", "CSP"])
    #expect(terminals[0].path.description == "port.terminals[name=UICT]")
    #expect(try terminals[0].distribution("interarrival") == .lognormal(mean: 96, sd: 48))
    #expect(try terminals[0].fraction("share") == 0.15)
    #expect(try terminals[0].numbers("hours") == [6, 0.5])
    #expect(try terminals[1].count("berths") == 2)  // default
    #expect(try terminals[1].distribution("interarrival") == .exponential(mean: 6))
    #expect(try terminals[1].fraction("share") == 0.5)
    #expect(try terminals[1].optional("cranes_per_berth", terminals[1].count) == nil)
    #expect(try terminals[0].optional("berths", terminals[0].count) == 4)
    #expect(try terminals[1].numbers("hours") == [])
  }

  @Test func absentSectionUsesDefaults() throws {
    let scenario = try load("warmup: 1d\n")
    let port = try scenario.reader(TestSchema.root).section("port")
    #expect(port.node == nil)
    #expect(try port.count("cranes_per_berth") == 2)
    #expect(try port.rate("gate_rate") == 30)
    #expect(try port.namedList("terminals").isEmpty)
  }

  @Test func misuseOfTheReaderIsAnErrorNotACrash() throws {
    let port = try load().reader(TestSchema.root).section("port")
    let undeclared = Fixtures.error { () throws(ScenarioError) in try port.count("cranes") }
    #expect(undeclared?.message == "internal: key 'cranes' is not declared in the schema of port")
    let wrongKind = Fixtures.error { () throws(ScenarioError) in try port.duration("cranes_per_berth") }
    #expect(wrongKind?.message == "internal: read as duration but declared as count")
    let located = port.error("gate_rate", "must be below the berth capacity")
    #expect(located.description == "demo.yaml:6:14: port.gate_rate: must be below the berth capacity")
  }

  @Test func missingRequiredKey() {
    let error = Fixtures.error { () throws(ScenarioError) in try self.load("horizon: 2d\n") }
    #expect(error?.description == "demo.yaml:1:1: warmup: missing required key 'warmup' (a duration: Warm-up period)")
  }

  @Test func collectsEveryProblemInFileOrder() throws {
    let node = try ScenarioNode.parse(
      yaml: "warmup: 5\nport:\n  cranes_per_berth: -1\n  gate_rat: 3/h\n  terminals:\n    - name: A\n      berths: 13.5\n",
      file: "p.yaml")
    let problems = TestSchema.root.problems(in: node).map(\.description)
    #expect(
      problems == [
        "p.yaml:1:9: warmup: expected a duration such as 45min, 6h or 2d, found '5'",
        "p.yaml:3:21: port.cranes_per_berth: expected a count between 0 and 12, found -1",
        "p.yaml:4:3: port: unknown key 'gate_rat'; did you mean 'gate_rate'?",
        "p.yaml:7:15: port.terminals[name=A].berths: expected a count (a whole number) ≥ 0, found '13.5'",
      ])
  }

  @Test func negativeDurationAndOutOfRangeFraction() throws {
    let node = try ScenarioNode.parse(
      yaml: "warmup: -3h\nport:\n  terminals:\n    - name: A\n      share: 150%\n", file: "f.yaml")
    #expect(
      TestSchema.root.problems(in: node).map(\.description) == [
        // Every duration is also at most 100 years (ValueLimits, Issue 17).
        "f.yaml:1:9: warmup: expected a duration between 0h and 876600h, found -3h",
        "f.yaml:5:14: port.terminals[name=A].share: expected a fraction between 0 and 1, found 150%",
      ])
  }

  @Test func defaultsAreValid() throws {
    try TestSchema.root.checkDefaults()
    let broken = Schema([.duration("x", default: "5", doc: "bad default")])
    let error = Fixtures.error { () throws(ScenarioError) in try broken.checkDefaults() }
    #expect(error?.keyPath == "x")
  }

  @Test func jsonSchemaParsesAndMentionsEveryField() throws {
    let text = TestSchema.root.jsonSchema(title: "Test scenario")
    #expect(text == TestSchema.root.jsonSchema(title: "Test scenario"))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    let properties = try #require(json["properties"] as? [String: Any])
    #expect(Set(properties.keys) == ["extends", "name", "horizon", "warmup", "port"])
    #expect(json["required"] as? [String] == ["warmup"])
    let port = try #require(properties["port"] as? [String: Any])
    let portProperties = try #require(port["properties"] as? [String: Any])
    #expect(Set(portProperties.keys) == Set(TestSchema.port.fields.map(\.name)))
    let terminals = try #require(portProperties["terminals"] as? [String: Any])
    let items = try #require(terminals["items"] as? [String: Any])
    let itemProperties = try #require(items["properties"] as? [String: Any])
    #expect(Set(itemProperties.keys) == Set(TestSchema.terminal.fields.map(\.name) + ["name"]))
    let cranes = try #require(portProperties["cranes_per_berth"] as? [String: Any])
    #expect(cranes["type"] as? String == "integer")
    #expect(cranes["maximum"] as? Int == 12)
    #expect(cranes["default"] as? Int == 2)
  }

  @Test func markdownReferenceListsKeyPaths() {
    let text = TestSchema.root.markdownReference(title: "Keys")
    #expect(text == TestSchema.root.markdownReference(title: "Keys"))
    #expect(text.contains("| `port.cranes_per_berth` | count between 0 and 12 |  | `2` | Quay cranes per berth |"))
    #expect(
      text.contains(
        "| `port.terminals[].interarrival` | distribution of duration with parameters, mean and sd at most 876600h | h (write e.g. 45min, 6h, 2d) | `exp(mean: 6h)` | Time between vessel arrivals |"
      ))
    #expect(text.contains("| `warmup` | duration between 0h and 876600h | h (write e.g. 45min, 6h, 2d) | **required** | Warm-up period |"))
    #expect(text.contains("`port.terminals[].name`"))
  }
}
