import Scenario
import Testing

@Suite struct UnitsTests {
  static let table: [(String, UnitKind, Double?)] = [
    ("30s", .duration, 30.0 / 3600), ("45min", .duration, 0.75), ("6h", .duration, 6),
    ("2d", .duration, 48), ("1w", .duration, 168), ("1week", .duration, 168), ("2 weeks", .duration, 336),
    ("1.5 h", .duration, 1.5), ("1_000h", .duration, 1000), ("-3h", .duration, -3),
    ("5", .duration, nil), ("5x", .duration, nil), ("h", .duration, nil), ("nanh", .duration, nil),
    ("32/h", .rate, 32), ("5/d", .rate, 5.0 / 24), ("2/week", .rate, 2.0 / 168),
    ("25 moves/h", .rate, 25), ("1.5 TEU/h", .rate, 1.5), ("32", .rate, nil), ("32/x", .rate, nil),
    ("15%", .fraction, 0.15), ("0.15", .fraction, 0.15), ("15 %", .fraction, 0.15), ("15h", .fraction, nil),
    ("12km", .distance, 12), ("800m", .distance, 0.8), ("12", .distance, nil),
    ("2.5t", .mass, 2.5), ("400kg", .mass, 0.4), ("3 tonnes", .mass, 3), ("3g", .mass, nil),
    ("3", .none, 3), ("2.5e2", .none, 250), ("inf", .none, nil), ("0x10", .none, nil), ("3h", .none, nil),
  ]

  @Test(arguments: table.indices)
  func convertsToInternalUnits(_ index: Int) {
    let (text, kind, expected) = Self.table[index]
    let value = kind.parse(text)
    if let expected {
      #expect(value != nil && abs(value! - expected) < 1e-12, "\(text) as \(kind)")
    } else {
      #expect(value == nil, "\(text) as \(kind) should be rejected")
    }
  }

  @Test func expectationsNameExamples() {
    #expect(UnitKind.duration.expectation == "a duration such as 45min, 6h or 2d")
    #expect(UnitKind.rate.expectation.contains("32/h"))
  }

  @Test func suggestionsUseEditDistance() {
    #expect(ScenarioSuggest.distance("kitten", "sitting") == 3)
    #expect(ScenarioSuggest.nearest(to: "cranes_per_bert", among: ["berths", "cranes_per_berth"]) == "cranes_per_berth")
    #expect(ScenarioSuggest.nearest(to: "zzz", among: ["berths"]) == nil)
    // A swap of neighbouring letters is one edit: `rnage` is `range`, not `name` (Issue 10 bad-input corpus).
    #expect(ScenarioSuggest.distance("rnage", "range") == 1)
    #expect(ScenarioSuggest.nearest(to: "rnage", among: ["name", "path", "range"]) == "range")
  }
}
