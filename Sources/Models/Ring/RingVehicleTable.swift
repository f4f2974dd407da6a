import SimKernel

/// The ring's trucks as parallel arrays indexed by vehicle number (no object per truck): the
/// fleets' trucks first, then the port's drayage trucks, added as imports need them and
/// reused once back at the port.
struct RingVehicleTable {
  /// The fleet (the drayage pseudo-fleet after the configured fleets).
  var fleet: [Int32] = []
  /// The route being driven (a ``RingNetwork`` route index; −1 before the first trip), and
  /// the link of it being driven.
  var route: [Int32] = []
  var leg: [Int32] = []
  /// First lot on board (chained through the lot table's `next`), −1 when empty.
  var load: [Int32] = []
  /// On a laden trip (loading, driving, unloading), else empty or at home.
  var laden: [Bool] = []
  /// The delivery job of a laden delivery trip, −1 for a trunk haul or an import.
  var job: [Int32] = []
  var tripStart: [SimTime] = []
  /// The node it is at, or left from on the current route.
  var at: [Int32] = []
  /// The reefer unit has failed on this trip; the timer of its failure or repair.
  var excursion: [Bool] = []
  var excursionTimer: [EventHandle] = []

  var count: Int { fleet.count }

  mutating func add(fleet f: Int, at node: Int) -> Int32 {
    fleet.append(Int32(f))
    route.append(-1)
    leg.append(0)
    load.append(-1)
    laden.append(false)
    job.append(-1)
    tripStart.append(0)
    at.append(Int32(node))
    excursion.append(false)
    excursionTimer.append(.none)
    return Int32(fleet.count - 1)
  }
}
