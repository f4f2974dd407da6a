import Foundation
import Models
import Scenario
import SimKernel

/// `--precision KPI=REL` or `KPI=±ABS`: replications are added to each point in batches,
/// after the sweep's `replications`, until the 95% half-width of the KPI's mean is within
/// the target, or a maximum is reached.
///
/// The decision for a point uses only its completed batches (replications `0..<n`), so the
/// replications used are the same for any `-j`, any resumption and any shard.
public struct SweepPrecision: Sendable, Equatable {
  /// What the half-width is compared with.
  public enum Target: Sendable, Equatable {
    /// A fraction of |mean|.
    case relative(Double)
    /// An absolute half-width in the KPI's units.
    case absolute(Double)
  }

  /// `subsystem.kpi`, e.g. `port.vessel_wait_mean`.
  public var subsystem: String
  public var kpi: String
  public var target: Target
  /// Replications added at once after the minimum.
  public var batch: Int
  /// The most replications per point.
  public var maximum: Int

  public init(subsystem: String, kpi: String, target: Target, batch: Int, maximum: Int) {
    self.subsystem = subsystem
    self.kpi = kpi
    self.target = target
    self.batch = batch
    self.maximum = maximum
  }

  /// Parses `subsystem.kpi=0.05`, `=5%` (relative) or `=±0.5`, `=+-0.5` (absolute).
  /// - Throws: ``SweepError`` (bad input) naming what is expected.
  public init(parsing text: String, batch: Int, maximum: Int) throws(SweepError) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    let usage = "--precision expects subsystem.kpi=REL (e.g. port.vessel_wait_mean=5% or =0.05) or subsystem.kpi=±ABS (e.g. =±0.5)"
    guard parts.count == 2 else { throw SweepError.input(usage + ", found '\(text)'") }
    let names = parts[0].split(separator: ".").map(String.init)
    guard names.count == 2 else { throw SweepError.input(usage + ", found '\(text)'") }
    var value = parts[1].trimmingCharacters(in: .whitespaces)
    var absolute = false
    for prefix in ["±", "+-"] where value.hasPrefix(prefix) {
      absolute = true
      value = String(value.dropFirst(prefix.count))
    }
    var scale = 1.0
    if value.hasSuffix("%") { scale = 0.01; value = String(value.dropLast()) }
    guard let x = Double(value), x > 0, x.isFinite else { throw SweepError.input(usage + ", found '\(text)'") }
    guard batch >= 1, maximum >= 1 else { throw SweepError.input("--batch and --max-replications must be at least 1") }
    self.init(
      subsystem: names[0], kpi: names[1], target: absolute ? .absolute(x * scale) : .relative(x * scale),
      batch: batch, maximum: maximum)
  }

  /// A canonical description, part of the sweep's identity.
  public var canonical: String {
    let t: String
    switch target {
    case .relative(let r): t = "relative \(r)"
    case .absolute(let a): t = "absolute \(a)"
    }
    return "\(subsystem).\(kpi) \(t) batch \(batch) max \(maximum)"
  }

  /// Whether the outputs (replications `0..<n` of one point) meet the target: every label of
  /// the KPI with at least two values has a 95% half-width within it.
  /// - Throws: ``SweepError`` when the KPI does not exist (bad input).
  public func isMet(_ outputs: [ReplicationOutput]) throws(SweepError) -> Bool {
    guard let first = outputs.first else { return false }
    let (s, k) = try locate(in: first.subsystems)
    for label in 0..<first.subsystems[s].kpis[k].info.width {
      let values = outputs.map { $0.subsystems[s].kpis[k].values[label] }.filter { !$0.isNaN }
      guard values.count >= 2 else { continue }
      guard let ci = try? ConfidenceInterval(samples: values, level: 0.95) else { return false }
      switch target {
      case .relative(let r): if !(ci.halfWidth <= r * abs(ci.mean)) { return false }
      case .absolute(let a): if !(ci.halfWidth <= a) { return false }
      }
    }
    return true
  }

  /// Refuses a KPI the scenario does not produce before any point runs (otherwise the first
  /// point's replications would run, and leave records, before the refusal). The KPIs are
  /// those of one replication of `config` cut to a moment (``probeHorizon``): the models are
  /// built (and register their account sources) and report every KPI, next to no event is
  /// simulated.
  /// - Throws: ``SweepError`` (bad input) naming the nearest KPI and listing them all.
  public func checkKPI(in config: ChainSimConfig) throws(SweepError) {
    var probe = config
    probe.run.horizon = min(config.run.horizon, Self.probeHorizon)
    probe.run.warmup = 0
    probe.run.replications = 1
    _ = try locate(in: Replication.run(probe, index: 0).subsystems)
  }

  /// The simulated hours of the replication ``checkKPI(in:)`` builds the KPIs from.
  static let probeHorizon: SimTime = 0.001

  /// The indices of the subsystem and the KPI, or an error naming the nearest one.
  private func locate(in subsystems: [SubsystemOutput]) throws(SweepError) -> (subsystem: Int, kpi: Int) {
    guard let s = subsystems.firstIndex(where: { $0.name == subsystem }),
      let k = subsystems[s].kpis.firstIndex(where: { $0.info.name == kpi })
    else {
      let all = subsystems.flatMap { sub in sub.kpis.map { "\(sub.name).\($0.info.name)" } }
      throw SweepError.input(
        "--precision: there is no KPI \(subsystem).\(kpi)"
          + (ScenarioSuggest.nearest(to: "\(subsystem).\(kpi)", among: all).map { "; did you mean '\($0)'?" } ?? "")
          + " (KPIs: \(all.joined(separator: ", ")))")
    }
    return (s, k)
  }
}
