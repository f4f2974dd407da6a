import SimKernel

/// Observes laden import boxes leaving the port by road (port → ring coupling: a share of
/// them are reefer containers of food for the capital's hubs).
public protocol PortImportObserver: AnyObject {
  /// A laden import batch of `teu` TEU left terminal `terminal` through the gate.
  func importLeftByRoad(teu: Double, terminal: Int, at time: SimTime)
}
