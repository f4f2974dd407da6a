/// Costs in CNY by category (e.g. `"port.handling"`, `"rail.haulage"`, `"ring.spoilage"`),
/// shared by every subsystem of one run.
///
/// Categories are registered once at model set-up and return an `Int` index; the hot path
/// adds by index into a plain array. It is a class so that all subsystems of a run share one
/// account; like ``RandomStream`` it belongs to one replication and is not `Sendable`.
/// Labels keep their registration order, which is the order of any output.
public final class CostAccount {
  private var ledger = _LabelledLedger()

  /// An empty account.
  public init() {}

  /// Registers a category and returns its index; registering a label again returns the same
  /// index.
  @discardableResult
  public func registerCategory(_ label: String) -> Int { ledger.register(label) }

  /// The index of a registered category, if any.
  public func category(named label: String) -> Int? { ledger.index(of: label) }

  /// Adds a cost to a category (negative for revenue or subsidies).
  /// - Precondition: `category` was returned by ``registerCategory(_:)``.
  /// - Complexity: O(1).
  public func add(cny: Double, category: Int) { ledger.add(cny, at: category) }

  /// The category labels, in registration order.
  public var categories: [String] { ledger.labels }

  /// The CNY per category, in registration order.
  public var cnyByCategory: [Double] { ledger.totals }

  /// The CNY of one category.
  public func cny(category: Int) -> Double { ledger.totals[category] }

  /// The CNY over all categories.
  public var totalCNY: Double { ledger.grandTotal }

  /// Zeroes every total and keeps the categories (for warm-up deletion).
  public func reset() { ledger.reset() }
}
