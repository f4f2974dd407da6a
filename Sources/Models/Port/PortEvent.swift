/// What happens in the port. The entity of each event is named beside it.
enum PortEvent: UInt8 {
  /// A scheduled call is announced (`callNotice` ahead): the vessel and its export boxes are
  /// created (service).
  case callAnnounced = 1
  /// A vessel reaches the anchorage (vessel).
  case vesselArrival = 2
  /// A random-arrival service announces its next vessel (service).
  case randomArrival = 3
  /// A vessel reaches its berth after the inbound transit (vessel).
  case berthReached = 4
  /// A crane chunk (one batch discharged or loaded) is finished (vessel).
  case chunkDone = 5
  /// A vessel has cleared the channel outbound and left the port (vessel).
  case vesselGone = 6
  /// The channel closes or reopens (closure index; random closures use -1).
  case channelClosed = 7
  case channelOpened = 8
  /// A quay crane breaks down, or one is repaired (terminal).
  case craneBreakdown = 9
  case craneRepaired = 10
  /// Gate lanes change with the working hours (terminal).
  case gateHoursChange = 11
  /// A truck group reaches the gate, or leaves its lane (batch).
  case gateArrival = 12
  case gateDone = 13
  /// Customs: documents checked, inspection finished (batch).
  case documentsChecked = 14
  case inspectionDone = 15
  /// A transshipment batch's connection time is over: it may be loaded (batch).
  case transshipmentReady = 16
}
