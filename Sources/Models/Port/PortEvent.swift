/// What happens in the port's berth core.
enum PortEvent: UInt8 {
  /// A scheduled call is announced (48 h ahead): the vessel is created and its arrival set.
  case callAnnounced = 1
  /// A vessel reaches the anchorage (entity = vessel).
  case vesselArrival = 2
  /// A random-arrival service's next vessel is due (entity = service).
  case randomArrival = 3
  /// A vessel finishes its moves and leaves the berth (entity = vessel).
  case vesselDeparture = 4
}

/// Notice between a scheduled call's announcement and its nominal arrival, in hours.
let scheduledCallNotice: Double = 48
