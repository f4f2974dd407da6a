import SimKernel

/// The port's running statistics: flow counters (whole run, for the balance checks) and
/// KPI tallies (reset at the end of the warm-up).
struct PortMetrics {
  // Flow counters over the whole run.
  var arrivedVessels = 0
  var departedVessels = 0
  var arrivedMoves = 0.0
  var departedMoves = 0.0
  /// Cumulative arrivals per terminal (a series: common random numbers make it identical
  /// between variants that change only how vessels are served).
  var arrivalsByTerminal: [Int]

  // KPI statistics since the warm-up.
  var calls: [Int]
  var movesHandled: [Double]
  var wait = Tally(keepsSamples: true)
  var waitByTerminal: [Tally]
  var atBerth = Tally(keepsSamples: true)
  var atBerthByTerminal: [Tally]
  var berthProductivity: [Tally]

  init(terminals n: Int) {
    arrivalsByTerminal = Array(repeating: 0, count: n)
    calls = Array(repeating: 0, count: n)
    movesHandled = Array(repeating: 0, count: n)
    waitByTerminal = Array(repeating: Tally(), count: n)
    atBerthByTerminal = Array(repeating: Tally(), count: n)
    berthProductivity = Array(repeating: Tally(), count: n)
  }

  mutating func arrived(terminal t: Int, moves: Double) {
    arrivedVessels += 1
    arrivedMoves += moves
    arrivalsByTerminal[t] += 1
    calls[t] += 1
  }

  mutating func berthed(terminal t: Int, wait w: Double) {
    wait.add(w)
    waitByTerminal[t].add(w)
  }

  mutating func departed(terminal t: Int, moves: Double, atBerth h: Double) {
    departedVessels += 1
    departedMoves += moves
    movesHandled[t] += moves
    atBerth.add(h)
    atBerthByTerminal[t].add(h)
    if h > 0 { berthProductivity[t].add(moves / h) }
  }

  mutating func reset(at time: SimTime) {
    for t in calls.indices {
      calls[t] = 0
      movesHandled[t] = 0
      waitByTerminal[t].reset()
      atBerthByTerminal[t].reset()
      berthProductivity[t].reset()
    }
    wait.reset()
    atBerth.reset()
  }
}
