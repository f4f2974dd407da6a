import Scenario

extension PortConfig {
  /// Warnings about a `port` section that runs but says something odd, each with its file,
  /// line, column and key path: a vessel allowed more cranes than its terminal has, and a
  /// terminal that no service calls at (neither as its terminal nor, when vessels may divert,
  /// as an alternative).
  ///
  /// - Parameter port: the `port` section of a scenario that ``PortConfig/init(_:)`` accepted.
  public static func sourceWarnings(_ port: ScenarioSection) -> [String] {
    guard let terminals = try? port.namedList("terminals"), let services = try? port.namedList("services") else { return [] }
    var out: [String] = []
    // Alternatives are called at only when vessels may divert (divert_above_wait is set).
    let diverts = port.isSet("divert_above_wait")
    var called = Set<String>()
    for s in services {
      if let home = try? s.string("terminal") { called.insert(home) }
      if diverts, s.isSet("alternatives"), let names = try? s.strings("alternatives") { called.formUnion(names) }
    }
    for t in terminals {
      let name = t.name ?? ""
      if let cranes = try? t.resourceCount("quay_cranes"), let most = try? t.resourceCount("max_cranes_per_vessel"), most > cranes {
        let written = t.isSet("max_cranes_per_vessel") ? "" : " (the default)"
        out.append(
          t.error(
            "max_cranes_per_vessel",
            "\(most)\(written) is more than the terminal's \(cranes) quay cranes: a vessel is never worked by more than \(cranes); lower it to at most quay_cranes"
          ).description)
      }
      if !called.contains(name) {
        out.append(
          t.error(
            nil,
            "no service calls at this terminal (none names it as its terminal, or among its alternatives with port.divert_above_wait set): its berths and cranes stay idle and its KPIs are empty"
          ).description)
      }
    }
    return out
  }
}
