import Testing

@testable import Experiments

/// Which scenario keys changed, in the scenario's own key-path notation.
struct CompareInputTests {
  let base = """
    name: base
    run:
      seed: 2024
      horizon: 365d
    port:
      terminals:
        - name: UICT
          berths: 4
          crane_productivity: "normal(mean: 19/h, sd: 3/h)"
        - name: FICT
          berths: 4
      closures: [a, b]
    """

  @Test func changedNumberNamedItemAndOneSidedKey() throws {
    let variant = """
      name: variant
      run:
        seed: 2024
        horizon: 90d
      port:
        terminals:
          - name: FICT
            berths: 4
          - name: UICT
            berths: 5
            crane_productivity: "normal(mean: 28/h, sd: 4/h)"
        closures: [a, c]
        divert_above_wait: 24h
      rail:
        enabled: false
      """
    let d = try InputDifferences.between([base, variant])
    #expect(
      d == [
        InputDifference(keyPath: "name", values: ["base", "variant"]),
        InputDifference(keyPath: "run.horizon", values: ["365d", "90d"]),
        InputDifference(keyPath: "port.terminals[name=UICT].berths", values: ["4", "5"]),
        InputDifference(
          keyPath: "port.terminals[name=UICT].crane_productivity",
          values: ["normal(mean: 19/h, sd: 3/h)", "normal(mean: 28/h, sd: 4/h)"]),
        InputDifference(keyPath: "port.closures", values: ["[a, b]", "[a, c]"]),
        InputDifference(keyPath: "port.divert_above_wait", values: [nil, "24h"]),
        InputDifference(keyPath: "rail.enabled", values: [nil, "false"]),
      ])
  }

  @Test func sameScenarioHasNoDifferences() throws {
    #expect(try InputDifferences.between([base, base]).isEmpty)
  }

  @Test func keyOnlyInTheFirstAndANewNamedItem() throws {
    let variant = """
      name: base
      run:
        seed: 2024
      port:
        terminals:
          - name: UICT
            berths: 4
            crane_productivity: "normal(mean: 19/h, sd: 3/h)"
          - name: FICT
            berths: 4
          - name: New
            berths: 2
        closures: [a, b]
      """
    let d = try InputDifferences.between([base, variant])
    // A new named item is one row with its keys inline, not one row per key.
    #expect(d.map(\.keyPath) == ["run.horizon", "port.terminals[name=New]"])
    #expect(d[0].values == ["365d", nil])
    #expect(d[1].values == [nil, "{name: New, berths: 2}"])
  }

  @Test func invalidYAMLThrows() {
    #expect(throws: (any Error).self) { try InputDifferences.between([base, "a: [unclosed"]) }
  }
}
