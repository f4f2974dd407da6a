/// What happens in reverse logistics.
enum RecyclingEvent: UInt8 {
  /// A lot reaches end of life (entity = return source: district × category).
  case returnArrival = 1
  /// A scheduled collection at a point is due (entity = pickup job: point × fleet).
  case scheduledCollection = 2
  /// A vehicle reaches the point it was sent to (entity = vehicle).
  case vehicleAtPoint = 3
  /// A vehicle is back at its centre and unloads (entity = vehicle).
  case vehicleAtCentre = 4
  /// A processing line finishes its batch (entity = line server).
  case batchProcessed = 5
  /// A store's lines begin their daily shift (entity = store).
  case shiftStarts = 6
}
