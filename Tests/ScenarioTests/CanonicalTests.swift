import Scenario
import Testing

@Suite struct CanonicalTests {
  func canonical(_ yaml: String) throws(ScenarioError) -> String {
    try ScenarioNode.parse(yaml: yaml, file: "c.yaml").canonicalYAML
  }

  @Test func sortsKeysAndNormalisesScalars() throws {
    let text = try canonical(
      """
      # a comment
      z: 1
      a:
        y: "exp(mean: 6h)"
        x: ~
        w: 'plain'
        v: "5"
        u: True
        t: {}
        s: []
      list:
        - name: B
          k: 2
        - [1, 2]
        - x
      """)
    #expect(
      text == """
        a:
          s: []
          t: {}
          u: true
          v: "5"
          w: plain
          x: null
          y: "exp(mean: 6h)"
        list:
          - k: 2
            name: B
          -
            - 1
            - 2
          - x
        z: 1

        """)
    // The canonical text reads back to the same canonical text.
    #expect(try canonical(text) == text)
  }

  @Test func stableUnderReorderingCommentsAndQuotingStyle() throws {
    let one = try canonical("a: 1\nb:\n  c: 6h\n  d: 'x y'\n")
    let two = try canonical("# header\nb:   # section\n    d: \"x y\"\n    c: 6h   # six hours\na: 1\n")
    #expect(one == two)
    let node = try ScenarioNode.parse(yaml: "a: 1\n", file: "x")
    // SHA-256 of the UTF-8 bytes "a: 1\n".
    #expect(node.canonicalYAML == "a: 1\n")
    #expect(node.canonicalSHA256 == "37b128c59f1f5097f73f82691cb519f1f568667faab5ced1b4ab979d36837eae")
  }

  @Test func valueChangesChangeTheHash() throws {
    let a = try ScenarioNode.parse(yaml: "a: 1\n", file: "x").canonicalSHA256
    let b = try ScenarioNode.parse(yaml: "a: 2\n", file: "x").canonicalSHA256
    let c = try ScenarioNode.parse(yaml: "a: \"1\"\n", file: "x").canonicalSHA256
    #expect(a != b)
    #expect(a != c)  // quoting that changes the YAML type is kept
  }

  @Test func awkwardTextIsQuotedAndRoundTrips() throws {
    let yaml = "k: \"line\\nbreak\"\nl: \"- dash\"\nm: \"# hash\"\nn: \" pad \"\n\"odd key: x\": 1\no: \"tab\\there\"\n"
    let text = try canonical(yaml)
    let back = try ScenarioNode.parse(yaml: text, file: "r")
    let original = try ScenarioNode.parse(yaml: yaml, file: "o")
    for key in ["k", "l", "m", "n", "odd key: x", "o"] {
      #expect(back[key]?.scalar?.text == original[key]?.scalar?.text, "\(key)")
    }
  }
}
