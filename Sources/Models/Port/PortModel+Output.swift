import SimKernel

extension PortModel {
  var terminalAxis: LabelAxis { LabelAxis(name: "terminal", labels: config.terminals.map(\.name)) }
  var flowAxis: LabelAxis { LabelAxis(name: "flow", labels: ContainerFlow.labels) }

  /// Registers the port's time series with the sampler.
  func registerSeries() {
    let axis = terminalAxis
    let series = SeriesList(sampler: sim.sampler, subsystem: Self.subsystem)
    series.add("vessels_at_anchor", "Vessels waiting at the anchorage", "1", axis) { [unowned self] t in
      Double(quay.berths[t].queue.count)
    }
    series.add("berths_busy", "Berths held by a vessel", "1", axis) { [unowned self] t in
      Double(quay.berths[t].busy)
    }
    series.add("cranes_busy", "Quay cranes assigned to a vessel", "1", axis) { [unowned self] t in
      Double(quay.cranesInUse(terminal: t))
    }
    series.add("vessel_arrivals", "Cumulative vessel arrivals", "1", axis) { [unowned self] t in
      Double(metrics.arrivalsByTerminal[t])
    }
    guard hasContainers else { return }
    series.add("cranes_broken", "Quay cranes under repair", "1", axis) { [unowned self] t in
      Double(quay.cranesBroken[t])
    }
    series.add("yard_occupancy", "Yard occupancy (boxes and reserved slots)", "TEU", axis) { [unowned self] t in
      yard.stores[t].level
    }
    series.add("gate_queue", "Trucks waiting at the gate", "1", axis) { [unowned self] t in
      gate.queueTrucks[t]
    }
    series.add("quay_teu", "Cumulative quay throughput (discharged + loaded)", "TEU", axis) { [unowned self] t in
      metrics.quayTEUCumulative[t]
    }
    series.add("channel_open", "Channel open (1) or closed (0)", "1") { [unowned self] _ in
      channel.isOpen ? 1 : 0
    }
  }

  public func finish(at horizon: SimTime) -> SubsystemOutput {
    let axis = terminalAxis
    let n = config.terminals.count
    let m = metrics
    let span = Swift.max(1e-9, horizon - sim.warmup)
    var kpis = KPIList()
    kpis.add("vessel_calls", "Vessel calls (arrivals after warm-up)", "1", .none, m.calls.map(Double.init), axis)
    kpis.add("moves_handled", "Container moves handled (after warm-up)", "moves", .higher, m.movesHandled, axis)
    kpis.duration("wait_for_berth", "wait for a berth", [m.wait])
    kpis.duration(
      "wait_for_berth", "wait for a berth by terminal", m.waitByTerminal, axis, suffix: "_by_terminal",
      names: [.mean: "wait_for_berth_by_terminal"])
    kpis.duration("time_at_berth", "time at berth (first to last move)", [m.atBerth])
    kpis.duration(
      "time_at_berth", "time at berth by terminal", m.atBerthByTerminal, axis, suffix: "_by_terminal",
      names: [.mean: "time_at_berth_by_terminal"])
    kpis.duration(
      "time_in_port", "time in port", [m.inPort],
      longNames: [.mean: "Mean time in port (anchorage arrival to leaving the channel)"])
    kpis.duration(
      "time_in_port", "time in port by terminal", m.inPortByTerminal, axis, suffix: "_by_terminal",
      names: [.mean: "time_in_port_by_terminal"])
    kpis.add(
      "vessels_at_anchor_mean", "Mean vessels at the anchorage", "1", .lower, quay.berths.map { $0.queueLevel.mean(until: horizon) }, axis)
    kpis.add("berth_utilisation", "Berth utilisation", "1", .none, quay.berths.map { $0.utilisation(until: horizon) }, axis)
    kpis.add(
      "crane_utilisation", "Quay crane utilisation", "1", .none,
      (0..<n).map { t in config.terminals[t].cranes > 0 ? quay.cranesBusy[t].mean(until: horizon) / Double(config.terminals[t].cranes) : 0
      }, axis)
    kpis.add(
      "berth_productivity", "Berth productivity (moves per hour at berth)", "moves/h", .higher, m.berthProductivity.map(\.mean), axis)
    kpis.add("vessel_call_rate", "Vessel calls per week (after warm-up)", "1/week", .none, [Double(m.calls.reduce(0, +)) / span * 168])
    if hasContainers {
      let flows = flowAxis
      let totalTEU = m.quayTEU.reduce(0, +)
      kpis.add(
        "teu_throughput", "Quay throughput (discharged + loaded, transshipment twice; after warm-up)", "TEU", .higher, m.quayTEU, axis)
      kpis.add("teu_throughput_annual", "Quay throughput at an annual rate", "TEU/yr", .higher, [totalTEU / span * 8760])
      kpis.add("teu_by_flow", "Quay throughput by container flow", "TEU", .none, m.quayTEUByFlow, flows)
      kpis.add("yard_occupancy_mean", "Mean yard occupancy", "TEU", .none, yard.stores.map { $0.levelStat.mean(until: horizon) }, axis)
      kpis.add(
        "yard_utilisation", "Mean yard occupancy over capacity", "1", .none,
        (0..<n).map { t in yard.stores[t].levelStat.mean(until: horizon) / config.terminals[t].yardCapacityTEU }, axis)
      kpis.add(
        "yard_occupancy_max", "Peak yard occupancy over capacity", "1", .none,
        (0..<n).map { t in yard.stores[t].levelStat.max / config.terminals[t].yardCapacityTEU }, axis)
      kpis.duration(
        "dwell", "container dwell by flow", m.dwellByFlow, flows,
        longNames: [.mean: "Mean container dwell in the yard by flow"])
      kpis.duration(
        "import_clearance", "import clearance time", [m.importClearance],
        longNames: [.mean: "Mean import clearance time (discharge to customs release)"])
      kpis.duration(
        "export_clearance", "export clearance time", [m.exportClearance],
        longNames: [.mean: "Mean export clearance time (gate-in to customs release)"])
      kpis.add(
        "inspection_share", "Share of declared batches inspected", "1", .none,
        [m.declared > 0 ? Double(m.inspected) / Double(m.declared) : 0])
      kpis.add(
        "inspection_utilisation", "Customs inspection teams' utilisation", "1", .none, [customs.inspection.utilisation(until: horizon)])
      kpis.add("gate_queue_mean", "Mean trucks waiting at the gate", "1", .lower, gate.queueLevel.map { $0.mean(until: horizon) }, axis)
      kpis.duration("gate_wait", "wait of a truck group for a gate lane", m.gateWait, axis)
      kpis.add(
        "gate_utilisation", "Gate lane utilisation (in working hours)", "1", .none, gate.lanes.map { $0.utilisation(until: horizon) }, axis)
      kpis.duration(
        "truck_turnaround", "truck turnaround", [m.turnaroundAll],
        longNames: [.mean: "Mean truck turnaround (gate queue to leaving the terminal)"])
      kpis.duration(
        "truck_turnaround", "truck turnaround by terminal", m.turnaround, axis, suffix: "_by_terminal",
        names: [.mean: "truck_turnaround_by_terminal"])
      kpis.add(
        "export_rolled_teu", "Export TEU not ready at their vessel's loading (rolled to the next call)", "TEU", .lower, [m.rolledTEU])
      kpis.add("discharge_blocked_hours", "Vessel-hours of discharge stopped by a full yard", "h", .lower, m.blockedHours, axis)
      kpis.add("vessels_diverted", "Vessels sent to an alternative terminal", "1", .none, [Double(m.diverted)])
      kpis.add("crane_breakdowns", "Quay crane breakdowns", "1", .lower, m.breakdowns.map(Double.init), axis)
      kpis.add("channel_closed_hours", "Hours the channel was closed (after warm-up)", "h", .lower, [m.channelClosedHours])
      if landside != nil {
        let directions = LabelAxis(name: "direction", labels: ["import", "export"])
        kpis.add(
          "rail_handover_teu", "Laden TEU handed to the rail yard (imports) and accepted to arrive by rail (exports)",
          "TEU", .none, [m.railImportTEU, m.railExportTEU], directions)
      }
    }
    return output(sampler: sim.sampler, kpis: kpis, checks: balanceChecks())
  }

