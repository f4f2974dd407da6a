/// How two results files are compared.
public struct CompareOptions: Sendable, Equatable {
  /// The significance level of the verdicts; intervals are at confidence `1 − alpha`.
  public var alpha: Double
  /// Whether the p-values of the KPIs that get a verdict are Holm-adjusted (family-wise
  /// error rate `alpha`); otherwise each KPI is tested at `alpha` on its own.
  public var holm: Bool
  /// Compare with Welch's test even when the files share common random numbers.
  public var forceUnpaired: Bool
  /// Only these subsystems (all when empty).
  public var subsystems: [String]

  public init(alpha: Double = 0.05, holm: Bool = true, forceUnpaired: Bool = false, subsystems: [String] = []) {
    self.alpha = alpha
    self.holm = holm
    self.forceUnpaired = forceUnpaired
    self.subsystems = subsystems
  }

  /// The confidence level of every interval, `1 − alpha`.
  public var level: Double { 1 - alpha }
}
