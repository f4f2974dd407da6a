import Scenario
import Testing

/// Each malformed fixture gives exactly this message (file:line:column, key path, text).
@Suite struct MalformedFilesTests {
  static let cases: [(file: String, message: String)] = [
    ("unknown_key", "unknown_key.yaml:4:7: port.terminals[name=UICT]: unknown key 'cranes_per_bert'; did you mean 'cranes_per_berth'?"),
    ("bad_bool", "bad_bool.yaml:2:12: port.enabled: expected true or false, found 'maybe'"),
    ("bad_choice", "bad_choice.yaml:2:9: port.mode: expected one of 'fifo', 'priority', found 'fastest'"),
    (
      "distribution_name",
      "distribution_name.yaml:4:22: port.terminals[name=A].interarrival: unknown distribution 'expo'; known: constant, empirical, erlang, exp, gamma, lognormal, normal, triangular, uniform, weibull; did you mean 'exp'?"
    ),
    (
      "distribution_unit",
      "distribution_unit.yaml:4:32: port.terminals[name=A].interarrival: exp: 'mean' expected a duration such as 45min, 6h or 2d, found '6'"
    ),
    ("duplicate_key", "duplicate_key.yaml:2:3: key 'cranes_per_berth' appears twice in the same mapping"),
    (
      "duplicate_name",
      "duplicate_name.yaml:6:13: port.terminals: duplicate name 'A' (first used at line 4); names in a list must be unique"
    ),
    ("empty", "empty.yaml:1:1: the file is empty (no keys, only comments or blank lines)"),
    (
      "fractional_count",
      "fractional_count.yaml:2:21: port.cranes_per_berth: expected a count (a whole number) between 0 and 12, found '2.5'"
    ),
    (
      "missing_name",
      "missing_name.yaml:3:7: port.terminals[0]: this entry has no 'name'; every entry of port.terminals needs a unique name"
    ),
    ("negative", "negative.yaml:4:15: port.terminals[name=UICT].berths: expected a count ≥ 0, found -2"),
    ("section_is_list", "section_is_list.yaml:1:7: port: expected a mapping of keys, found a list"),
    ("syntax", "syntax.yaml:5:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"),
    ("top_is_list", "top_is_list.yaml:1:1: expected a mapping of keys at the top of the file, found a list"),
    (
      "unquoted_distribution",
      "unquoted_distribution.yaml:4:29: YAML syntax error: mapping values are not allowed in this context; a distribution with named arguments must be quoted, e.g. \"exp(mean: 6h)\", or written with '=', e.g. exp(mean=6h)"
    ),
    ("wrong_unit", "wrong_unit.yaml:2:14: port.gate_rate: expected a rate such as 32/h, 5/d or 25 moves/h, found '32'"),
  ]

  @Test(arguments: cases.indices)
  func reportsExactMessage(_ index: Int) throws {
    let (file, message) = Self.cases[index]
    let path = try Fixtures.path("malformed/\(file).yaml")
    let loader = ScenarioLoader(schema: TestSchema.lenientRoot)
    let error = Fixtures.error { () throws(ScenarioError) in try loader.load(path: path) }
    let rendered = error?.description.replacingOccurrences(of: path.dropLast(file.count + 5), with: "")
    #expect(rendered == message)
  }
}