  /// Flow balance, counted from state (queues, berths, the batch table), not from the
  /// counters that are checked: vessels; discharge moves on board; TEU per terminal.
  func balanceChecks() -> [CheckOutput] {
    let inPort = vessels.phase.reduce(0) { $0 + ($1 != .announced && $1 != .gone ? 1 : 0) }
    var onBoard = 0.0
    for i in 0..<vessels.count where vessels.phase[i] != .announced && vessels.phase[i] != .gone {
      onBoard += vessels.onBoard(i)
    }
    var checks = [
      CheckOutput(
        name: "vessel_balance", longName: "Vessels: arrived = left + in port", units: "1",
        entered: Double(metrics.arrivedVessels), left: Double(metrics.departedVessels), remained: Double(inPort)),
      CheckOutput(
        name: "move_balance", longName: "Discharge moves: arrived on board = discharged + still on board", units: "moves",
        entered: metrics.arrivedDischargeMoves, left: metrics.dischargedMoves, remained: onBoard, tolerance: 1e-9),
    ]
    guard hasContainers else { return checks }
    let n = config.terminals.count
    var inTerminal = Array(repeating: 0.0, count: n)
    for k in 0..<batches.capacity {
      switch batches.state[k] {
      case .inYard, .waitingForSpace: inTerminal[Int(batches.terminal[k])] += batches.teu[k]
      default: break
      }
    }
    checks.append(
      CheckOutput(
        name: "teu_balance", longName: "TEU: into terminals (discharged, gate in) = out (loaded, gate out) + in the terminals",
        units: "TEU", entered: metrics.teuIn.reduce(0, +), left: metrics.teuOut.reduce(0, +),
        remained: inTerminal.reduce(0, +), tolerance: 1e-9))
    for t in 0..<n {
      checks.append(
        CheckOutput(
          name: "teu_balance_\(slug(config.terminals[t].name))", longName: "TEU at \(config.terminals[t].name): in = out + in the terminal",
          units: "TEU", entered: metrics.teuIn[t], left: metrics.teuOut[t], remained: inTerminal[t], tolerance: 1e-9))
    }
    // Hours are judged from the configured opening times, independently of the lane schedule.
    checks.append(
      CheckOutput(
        name: "gate_hours", longName: "Truck groups through the gate = those that passed inside working hours",
        units: "1", entered: Double(metrics.gatePasses), left: Double(metrics.gatePasses - metrics.gatePassesOutsideHours),
        remained: 0))
    return checks
  }

  /// An ASCII snake_case form of a name (`Beijiang C` → `beijiang_c`).
  func slug(_ text: String) -> String {
    var out = ""
    for ch in text.lowercased().unicodeScalars {
      if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) { out.unicodeScalars.append(ch) } else if !out.hasSuffix("_") { out += "_" }
    }
    while out.hasSuffix("_") { out.removeLast() }
    return out.isEmpty ? "terminal" : out
  }
}
