import SimKernel

/// A subsystem of the supply chain as the kernel sees it: an event handler with an identity
/// (its name in results and its tag on the calendar), a start that schedules its first
/// events, and the KPIs and flow-balance checks of a run.
///
/// A model is built on a ``ModelContext``: it takes its random streams, its series and its
/// accounts' sources from it and registers itself with it (``ModelContext/register(_:)``).
public protocol SubsystemModel: EventHandler {
  /// Which subsystem the model is.
  static var subsystem: Subsystem { get }
  /// Schedules the first events (arrivals, schedule changes).
  func start()
  /// KPIs since the warm-up and the flow-balance checks, at the end of the run.
  func finish(at horizon: SimTime) -> SubsystemOutput
}

extension SubsystemModel {
  /// The subsystem's ASCII name in results (`port`, `rail`, ...).
  public var name: String { Self.subsystem.name }

  /// The model's output: its series as `sampler` recorded them, then `kpis` and `checks`.
  func output(sampler: Sampler, kpis: KPIList, checks: [CheckOutput]) -> SubsystemOutput {
    SubsystemOutput(name: name, series: sampler.series(of: name), kpis: kpis.outputs, checks: checks)
  }
}

/// A subsystem's identity: its name in results and its tag on the kernel's calendar.
public struct Subsystem: Sendable, Equatable {
  /// The ASCII name of the subsystem's groups in results (`/summary/port`).
  public let name: String
  /// The kernel tag of its events (fixed, so that fingerprints are stable).
  public let tag: SubsystemID

  public static let port = Subsystem(name: "port", tag: SubsystemTag.port)
  public static let rail = Subsystem(name: "rail", tag: SubsystemTag.rail)
  public static let ring = Subsystem(name: "ring", tag: SubsystemTag.ring)
  public static let recycling = Subsystem(name: "recycling", tag: SubsystemTag.recycling)
  /// The shared emissions and cost accounts (no events; warm-up reset and output only).
  public static let accounts = Subsystem(name: "accounts", tag: SubsystemTag.accounts)
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
