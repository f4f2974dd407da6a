import Scenario

/// The most units of one resource a scenario may give (berths, cranes, lanes, teams, wagons,
/// handlers, lines, vehicles; the schema's `max` for quay cranes and vehicles, the config
/// readers' check for the rest): far above any real site, and low enough that a typo such as
/// `vehicles: 3e9` is an error instead of a configuration that exhausts memory or overflows.
let maxResourceCount = 10_000

extension ScenarioSection {
  /// `count(key)`, refused above ``maxResourceCount`` with a located error.
  func resourceCount(_ key: String) throws(ScenarioError) -> Int {
    let n = try count(key)
    guard n <= maxResourceCount else {
      throw error(key, "expected a count ≤ \(maxResourceCount), found \(n)")
    }
    return n
  }
}
