import SimKernel

/// Where a batch of boxes is.
enum BatchState: UInt8 {
  /// An export batch not yet at the gate.
  case expected
  /// In the gate queue or in a lane (arriving exports, departing imports).
  case atGate
  /// Through the gate, waiting inside the terminal for yard space.
  case waitingForSpace
  case inYard
  /// Left the terminal (loaded, or out through the gate); the slot is free.
  case gone
}

/// Batches of boxes of one flow as parallel arrays, with slots reused once a batch has left,
/// so memory follows the boxes in the port, not the boxes ever handled.
struct BatchTable {
  var flow: [ContainerFlow] = []
  var terminal: [Int32] = []
  /// Export: the vessel that should load it; import: the vessel that discharged it.
  var vessel: [Int32] = []
  var moves: [Double] = []
  var teu: [Double] = []
  var state: [BatchState] = []
  /// When it entered the yard, and when it became free to leave (cleared / connection).
  var inYardSince: [SimTime] = []
  var cleared: [Bool] = []
  /// Import: when clearance started (discharge); export: gate-in.
  var clearanceStart: [SimTime] = []
  /// Import: the consignee's delay after release, then (once released) the pick-up time;
  /// export: when its truck reaches the gate.
  var due: [SimTime] = []
  /// Gate: when the truck group joined the gate queue.
  var gateArrival: [SimTime] = []
  /// Next batch in whatever list this one is in (vessel exports, load list, ready list).
  var next: [Int32] = []
  private var freeSlots: [Int32] = []
  /// Batches currently allocated.
  private(set) var live = 0

  mutating func allocate(flow f: ContainerFlow, terminal t: Int, vessel v: Int32, moves m: Double, teu x: Double) -> Int32 {
    live += 1
    if let b = freeSlots.popLast() {
      let i = Int(b)
      flow[i] = f; terminal[i] = Int32(t); vessel[i] = v; moves[i] = m; teu[i] = x
      state[i] = .expected; inYardSince[i] = .nan; cleared[i] = false; clearanceStart[i] = .nan
      due[i] = .nan; gateArrival[i] = .nan; next[i] = -1
      return b
    }
    flow.append(f); terminal.append(Int32(t)); vessel.append(v); moves.append(m); teu.append(x)
    state.append(.expected); inYardSince.append(.nan); cleared.append(false); clearanceStart.append(.nan)
    due.append(.nan); gateArrival.append(.nan); next.append(-1)
    return Int32(flow.count - 1)
  }

  mutating func release(_ b: Int32) {
    state[Int(b)] = .gone
    next[Int(b)] = -1
    freeSlots.append(b)
    live -= 1
  }

  /// Slots ever used (the table's high-water mark).
  var capacity: Int { flow.count }
}
