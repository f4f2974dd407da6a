import Foundation
import SimKernel

extension PortConfig {
  /// Offered load against capacity, per terminal (cranes and berths; with boxes also the gate
  /// lanes in their working hours and the yard by Little's law) and for the customs teams.
  /// A load at or above 1 is an unstable queue: `chainsim validate` warns about it.
  public func loadWarnings() -> [String] {
    var out: [String] = []
    var inspectionHoursPerHour = 0.0
    for (t, terminal) in terminals.enumerated() {
      var movesPerHour = 0.0
      for s in services where s.terminal == t {
        movesPerHour += callsPerHour(s) * s.moves.mean
      }
      let productivity = terminal.craneProductivity.mean
      let craneCapacity = Double(terminal.cranes) * productivity
      let berthCapacity = Double(terminal.berths) * Double(terminal.maxCranesPerVessel) * productivity
      let capacity = Swift.min(craneCapacity, berthCapacity)
      let load = capacity > 0 ? movesPerHour / capacity : .infinity
      if load >= 1 {
        out.append(
          String(
            format:
              "port.terminals[name=%@]: offered load %@ of capacity (%@ moves/h arriving, %@ moves/h at most): the anchorage queue grows without bound",
            terminal.name, warningNumber(load, 2), warningNumber(movesPerHour, 0), warningNumber(capacity, 0)))
      }
      guard let c = containers else { continue }
      // Moves through the gate: laden and empty imports out, exports and empties in.
      let discharge = movesPerHour * c.dischargeShare
      let loading = movesPerHour - discharge
      let gateMoves = discharge * (c.dischargeMix[0] + c.dischargeMix[1]) + loading * (c.loadMix[0] + c.loadMix[1])
      let trucksPerHour = gateMoves * c.boxesPerMove
      let openHours = terminal.gateOpensAt <= 0 && terminal.gateClosesAt >= 24 ? 24 : terminal.gateClosesAt - terminal.gateOpensAt
      let laneHoursPerHour = Double(terminal.gateLanes) * openHours / 24
      let gateLoad = trucksPerHour * terminal.gateTransaction.mean / laneHoursPerHour
      if gateLoad >= 1 {
        out.append(
          String(
            format:
              "port.terminals[name=%@]: gate offered load %@ (%@ trucks/h, %d lane(s) open %@ h a day): the gate queue grows without bound",
            terminal.name, warningNumber(gateLoad, 2), warningNumber(trucksPerHour, 0), terminal.gateLanes, warningNumber(openHours, 0)))
      }
      // Yard by Little's law: TEU entering per hour × mean stay.
      let customs = self.customs
      let importStay =
        (1 - customs.importAdvanceDeclaration) * customs.importDocumentTime.mean
        + customs.importInspectionRate * customs.inspectionTime.mean + c.importDwell.mean
      let exportStay = c.exportLead.mean + c.cutoff
      let teuHours =
        c.teuPerMove
        * (discharge
          * (c.dischargeMix[0] * importStay + c.dischargeMix[1] * c.emptyDwell.mean
            + c.dischargeMix[2] * c.transshipmentDwell.mean)
          + loading * (c.loadMix[0] + c.loadMix[1]) * exportStay)
      let yardLoad = teuHours / terminal.yardCapacityTEU
      if yardLoad >= 1 {
        out.append(
          String(
            format: "port.terminals[name=%@]: the yard's expected occupancy is %@ of its %@ TEU: discharge will stop for lack of space",
            terminal.name, warningNumber(yardLoad, 2), warningNumber(terminal.yardCapacityTEU, 0)))
      }
      let batchesPerHour =
        discharge * c.dischargeMix[0] / c.movesPerBatch * customs.importInspectionRate
        + loading * c.loadMix[0] / c.movesPerBatch * customs.exportInspectionRate
      inspectionHoursPerHour += batchesPerHour * customs.inspectionTime.mean
    }
    if containers != nil {
      let inspectionLoad = inspectionHoursPerHour / Double(customs.inspectionTeams)
      if inspectionLoad >= 1 {
        out.append(
          String(
            format:
              "port.customs: inspection offered load %@ (%@ team-hours of inspection an hour for %d teams): inspections queue without bound",
            warningNumber(inspectionLoad, 2), warningNumber(inspectionHoursPerHour, 1), customs.inspectionTeams))
      }
    }
    return out
  }

  private func callsPerHour(_ s: VesselServiceConfig) -> Double {
    switch s.arrivals {
    case .weekly(let calls, _): return Double(calls) / 168
    case .random(let interarrival): return 1 / interarrival.mean
    }
  }
}
