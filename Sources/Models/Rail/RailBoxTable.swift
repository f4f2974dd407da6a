import SimKernel

/// Where a box (one port batch) carried by rail is.
enum RailBoxState: UInt8 {
  /// Import accepted by rail, still in the port yard before its pick-up time.
  case awaitingPickup
  /// Import due for pick-up, waiting in the port yard for room in the rail yard.
  case blocked
  /// Import being moved into the rail yard (or waiting for a handler); its room is reserved.
  case transferring
  /// Import in the rail yard, waiting for a train of its corridor.
  case inRailYard
  /// Export booked on a train, at (or on its way to) the origin terminal.
  case atOrigin
  /// Export on an inbound train.
  case onTrain
  /// Export being moved from the train to its terminal (or waiting for a handler).
  case unloading
  /// Handed on; the slot is free.
  case gone
}

/// Rail boxes as parallel arrays with slot reuse: memory follows the boxes on the rail
/// links, not the boxes ever carried, and nothing is allocated per event once warmed up.
struct RailBoxTable {
  /// The port's batch number (valid until the box is handed back).
  var batch: [Int32] = []
  /// Route: corridor × 2 + direction.
  var route: [Int32] = []
  var teu: [Double] = []
  var state: [RailBoxState] = []
  /// Import: the consignee's pick-up time; export: ready at the customer's door.
  var start: [SimTime] = []
  /// Import: entered the rail yard; export: at the origin terminal.
  var ready: [SimTime] = []
  /// Import: order key in the rail yard; export: the vessel's cut-off.
  var due: [SimTime] = []
  /// Time to move the batch between terminal and rail yard (drawn at creation).
  var handling: [SimTime] = []
  /// Export: the departure number it is booked on.
  var departure: [Int] = []
  /// Next box in whatever list this one is in (rail-yard queue, origin list, train).
  var next: [Int32] = []
  private var freeSlots: [Int32] = []
  private(set) var live = 0

  mutating func allocate(
    batch b: Int32, route r: Int, teu x: Double, state s: RailBoxState, start t: SimTime,
    due d: SimTime, handling h: SimTime
  ) -> Int32 {
    live += 1
    if let i32 = freeSlots.popLast() {
      let i = Int(i32)
      batch[i] = b; route[i] = Int32(r); teu[i] = x; state[i] = s; start[i] = t; ready[i] = .nan
      due[i] = d; handling[i] = h; departure[i] = -1; next[i] = -1
      return i32
    }
    batch.append(b); route.append(Int32(r)); teu.append(x); state.append(s); start.append(t); ready.append(.nan)
    due.append(d); handling.append(h); departure.append(-1); next.append(-1)
    return Int32(batch.count - 1)
  }

  mutating func release(_ i: Int32) {
    state[Int(i)] = .gone
    next[Int(i)] = -1
    freeSlots.append(i)
    live -= 1
  }

  /// Slots ever used.
  var capacity: Int { batch.count }

  /// TEU of the live boxes in a state (from state, for the balance checks).
  func teu(in s: RailBoxState) -> Double {
    var total = 0.0
    for i in 0..<batch.count where state[i] == s { total += teu[i] }
    return total
  }
}

/// Inbound trains between their departure from the origin and their arrival at the port.
struct RailTrainTable {
  var route: [Int32] = []
  var head: [Int32] = []
  var departed: [SimTime] = []
  private var freeSlots: [Int32] = []

  mutating func allocate(route r: Int, head h: Int32, departed t: SimTime) -> Int32 {
    if let i32 = freeSlots.popLast() {
      let i = Int(i32)
      route[i] = Int32(r); head[i] = h; departed[i] = t
      return i32
    }
    route.append(Int32(r)); head.append(h); departed.append(t)
    return Int32(route.count - 1)
  }

  mutating func release(_ i: Int32) {
    head[Int(i)] = -1
    freeSlots.append(i)
  }
}
