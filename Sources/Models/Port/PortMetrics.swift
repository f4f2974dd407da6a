import SimKernel

/// The port's running statistics: flow counters (whole run, for the balance checks) and
/// KPI tallies (reset at the end of the warm-up).
struct PortMetrics {
  // Flow counters over the whole run (balance checks).
  var arrivedVessels = 0
  var departedVessels = 0
  /// Discharge moves that arrived on board, and that were discharged.
  var arrivedDischargeMoves = 0.0
  var dischargedMoves = 0.0
  /// TEU into each terminal (discharged, through the gate in) and out (loaded, through the gate out).
  var teuIn: [Double]
  var teuOut: [Double]
  /// Cumulative arrivals per terminal (a series: common random numbers make it identical
  /// between variants that change only how vessels are served).
  var arrivalsByTerminal: [Int]
  /// Cumulative quay TEU per terminal (a series).
  var quayTEUCumulative: [Double]
  /// Gate passes, and those that started outside the configured working hours.
  var gatePasses = 0
  var gatePassesOutsideHours = 0

  // KPI statistics since the warm-up.
  var calls: [Int]
  var movesHandled: [Double]
  var quayTEU: [Double]
  var quayTEUByFlow: [Double]
  var wait = Tally(keepsSamples: true)
  var waitByTerminal: [Tally]
  var atBerth = Tally(keepsSamples: true)
  var atBerthByTerminal: [Tally]
  var inPort = Tally(keepsSamples: true)
  var inPortByTerminal: [Tally]
  var berthProductivity: [Tally]
  var dwellByFlow: [Tally]
  var importClearance = Tally(keepsSamples: true)
  var exportClearance = Tally(keepsSamples: true)
  var inspected = 0
  var declared = 0
  var gateWait: [Tally]
  var turnaround: [Tally]
  var turnaroundAll = Tally(keepsSamples: true)
  var rolledTEU = 0.0
  /// Laden TEU handed to the rail yard (imports) and accepted to come by rail (exports).
  var railImportTEU = 0.0
  var railExportTEU = 0.0
  var blockedHours: [Double]
  var diverted = 0
  var breakdowns: [Int]
  var channelClosedHours = 0.0

  init(terminals n: Int) {
    teuIn = Array(repeating: 0, count: n)
    teuOut = Array(repeating: 0, count: n)
    arrivalsByTerminal = Array(repeating: 0, count: n)
    quayTEUCumulative = Array(repeating: 0, count: n)
    calls = Array(repeating: 0, count: n)
    movesHandled = Array(repeating: 0, count: n)
    quayTEU = Array(repeating: 0, count: n)
    quayTEUByFlow = Array(repeating: 0, count: ContainerFlow.allCases.count)
    waitByTerminal = Array(repeating: Tally(keepsSamples: true), count: n)
    atBerthByTerminal = Array(repeating: Tally(keepsSamples: true), count: n)
    inPortByTerminal = Array(repeating: Tally(keepsSamples: true), count: n)
    berthProductivity = Array(repeating: Tally(), count: n)
    dwellByFlow = Array(repeating: Tally(keepsSamples: true), count: ContainerFlow.allCases.count)
    gateWait = Array(repeating: Tally(keepsSamples: true), count: n)
    turnaround = Array(repeating: Tally(keepsSamples: true), count: n)
    blockedHours = Array(repeating: 0, count: n)
    breakdowns = Array(repeating: 0, count: n)
  }

  mutating func arrived(terminal t: Int, dischargeMoves: Double) {
    arrivedVessels += 1
    arrivedDischargeMoves += dischargeMoves
    arrivalsByTerminal[t] += 1
    calls[t] += 1
  }

  mutating func berthed(terminal t: Int, wait w: Double) {
    wait.add(w)
    waitByTerminal[t].add(w)
  }

  /// A quay move chunk: `teu` discharged or loaded at terminal `t`.
  mutating func quay(terminal t: Int, flow: ContainerFlow?, moves: Double, teu: Double) {
    movesHandled[t] += moves
    quayTEU[t] += teu
    quayTEUCumulative[t] += teu
    if let flow { quayTEUByFlow[flow.rawValue] += teu }
  }

  mutating func workFinished(terminal t: Int, moves: Double, atBerth h: Double) {
    atBerth.add(h)
    atBerthByTerminal[t].add(h)
    if h > 0 { berthProductivity[t].add(moves / h) }
  }

  mutating func departed(terminal t: Int, inPort h: Double) {
    departedVessels += 1
    inPort.add(h)
    inPortByTerminal[t].add(h)
  }

  mutating func reset(at time: SimTime) {
    for t in calls.indices {
      calls[t] = 0
      movesHandled[t] = 0
      quayTEU[t] = 0
      waitByTerminal[t].reset()
      atBerthByTerminal[t].reset()
      inPortByTerminal[t].reset()
      berthProductivity[t].reset()
      gateWait[t].reset()
      turnaround[t].reset()
      blockedHours[t] = 0
      breakdowns[t] = 0
    }
    for f in dwellByFlow.indices {
      dwellByFlow[f].reset()
      quayTEUByFlow[f] = 0
    }
    wait.reset()
    atBerth.reset()
    inPort.reset()
    importClearance.reset()
    exportClearance.reset()
    turnaroundAll.reset()
    inspected = 0
    declared = 0
    rolledTEU = 0
    railImportTEU = 0
    railExportTEU = 0
    diverted = 0
    channelClosedHours = 0
  }
}
