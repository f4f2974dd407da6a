import SimKernel

/// Produce lots as parallel arrays, with slots reused once a lot is delivered or spoiled, so
/// memory follows the lots in the ring, not every lot ever harvested. Lots in one list (a
/// base queue, a truck load, an order's picks) are chained through `next`.
///
/// One table per replication, shared by reference between the ring's parts (bases, hubs,
/// fleet, orders): a lot changes hands between them, its row does not move.
final class RingLots {
  var category: [Int32] = []
  var weight: [Double] = []
  /// Quality as of `updated`, and the temperature it has had since then (NaN = outdoors).
  var quality: [Double] = []
  var updated: [SimTime] = []
  var temperature: [Double] = []
  var place: [LotPlace] = []
  /// Base index, or −1 for an import.
  var origin: [Int32] = []
  var harvested: [SimTime] = []
  /// When it reached its hub's stock (FIFO key).
  var stored: [SimTime] = []
  var precooled: [Bool] = []
  /// Kept in a hub's cold room (else at the outdoor temperature while in hub stock).
  var coldRoom: [Bool] = []
  /// Tagged at origin, and every record kept so far.
  var tagged: [Bool] = []
  var complete: [Bool] = []
  /// Trace identity (unique in a replication) and the lot it was split from (−1).
  var id: [Int64] = []
  var parent: [Int64] = []
  /// Node where it is (or the truck's origin while on a truck).
  var node: [Int32] = []
  var spoilTimer: [EventHandle] = []
  var next: [Int32] = []
  private var freeSlots: [Int32] = []
  private(set) var live = 0
  private var nextID: Int64 = 0

  func allocate(
    category c: Int, weight w: Double, quality q: Double, at now: SimTime, origin o: Int, node n: Int,
    tagged t: Bool, parent p: Int64 = -1
  ) -> Int32 {
    live += 1
    let identity = nextID
    nextID += 1
    if let b = freeSlots.popLast() {
      let i = Int(b)
      category[i] = Int32(c); weight[i] = w; quality[i] = q; updated[i] = now; temperature[i] = .nan; place[i] = .atBase
      origin[i] = Int32(o); harvested[i] = now; stored[i] = .nan; precooled[i] = false; coldRoom[i] = true; tagged[i] = t; complete[i] = t
      id[i] = identity; parent[i] = p; node[i] = Int32(n); spoilTimer[i] = .none; next[i] = -1
      return b
    }
    category.append(Int32(c)); weight.append(w); quality.append(q); updated.append(now); temperature.append(.nan)
    place.append(.atBase); origin.append(Int32(o)); harvested.append(now); stored.append(.nan); precooled.append(false);
    coldRoom.append(true)
    tagged.append(t); complete.append(t); id.append(identity); parent.append(p); node.append(Int32(n))
    spoilTimer.append(.none); next.append(-1)
    return Int32(category.count - 1)
  }

  /// Splits `weight` tonnes off lot `i` into a new lot (a child in the trace) that shares its
  /// history: quality, harvest, precooling, cold room, storage time and temperature, at `node`.
  /// Lot `i` must have been advanced to `now` (its quality is the part's quality now).
  func split(_ i: Int, weight w: Double, at now: SimTime, node n: Int) -> Int32 {
    let part = allocate(
      category: Int(category[i]), weight: w, quality: quality[i], at: now, origin: Int(origin[i]), node: n,
      tagged: tagged[i], parent: id[i])
    let p = Int(part)
    complete[p] = complete[i]
    harvested[p] = harvested[i]
    precooled[p] = precooled[i]
    coldRoom[p] = coldRoom[i]
    stored[p] = stored[i]
    temperature[p] = temperature[i]
    weight[i] -= w
    return part
  }

  func release(_ lot: Int32) {
    let i = Int(lot)
    place[i] = .gone
    weight[i] = 0
    next[i] = -1
    live -= 1
    freeSlots.append(lot)
  }

  /// Tonnes of live lots in each place (counted from the state, for the balance check).
  func tonnes(in p: LotPlace) -> Double {
    var total = 0.0
    for i in place.indices where place[i] == p { total += weight[i] }
    return total
  }
}
