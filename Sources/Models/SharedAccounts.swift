import SimKernel

/// The run's one emissions account and one cost account, shared by every subsystem (the
/// green supply chain of the policy, 二(五)). Subsystems register their sources and
/// categories at set-up (`"recycling.collection"`, `"port.trucks"`) and book by index.
///
/// It takes part in the loop as a handler without events so that its totals restart at
/// the end of the warm-up like every other KPI, and reports as the `accounts` subsystem.
public final class SharedAccounts: SubsystemModel {
  public static let subsystem = Subsystem.accounts
  /// kg CO₂e by source.
  public let emissions = EmissionsAccount()
  /// CNY by category.
  public let costs = CostAccount()

  private let sampler: Sampler
  /// Whether the warm-up is over: the totals count from its end, so the cumulative series
  /// are 0 until then (not the warm-up's own bookings, which the reset at its end discards).
  private var counting: Bool

  /// Creates the accounts of one replication and registers them with the simulation.
  public init(simulation: Simulation) {
    sampler = simulation.sampler
    counting = !(simulation.warmup > 0)
    simulation.register(self, for: Self.subsystem.tag)
    // Totals as series, so that the accounts have the layout of every subsystem (results checker).
    // They start at 0, stay 0 through the warm-up and end at the KPI totals. No lower bound:
    // emissions credits and revenues may be booked as negative amounts.
    let series = SeriesList(sampler: sampler, subsystem: Self.subsystem)
    series.add("co2_cumulative", "Emissions of the whole chain since the warm-up", "kg", validMin: nil) { [unowned self] _ in
      counting ? emissions.totalKilograms : 0
    }
    series.add("cost_cumulative", "Cost of the whole chain since the warm-up", "CNY", validMin: nil) { [unowned self] _ in
      counting ? costs.totalCNY : 0
    }
  }

  public func start() {}

  public func handle(_ event: Event) {
    preconditionFailure("the accounts schedule no events (kind \(event.kind))")
  }

  public func warmupEnded(at time: SimTime) {
    emissions.reset()
    costs.reset()
    counting = true
  }

  /// True when no subsystem booked anything into the accounts (nothing to report).
  public var isUnused: Bool { emissions.sources.isEmpty && costs.categories.isEmpty }

  public func finish(at horizon: SimTime) -> SubsystemOutput {
    var kpis = KPIList()
    /// A breakdown by label and its total, for one account (no lower bound: credits and
    /// revenues may be booked as negative amounts).
    func account(_ name: String, _ what: String, units: String, axis: String, labels: [String], values: [Double], total: Double) {
      guard !labels.isEmpty else { return }
      kpis.add(
        "\(name)_by_\(axis)", "\(what) by \(axis) (after warm-up)", units, .lower, values,
        LabelAxis(name: axis, labels: labels), validMin: nil)
      kpis.add("\(name)_total", "\(what) of the whole chain (after warm-up)", units, .lower, [total], validMin: nil)
    }
    account(
      "co2", "Emissions", units: "kg", axis: "source", labels: emissions.sources, values: emissions.kilogramsBySource,
      total: emissions.totalKilograms)
    account(
      "cost", "Cost", units: "CNY", axis: "category", labels: costs.categories, values: costs.cnyByCategory,
      total: costs.totalCNY)
    // Every booked total must be a number (a NaN or infinite booking fails the run).
    let checks = [
      CheckOutput(
        name: "co2_finite", longName: "Emission sources: registered = with a finite total", units: "1",
        entered: Double(emissions.sources.count), left: Double(emissions.kilogramsBySource.filter(\.isFinite).count), remained: 0),
      CheckOutput(
        name: "cost_finite", longName: "Cost categories: registered = with a finite total", units: "1",
        entered: Double(costs.categories.count), left: Double(costs.cnyByCategory.filter(\.isFinite).count), remained: 0),
    ]
    return output(sampler: sampler, kpis: kpis, checks: checks)
  }
}
