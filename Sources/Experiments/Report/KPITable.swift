import Results
import SimKernel

/// The KPI rows of one subsystem: each run file's mean and interval per KPI and label, and
/// each variant's difference from the first file with the interval `chainsim compare` gives
/// it (paired t under common random numbers, Welch otherwise).
enum KPITable {
  static func rows(
    _ subsystem: String, _ parts: [SubsystemResults?], paths: [String], methods: [ComparisonMethod], _ options: ReportOptions
  ) throws(ReportError) -> [ReportKPIRow] {
    let names = unionNames(parts.map { $0?.kpis.map(\.info.name) ?? [] })
    var rows: [ReportKPIRow] = []
    for name in names {
      let kpis = parts.map { $0?.kpis.first { $0.info.name == name } }
      guard let reference = kpis.compactMap({ $0 }).first else { continue }
      for (i, k) in kpis.enumerated() {
        if let k, k.info.units != reference.info.units {
          throw ReportError("\(paths[i]): KPI \(subsystem).\(name) is in \(k.info.units), another file has it in \(reference.info.units)")
        }
      }
      let labels: [String?] = unionLabels(kpis.map { $0?.info.axis }) ?? [nil]
      for label in labels {
        let samples: [[Double]?] = kpis.map { k -> [Double]? in
          guard let k else { return nil }
          guard let label else { return k.info.axis == nil ? k.values.map { $0.first ?? .nan } : nil }
          guard let column = k.info.axis?.labels.firstIndex(of: label) else { return nil }
          return k.values.map { column < $0.count ? $0[column] : .nan }
        }
        let estimates = samples.map { $0.flatMap { estimate($0, level: options.level) } }
        var differences: [ReportDifference?] = []
        for i in samples.indices.dropFirst() {
          differences.append(
            difference(
              samples[0], samples[i], estimates[0], estimates[i], reference.info.better,
              i < methods.count ? methods[i] : .welch, options.level))
        }
        rows.append(
          ReportKPIRow(
            kpi: name, label: label, longName: reference.info.longName, units: reference.info.units,
            better: reference.info.better, estimates: estimates, differences: differences))
      }
    }
    return rows
  }

  private static func difference(
    _ base: [Double]?, _ variant: [Double]?, _ b: ReportEstimate?, _ v: ReportEstimate?, _ better: Better,
    _ method: ComparisonMethod, _ level: Double
  ) -> ReportDifference? {
    guard let base, let variant, let b, let v else { return nil }
    let d = MeanDifferenceTest.compute(base, variant, method: method, level: level)
    guard d.hasEnoughData else { return nil }
    let disjoint = b.halfWidth.isFinite && v.halfWidth.isFinite && (b.upper < v.lower || v.upper < b.lower)
    var verdict = ReportDifference.Verdict.none
    if disjoint {
      switch better {
      case .lower: verdict = v.mean < b.mean ? .better : .worse
      case .higher: verdict = v.mean > b.mean ? .better : .worse
      case .none: verdict = .none
      }
    }
    return ReportDifference(difference: d.difference, halfWidth: (d.upper - d.lower) / 2, intervalsDisjoint: disjoint, verdict: verdict)
  }
}
