import Synchronization

/// A running simulation's clock, readable from any thread while the simulation runs: the
/// progress of a replication, for a progress line or a workbench that streams it.
///
/// The loop stores into it once per reporting interval of simulated time (a day by default),
/// never per event: one relaxed atomic store, no lock and no allocation.
///
/// ```swift
/// let gauge = SimulatedTimeGauge()
/// // on the simulation's thread:
/// sim.run(until: 8_760, reportingTo: gauge)
/// // on any other thread, while it runs:
/// let done = gauge.hours / 8_760
/// ```
public final class SimulatedTimeGauge: Sendable {
  private let bits = Atomic<UInt64>(0)

  /// Creates a gauge that reads 0 h.
  public init() {}

  /// The simulated time reached, in hours: every event up to this time has run (0 before
  /// the run starts; the horizon once it has finished).
  public var hours: SimTime { SimTime(bitPattern: bits.load(ordering: .relaxed)) }

  /// Sets the time reached (the simulation's loop calls it).
  public func report(_ time: SimTime) { bits.store(time.bitPattern, ordering: .relaxed) }
}
