import Scenario
import Testing

/// Explicit YAML tags are refused with their location and key path: the loader reads values
/// by their key and never honoured them (Issue 17: `!!binary`, `!!str` were ignored silently).
struct YAMLTagTests {
  func error(_ yaml: String) -> ScenarioError? {
    Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: yaml, file: "t.yaml") }
  }

  @Test func aTagOnAValueInANamedListNamesTheEntry() {
    let e = error("port:\n  terminals:\n    - name: UICT\n      berths: !!int 3\n")
    #expect(e?.location == SourceLocation(file: "t.yaml", line: 4, column: 15))
    #expect(e?.keyPath == "port.terminals[name=UICT].berths")
    #expect(e?.message.contains("the YAML tag '!!int' is not honoured") == true)
  }

  @Test func tagsOnKeysListsAndMappingsAndNonSpecificTagsAreRefused() {
    #expect(error("port:\n  !!str berths: 3\n")?.keyPath == "port.berths")
    #expect(error("tags: !!seq [a, b]\n")?.keyPath == "tags")
    #expect(error("port: !!map {berths: 3}\n")?.keyPath == "port")
    #expect(error("hours: [1, ! 2]\n")?.keyPath == "hours[1]")
    #expect(error("name: !<tag:example.com,2024:x> a\n")?.message.contains("'tag:example.com,2024:x'") == true)
    #expect(error("%TAG !e! tag:example.com,2024:\n---\nname: !e!x a\n")?.message.contains("'tag:example.com,2024:x'") == true)
  }

  @Test func quotedAndPlainValuesWithoutTagsAreAccepted() throws {
    let node = try ScenarioNode.parse(yaml: "name: \"!!str\"\nport: {berths: '3', note: a!b}\n", file: "t.yaml")
    #expect(node["name"]?.scalar?.text == "!!str")
    #expect(node["port"]?["note"]?.scalar?.text == "a!b")
  }
}
