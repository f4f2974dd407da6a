import Foundation
import Scenario
import Testing

@Suite struct ParsingLimitsTests {
  @Test func keepsLocationsAndQuoting() throws {
    let node = try ScenarioNode.parse(yaml: "a:\n  b: 3\n  c: \"x\"\nl: [1, 2]\n", file: "t.yaml")
    let b = try #require(node["a"]?["b"])
    #expect(b.location == SourceLocation(file: "t.yaml", line: 2, column: 6))
    #expect(b.scalar == ScenarioScalar(text: "3", isQuoted: false))
    #expect(node["a"]?["c"]?.scalar?.isQuoted == true)
    #expect(node["a"]?.mapping?["c"]?.keyLocation == SourceLocation(file: "t.yaml", line: 3, column: 3))
    #expect(node["l"]?.sequence?.count == 2)
    #expect(Array(node.mapping?.keys ?? []) == ["a", "l"])
  }

  @Test func mergeKeysExpand() throws {
    let node = try ScenarioNode.parse(yaml: "d: &d {x: 1, y: 2}\ne:\n  <<: *d\n  y: 3\n", file: "t")
    #expect(node["e"]?["x"]?.scalar?.text == "1")
    #expect(node["e"]?["y"]?.scalar?.text == "3")
  }

  @Test func aliasBombIsRejectedQuickly() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      yaml += "a\(level): &a\(level) [\(refs)]\n"
    }
    let start = Date()
    let error = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: yaml, file: "bomb.yaml") }
    #expect(error?.message.contains("alias bomb") == true)
    #expect(error?.location?.file == "bomb.yaml")
    #expect(Date().timeIntervalSince(start) < 2)
  }

  @Test func aliasAsKeyBombIsRejected() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      yaml += "a\(level): &a\(level) [\(refs)]\n"
    }
    yaml += "? *a8\n: 1\n"
    let error = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: yaml, file: "k.yaml") }
    #expect(error?.message.contains("alias bomb") == true)
  }

  @Test func hugeInputIsRejectedBeforeParsing() {
    let yaml = "a: " + String(repeating: "x", count: 5 << 20)
    let error = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: yaml, file: "big.yaml") }
    #expect(error?.description == "big.yaml:1:1: the file is \(yaml.utf8.count) bytes; the limit is 4194304 bytes")
  }

  @Test func deepNestingIsRejected() {
    let flow = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    let error = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: "a: \(flow)\n", file: "deep.yaml") }
    #expect(error?.message == "nesting is deeper than 64 levels; scenario files are never that deep")
    #expect(error?.location?.line == 1)
    var block = ""
    for depth in 0..<70 { block += String(repeating: " ", count: depth) + "k\(depth):\n" }
    let blockError = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: block, file: "deep.yaml") }
    #expect(blockError?.message.contains("deeper than 64") == true)
  }

  @Test func deepNestingThroughAliasesIsRejected() {
    let flow = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
    let yaml = "a: &a \(flow)\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n"
    let error = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: yaml, file: "d.yaml") }
    #expect(error?.message.contains("aliases expanded") == true)
  }

  @Test func nodeLimitIsConfigurable() {
    let yaml = "l: [" + (0..<100).map(String.init).joined(separator: ", ") + "]\n"
    let limits = ScenarioLimits(maxNodes: 50)
    let error = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: yaml, file: "n", limits: limits) }
    #expect(error?.message.hasPrefix("more than 50 values") == true)
  }

  @Test func emptyAndCommentOnlyInputIsAClearError() {
    for text in ["", "\n\n", "# nothing\n"] {
      let error = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: text, file: "e.yaml") }
      #expect(error?.description == "e.yaml:1:1: the file is empty (no keys, only comments or blank lines)")
    }
  }

  @Test func secondDocumentAndUndefinedAliasAreErrors() {
    let two = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: "a: 1\n---\nb: 2\n", file: "t") }
    #expect(two?.message.contains("second '---'") == true)
    let alias = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: "a: *nope\n", file: "t") }
    #expect(alias?.description == "t:1:4: alias '*nope' refers to no anchor '&nope' above it")
  }

  @Test func garbageNeverCrashes() {
    let inputs = ["\u{0}", "a: [", "{", "- - - -", ": :", "a: 'x", "\t- x", "? ? ?", "&a &b x", "!!binary zz", "a: !!int x"]
    for input in inputs {
      _ = Fixtures.error { () throws(ScenarioError) in try ScenarioNode.parse(yaml: input, file: "g") }
    }
  }
}
