import Scenario

/// The keys of the `port` section: the one source from which the loader validates, the
/// config reads its defaults, and the JSON Schema and key reference are generated.
public enum PortSchema {
  static let terminal = Schema([
    .count("berths", min: 1, doc: "Berths at the terminal (vessels served at once)"),
    .count("quay_cranes", min: 1, doc: "Quay cranes in the terminal's shared pool"),
    .count("min_cranes_per_vessel", default: 1, min: 1, doc: "Cranes a vessel needs before it can start work"),
    .count("max_cranes_per_vessel", default: 4, min: 1, doc: "Most cranes that work one vessel"),
    .distribution("crane_productivity", of: .rate, doc: "Moves per crane-hour, drawn per vessel on arrival (e.g. normal(mean: 28/h, sd: 4/h, min: 10/h))"),
  ])

  static let service = Schema([
    .string("terminal", doc: "Name of the terminal its vessels call at"),
    .number("calls_per_week", unit: .none, default: .optional, min: 0, doc: "Scheduled calls per week, evenly spaced (give this or `interarrival`)"),
    .distribution("arrival_jitter", of: .duration, default: "0h", doc: "Deviation of a scheduled vessel's arrival from its slot (at least -48 h)"),
    .distribution("interarrival", of: .duration, default: .optional, doc: "Time between unscheduled arrivals (give this or `calls_per_week`)"),
    .distribution("moves", of: .none, doc: "Container moves (discharge + load) per call, drawn per vessel"),
    .count("berth_priority", default: 0, doc: "Lower is served first when `berth_discipline` is `priority`"),
  ])

  /// The `port` section.
  public static let schema = Schema([
    .bool("enabled", default: true, doc: "Simulate the port (false: leave it out of the run)"),
    .choice("berth_discipline", QueueDiscipline.allCases.map(\.rawValue), default: "fifo",
            doc: "Order in which anchored vessels get a berth: fifo, or priority (by service berth_priority, then FIFO)"),
    .namedList("terminals", terminal, doc: "Container terminals: berths with a shared quay-crane pool"),
    .namedList("services", service, doc: "Liner services and vessel classes calling at the terminals"),
  ])
}

import SimKernel

extension PortConfig {
  /// Reads a validated `port` section; cross-key rules give located errors.
  public init(_ port: ScenarioSection) throws(ScenarioError) {
    var terminals: [TerminalConfig] = []
    for t in try port.namedList("terminals") {
      let minimum = try t.count("min_cranes_per_vessel")
      let maximum = try t.count("max_cranes_per_vessel")
      let cranes = try t.count("quay_cranes")
      guard minimum <= maximum else {
        throw t.error("min_cranes_per_vessel", "must be at most max_cranes_per_vessel (\(maximum)), found \(minimum)")
      }
      guard minimum <= cranes else {
        throw t.error("min_cranes_per_vessel", "must be at most quay_cranes (\(cranes)), found \(minimum): no vessel could ever start")
      }
      terminals.append(TerminalConfig(
        name: t.name ?? "", berths: try t.count("berths"), cranes: cranes,
        minCranesPerVessel: minimum, maxCranesPerVessel: maximum,
        craneProductivity: try t.distribution("crane_productivity")))
    }
    guard !terminals.isEmpty else { throw port.error("terminals", "expected at least one terminal") }
    let names = terminals.map(\.name)
    var services: [VesselServiceConfig] = []
    for s in try port.namedList("services") {
      let terminalName = try s.string("terminal")
      guard let terminal = names.firstIndex(of: terminalName) else {
        throw s.error("terminal", "no terminal named '\(terminalName)'; terminals are \(names.joined(separator: ", "))",
                      suggestion: ScenarioSuggest.nearest(to: terminalName, among: names))
      }
      let arrivals: VesselArrivals
      switch (s.isSet("calls_per_week"), s.isSet("interarrival")) {
      case (true, false):
        let calls = try s.number("calls_per_week")
        guard calls == calls.rounded(), calls >= 1 else {
          throw s.error("calls_per_week", "expected a whole number of calls per week ≥ 1, found \(calls)")
        }
        arrivals = .weekly(callsPerWeek: Int(calls), jitter: try s.distribution("arrival_jitter"))
      case (false, true):
        arrivals = .random(interarrival: try s.distribution("interarrival"))
      default:
        throw s.error(nil, "give exactly one of calls_per_week (a weekly schedule) or interarrival (random arrivals)")
      }
      services.append(VesselServiceConfig(
        name: s.name ?? "", terminal: terminal, arrivals: arrivals,
        moves: try s.distribution("moves"), priority: try s.count("berth_priority")))
    }
    let discipline = QueueDiscipline(rawValue: try port.string("berth_discipline")) ?? .fifo
    self.init(terminals: terminals, services: services, berthDiscipline: discipline)
  }
}
