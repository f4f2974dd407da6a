/// Greenhouse-gas emissions in kg CO₂-equivalent, by source (e.g. `"port.trucks"`,
/// `"rail.diesel"`, `"ring.reefer"`), shared by every subsystem of one run.
///
/// Sources are registered once at model set-up and return an `Int` index; the hot path adds
/// by index into a plain array. It is a class so that all subsystems of a run share one
/// account; like ``RandomStream`` it belongs to one replication and is not `Sendable`.
/// Labels keep their registration order, which is the order of any output.
public final class EmissionsAccount {
  private var ledger = _LabelledLedger()

  /// An empty account.
  public init() {}

  /// Registers a source and returns its index; registering a label again returns the same
  /// index (so two subsystems may share a source).
  @discardableResult
  public func registerSource(_ label: String) -> Int { ledger.register(label) }

  /// The index of a registered source, if any.
  public func source(named label: String) -> Int? { ledger.index(of: label) }

  /// Adds emissions to a source. Negative amounts (credits, e.g. avoided virgin material) are
  /// allowed.
  /// - Precondition: `source` was returned by ``registerSource(_:)``.
  /// - Complexity: O(1).
  public func add(kg: Double, source: Int) { ledger.add(kg, at: source) }

  /// The source labels, in registration order.
  public var sources: [String] { ledger.labels }

  /// The kg CO₂e per source, in registration order.
  public var kilogramsBySource: [Double] { ledger.totals }

  /// The kg CO₂e of one source.
  public func kilograms(source: Int) -> Double { ledger.totals[source] }

  /// The kg CO₂e over all sources.
  public var totalKilograms: Double { ledger.grandTotal }

  /// Zeroes every total and keeps the sources (for warm-up deletion).
  public func reset() { ledger.reset() }
}
