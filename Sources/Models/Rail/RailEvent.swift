/// What happens on the sea-rail links.
enum RailEvent: UInt8 {
  /// An import box accepted by rail may leave the port yard (entity = box).
  case importPickup = 1
  /// An import box has been moved into the rail yard (entity = box).
  case transferDone = 2
  /// A train leaves on schedule: outbound from the port, or inbound from the corridor's
  /// origin (entity = route: corridor × 2 + direction).
  case departure = 3
  /// An inbound train reaches the port rail yard (entity = train).
  case trainArrived = 4
  /// An export box has been moved from the train to its terminal (entity = box).
  case exportHandled = 5
}

/// The two directions of a corridor: imports leave the port, exports come to it.
enum RailDirection: Int {
  case importing = 0
  case exporting = 1
  static let labels = ["import", "export"]
}
