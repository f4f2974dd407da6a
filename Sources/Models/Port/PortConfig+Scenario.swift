import Scenario
import SimKernel

extension PortConfig {
  /// Reads a validated `port` section; cross-key rules give located errors.
  public init(_ port: ScenarioSection) throws(ScenarioError) {
    var terminals: [TerminalConfig] = []
    for t in try port.namedList("terminals") {
      let minimum = try t.resourceCount("min_cranes_per_vessel")
      let maximum = try t.resourceCount("max_cranes_per_vessel")
      let cranes = try t.resourceCount("quay_cranes")
      guard minimum <= maximum else {
        throw t.error("min_cranes_per_vessel", "must be at most max_cranes_per_vessel (\(maximum)), found \(minimum)")
      }
      guard minimum <= cranes else {
        throw t.error("min_cranes_per_vessel", "must be at most quay_cranes (\(cranes)), found \(minimum): no vessel could ever start")
      }
      let opens = try t.duration("gate_opens")
      let closes = try t.duration("gate_closes")
      guard opens < closes else {
        throw t.error("gate_closes", "must be later in the day than gate_opens (\(opens) h), found \(closes) h")
      }
      terminals.append(
        TerminalConfig(
          name: t.name ?? "", berths: try t.resourceCount("berths"), cranes: cranes,
          minCranesPerVessel: minimum, maxCranesPerVessel: maximum,
          craneProductivity: try t.distribution("crane_productivity"),
          yardBlocks: try t.resourceCount("yard_blocks"), yardBlockTEU: try t.number("yard_block_teu"),
          gateLanes: try t.resourceCount("gate_lanes"), gateOpensAt: opens, gateClosesAt: closes,
          gateTransaction: try t.distribution("gate_transaction"), truckYardTime: try t.distribution("truck_yard_time"),
          craneMTBF: try t.optional("crane_mtbf", t.duration), craneRepair: try t.distribution("crane_repair")))
    }
    guard !terminals.isEmpty else { throw port.error("terminals", "expected at least one terminal") }
    let names = terminals.map(\.name)
    func terminalIndex(_ name: String, _ section: ScenarioSection, _ key: String) throws(ScenarioError) -> Int {
      guard let i = names.firstIndex(of: name) else {
        throw section.error(
          key, "no terminal named '\(name)'; terminals are \(names.joined(separator: ", "))",
          suggestion: ScenarioSuggest.nearest(to: name, among: names))
      }
      return i
    }
    var services: [VesselServiceConfig] = []
    for s in try port.namedList("services") {
      let terminal = try terminalIndex(try s.string("terminal"), s, "terminal")
      var alternatives: [Int] = []
      if s.isSet("alternatives") {
        for (k, name) in try s.strings("alternatives").enumerated() {
          let index = try terminalIndex(name, s, "alternatives")
          guard index != terminal else {
            throw ScenarioError(
              location: s.node?["alternatives"]?.sequence.flatMap { k < $0.count ? $0[k].location : nil } ?? s.location,
              keyPath: s.keyPath("alternatives"),
              message: "'\(name)' is the service's own terminal: an alternative is another terminal its vessels may be sent to; remove it")
          }
          alternatives.append(index)
        }
      }
      let arrivals: VesselArrivals
      switch (s.isSet("calls_per_week"), s.isSet("interarrival")) {
      case (true, false):
        let calls = try s.number("calls_per_week")
        // 0 is a service without calls (the schema's minimum): the model schedules none.
        guard calls == calls.rounded(), calls >= 0, calls <= Double(Int32.max) else {
          throw s.error("calls_per_week", "expected a whole number of calls per week, found \(calls)")
        }
        arrivals = .weekly(callsPerWeek: Int(calls), jitter: try s.distribution("arrival_jitter"))
      case (false, true):
        arrivals = .random(interarrival: try s.distribution("interarrival"))
      default:
        throw s.error(nil, "give exactly one of calls_per_week (a weekly schedule) or interarrival (random arrivals)")
      }
      services.append(
        VesselServiceConfig(
          name: s.name ?? "", terminal: terminal, alternatives: alternatives, arrivals: arrivals,
          moves: try s.distribution("moves"), priority: try s.count("berth_priority")))
    }
    let discipline = QueueDiscipline(rawValue: try port.string("berth_discipline")) ?? .fifo
    let containers: ContainerConfig? = port.isSet("containers") ? try ContainerConfig(try port.section("containers")) : nil
    self.init(
      terminals: terminals, services: services, berthDiscipline: discipline, containers: containers,
      customs: try CustomsConfig(try port.section("customs")), channel: try ChannelConfig(try port.section("channel")),
      divertAboveWait: try port.optional("divert_above_wait", port.duration) ?? .infinity)
  }
}

extension ContainerConfig {
  /// Reads `port.containers`; each flow mix must sum to 1.
  init(_ c: ScenarioSection) throws(ScenarioError) {
    func mix(_ key: String, _ names: [String]) throws(ScenarioError) -> [Double] {
      let section = try c.section(key)
      var shares: [Double] = []
      for name in names { shares.append(try section.fraction(name)) }
      let sum = shares.reduce(0, +)
      guard abs(sum - 1) <= 1e-6 else {
        let parts = zip(names, shares).map { "\($0) \($1)" }.joined(separator: " + ")
        throw c.error(key, "shares must sum to 1, found \(parts) = \((sum * 1e6).rounded() / 1e6)")
      }
      return shares
    }
    self.init(
      teuPerSingleLift: try c.number("teu_per_single_lift"), twinLiftShare: try c.fraction("twin_lift_share"),
      dischargeShare: try c.fraction("discharge_share"),
      dischargeMix: try mix("discharge_mix", ["import", "empty", "transshipment"]),
      loadMix: try mix("load_mix", ["export", "empty", "transshipment"]),
      importDwell: try c.distribution("import_dwell"), emptyDwell: try c.distribution("empty_dwell"),
      transshipmentDwell: try c.distribution("transshipment_dwell"), exportLead: try c.distribution("export_lead"),
      cutoff: try c.duration("cutoff"), movesPerBatch: try c.number("moves_per_batch"), callNotice: try c.duration("call_notice"))
  }
}

extension CustomsConfig {
  /// Reads `port.customs`.
  init(_ c: ScenarioSection) throws(ScenarioError) {
    self.init(
      importAdvanceDeclaration: try c.fraction("import_advance_declaration"),
      importDocumentTime: try c.distribution("import_document_time"),
      importInspectionRate: try c.fraction("import_inspection_rate"),
      exportAdvanceDeclaration: try c.fraction("export_advance_declaration"),
      exportDocumentTime: try c.distribution("export_document_time"),
      exportInspectionRate: try c.fraction("export_inspection_rate"),
      inspectionTime: try c.distribution("inspection_time"), inspectionTeams: try c.resourceCount("inspection_teams"))
  }
}

extension ChannelConfig {
  /// Reads `port.channel`.
  init(_ c: ScenarioSection) throws(ScenarioError) {
    var closures: [Range<SimTime>] = []
    for closure in try c.namedList("closures") {
      let start = try closure.duration("start")
      closures.append(start..<(start + (try closure.duration("duration"))))
    }
    self.init(
      transit: try c.distribution("transit"), closures: closures,
      randomClosuresPerYear: try c.number("random_closures_per_year"), closureDuration: try c.distribution("closure_duration"))
  }
}
