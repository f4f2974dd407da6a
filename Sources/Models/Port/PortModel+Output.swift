import SimKernel

extension PortModel {
  var terminalAxis: LabelAxis { LabelAxis(name: "terminal", labels: config.terminals.map(\.name)) }

  /// Registers the port's time series with the sampler.
  func registerSeries() {
    let axis = terminalAxis
    let sampler = sim.sampler
    sampler.register(subsystem: name, MetricInfo(name: "vessels_at_anchor", longName: "Vessels waiting at the anchorage", units: "1", axis: axis)) { [unowned self] t in
      Double(berths[t].queue.count)
    }
    sampler.register(subsystem: name, MetricInfo(name: "berths_busy", longName: "Berths occupied by a vessel", units: "1", axis: axis)) { [unowned self] t in
      Double(berths[t].busy)
    }
    sampler.register(subsystem: name, MetricInfo(name: "cranes_busy", longName: "Quay cranes working a vessel", units: "1", axis: axis)) { [unowned self] t in
      Double(config.terminals[t].cranes - cranesFree[t])
    }
    sampler.register(subsystem: name, MetricInfo(name: "vessel_arrivals", longName: "Cumulative vessel arrivals", units: "1", axis: axis)) { [unowned self] t in
      Double(metrics.arrivalsByTerminal[t])
    }
  }

  public func finish(at horizon: SimTime) -> SubsystemOutput {
    let axis = terminalAxis
    let n = config.terminals.count
    let m = metrics
    let span = Swift.max(1e-9, horizon - sim.warmup)
    func kpi(_ name: String, _ long: String, _ units: String, _ better: Better, _ values: [Double], labelled: Bool = false) -> KPIOutput {
      KPIOutput(info: MetricInfo(name: name, longName: long, units: units, better: better, axis: labelled ? axis : nil), values: values)
    }
    let kpis: [KPIOutput] = [
      kpi("vessel_calls", "Vessel calls (arrivals after warm-up)", "1", .none, m.calls.map(Double.init), labelled: true),
      kpi("moves_handled", "Container moves handled (after warm-up)", "moves", .higher, m.movesHandled, labelled: true),
      kpi("wait_for_berth_mean", "Mean wait for a berth", "h", .lower, [m.wait.mean]),
      kpi("wait_for_berth_p50", "Median wait for a berth", "h", .lower, [m.wait.percentile(0.5)]),
      kpi("wait_for_berth_p90", "90th percentile of wait for a berth", "h", .lower, [m.wait.percentile(0.9)]),
      kpi("wait_for_berth_p95", "95th percentile of wait for a berth", "h", .lower, [m.wait.percentile(0.95)]),
      kpi("wait_for_berth_by_terminal", "Mean wait for a berth by terminal", "h", .lower, m.waitByTerminal.map(\.mean), labelled: true),
      kpi("time_at_berth_mean", "Mean time at berth", "h", .lower, [m.atBerth.mean]),
      kpi("time_at_berth_by_terminal", "Mean time at berth by terminal", "h", .lower, m.atBerthByTerminal.map(\.mean), labelled: true),
      kpi("time_in_port_mean", "Mean time in port (wait + berth)", "h", .lower, [m.wait.mean + m.atBerth.mean]),
      kpi("vessels_at_anchor_mean", "Mean vessels at the anchorage", "1", .lower, berths.map { $0.queueLevel.mean(until: horizon) }, labelled: true),
      kpi("berth_utilisation", "Berth utilisation", "1", .none, berths.map { $0.utilisation(until: horizon) }, labelled: true),
      kpi("crane_utilisation", "Quay crane utilisation", "1", .none,
          (0..<n).map { t in config.terminals[t].cranes > 0 ? cranesBusy[t].mean(until: horizon) / Double(config.terminals[t].cranes) : 0 }, labelled: true),
      kpi("berth_productivity", "Berth productivity (moves per hour at berth)", "moves/h", .higher, m.berthProductivity.map(\.mean), labelled: true),
      kpi("vessel_call_rate", "Vessel calls per week (after warm-up)", "1/week", .none, [Double(m.calls.reduce(0, +)) / span * 168]),
    ]
    return SubsystemOutput(name: name, series: sim.sampler.series(of: name), kpis: kpis, checks: balanceChecks())
  }

  /// Flow balance: every vessel and move that arrived has left or is still in port
  /// (counted independently from the queues and berths, not from the counters).
  func balanceChecks() -> [CheckOutput] {
    let inPort = berths.reduce(0) { $0 + $1.queue.count + $1.busy }
    var movesInPort = 0.0
    for i in 0..<vessels.count where !vessels.arrival[i].isNaN && vessels.departed[i].isNaN {
      movesInPort += vessels.moves[i]
    }
    return [
      CheckOutput(name: "vessel_balance", longName: "Vessels: arrived = departed + in port", units: "1",
                  entered: Double(metrics.arrivedVessels), left: Double(metrics.departedVessels), remained: Double(inPort)),
      CheckOutput(name: "move_balance", longName: "Container moves: arrived = worked + on board in port", units: "moves",
                  entered: metrics.arrivedMoves, left: metrics.departedMoves, remained: movesInPort, tolerance: 1e-9),
    ]
  }
}
