import SimKernel

/// The vessels of a run as parallel arrays indexed by vessel number (no object per vessel).
struct VesselTable {
  var service: [Int32] = []
  var terminal: [Int32] = []
  /// Attributes drawn at creation (common random numbers).
  var moves: [Double] = []
  var productivity: [Double] = []
  var arrival: [SimTime] = []
  var berthed: [SimTime] = []
  var cranes: [Int32] = []
  var departed: [SimTime] = []

  var count: Int { service.count }

  mutating func add(service s: Int, terminal t: Int, moves m: Double, productivity p: Double) -> Int32 {
    service.append(Int32(s))
    terminal.append(Int32(t))
    moves.append(m)
    productivity.append(p)
    arrival.append(.nan)
    berthed.append(.nan)
    cranes.append(0)
    departed.append(.nan)
    return Int32(service.count - 1)
  }
}
