import SimKernel

/// A subsystem of the supply chain as the kernel sees it: an event handler with a name, a
/// start that schedules its first events, and the KPIs and flow-balance checks of a run.
public protocol SubsystemModel: EventHandler {
  /// The subsystem's ASCII name in results (`port`, `rail`, ...).
  var name: String { get }
  /// Schedules the first events (arrivals, schedule changes).
  func start()
  /// KPIs since the warm-up and the flow-balance checks, at the end of the run.
  func finish(at horizon: SimTime) -> SubsystemOutput
}

/// The kernel tags of the subsystems, fixed so that fingerprints are stable.
public enum SubsystemTag {
  public static let port = SubsystemID(rawValue: 1)
  public static let rail = SubsystemID(rawValue: 2)
  public static let ring = SubsystemID(rawValue: 3)
  public static let recycling = SubsystemID(rawValue: 4)
  /// The shared emissions and cost accounts (no events; warm-up reset and output only).
  public static let accounts = SubsystemID(rawValue: 5)
}
