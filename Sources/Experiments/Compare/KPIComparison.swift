import SimKernel

/// What a comparison concludes about one KPI (and label).
public enum KPIVerdict: String, Sendable, Equatable, CaseIterable {
  /// B differs significantly from A in the KPI's better direction.
  case better
  /// B differs significantly from A in the KPI's worse direction.
  case worse
  /// No significant difference at the chosen level (after Holm when on).
  case noDifference = "no-difference"
  /// The KPI has `better = none`: described, never judged.
  case noVerdict = "no-verdict"
  /// Fewer than two usable replications (or pairs) on a side: not judged.
  case notEnoughData = "not-enough-data"

  /// Whether the verdict counts as a significant difference (exit code 1).
  public var isSignificant: Bool { self == .better || self == .worse }
}

/// One row of a comparison: a KPI (and label) in A and B, their difference and the verdict.
public struct KPIComparison: Sendable, Equatable {
  public var subsystem: String
  public var kpi: String
  /// The label of a breakdown (terminal, corridor...), or nil.
  public var label: String?
  public var longName: String
  public var units: String
  public var better: Better
  /// Means, intervals and the test of `B − A`.
  public var result: MeanDifference
  /// `(B − A) / |A|` (a fraction; nil when A's mean is 0 or unknown).
  public var relativeChange: Double?
  /// The Holm-adjusted p-value, for KPIs in the verdict family when Holm is on.
  public var adjustedPValue: Double?
  public var verdict: KPIVerdict

  /// The p-value the verdict used: Holm-adjusted when there is one, otherwise the raw one.
  public var decisionPValue: Double { adjustedPValue ?? result.pValue }

  /// Whether this row takes part in the verdict (and in the Holm family).
  var isJudged: Bool { better != .none && result.hasEnoughData }
}

enum KPIVerdicts {
  /// Fills in adjusted p-values and verdicts of all rows together (Holm across the judged rows).
  static func assign(_ rows: inout [KPIComparison], alpha: Double, holm: Bool) {
    let family = rows.indices.filter { rows[$0].isJudged }
    if holm {
      let adjusted = holmAdjusted(pValues: family.map { rows[$0].result.pValue })
      for (i, row) in family.enumerated() { rows[row].adjustedPValue = adjusted[i] }
    }
    for i in rows.indices {
      rows[i].verdict = verdict(rows[i], alpha: alpha)
    }
  }

  static func verdict(_ row: KPIComparison, alpha: Double) -> KPIVerdict {
    guard row.result.hasEnoughData else { return .notEnoughData }
    guard row.better != .none else { return .noVerdict }
    guard row.decisionPValue < alpha, row.result.difference != 0 else { return .noDifference }
    let lowerIsBetter = row.better == .lower
    return (row.result.difference < 0) == lowerIsBetter ? .better : .worse
  }

  static func relativeChange(_ r: MeanDifference) -> Double? {
    guard r.a.mean.isFinite, r.a.mean != 0, r.difference.isFinite else { return nil }
    return r.difference / Swift.abs(r.a.mean)
  }
}
