/// What happens in the fresh-produce ring.
enum RingEvent: UInt8 {
  /// A lot is harvested (entity = harvest source: base × category).
  case harvest = 1
  /// A lot finishes precooling at its base (entity = lot).
  case precooled = 2
  /// The oldest lot at a base has waited its longest hold (entity = base).
  case holdExpired = 3
  /// A truck has loaded and drives off (entity = vehicle).
  case loaded = 4
  /// A truck reaches the end of its current road link (entity = vehicle).
  case linkEnd = 5
  /// A truck has unloaded at the end of its laden trip (entity = vehicle).
  case unloaded = 6
  /// A reefer unit fails (entity = vehicle) and is repaired (next event).
  case excursionStarts = 7
  case excursionEnds = 8
  /// A destination places an order (entity = demand source: destination × category).
  case order = 9
  /// A lot in a hub's cold room reaches its spoilage threshold (entity = lot).
  case spoilInStore = 10
}

/// Where a lot is; what temperature it sees follows from it.
enum LotPlace: UInt8 {
  /// At its base, waiting (outdoors, or in the cold room once precooled).
  case atBase
  /// Being precooled at its base.
  case precooling
  /// On a truck (loading, driving, unloading).
  case onTruck
  /// In a hub's cold room, in stock.
  case inStore
  /// Picked for an order at a hub, waiting for a delivery truck.
  case picked
  /// Delivered or spoiled: the slot is free.
  case gone
}
