import Foundation

extension ResultsComparison {
  /// Everything as JSON with sorted keys (a stable order): files, method, changed inputs,
  /// every KPI row, and every series with its per-bin differences. Non-finite numbers
  /// (an infinite interval, an unknown mean) are `null`.
  public func json() -> String {
    let object: [String: Any] = [
      "files": files.map { f -> [String: Any] in
        let m = f.metadata
        return [
          "path": f.path, "scenario": m.scenarioName, "scenario_sha256": m.scenarioSHA256, "seed": m.seed,
          "stream_scheme": m.streamScheme, "replications": f.replications, "horizon": m.horizon, "warmup": m.warmup,
          "time_unit": m.timeUnit, "sample_interval": m.sampleInterval, "software_version": m.softwareVersion,
          "fingerprint": m.fingerprint,
        ]
      },
      "method": method.rawValue,
      "method_reason": methodReason,
      "alpha": options.alpha,
      "confidence_level": options.level,
      "holm": options.holm,
      "subsystems": options.subsystems,
      "input_differences": inputDifferences.map { d -> [String: Any] in
        ["key_path": d.keyPath, "values": d.values.map { $0 as Any? ?? NSNull() }]
      },
      "kpis": kpis.map(jsonKPI),
      "series": series.map(jsonSeries),
      "verdict": [
        "summary": verdictSummary,
        "any_significant": anySignificant,
        "judged": judgedCount,
        "better": kpis.filter { $0.verdict == .better }.count,
        "worse": kpis.filter { $0.verdict == .worse }.count,
      ] as [String: Any],
    ]
    let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  private func jsonKPI(_ k: KPIComparison) -> [String: Any] {
    let r = k.result
    return [
      "subsystem": k.subsystem, "kpi": k.kpi, "label": k.label ?? NSNull(), "long_name": k.longName,
      "units": k.units, "better": k.better.rawValue,
      "a": jsonSummary(r.a), "b": jsonSummary(r.b),
      "difference": jsonValue(r.difference), "lower": jsonValue(r.lower), "upper": jsonValue(r.upper),
      "relative_change": jsonValue(k.relativeChange), "t": jsonValue(r.t), "degrees_of_freedom": jsonValue(r.degreesOfFreedom),
      "p_value": jsonValue(r.pValue), "p_holm": jsonValue(k.adjustedPValue), "basis": r.basis.rawValue,
      "verdict": k.verdict.rawValue, "significant": k.verdict.isSignificant,
      "pairing": ["correlation": jsonValue(r.correlation), "variance_ratio": jsonValue(r.varianceRatio)] as [String: Any],
    ]
  }

  private func jsonSummary(_ s: SampleSummary) -> [String: Any] {
    ["mean": jsonValue(s.mean), "half_width": jsonValue(s.halfWidth), "n": s.count]
  }

  private func jsonSeries(_ s: SeriesComparison) -> [String: Any] {
    [
      "subsystem": s.subsystem, "metric": s.metric, "label": s.label ?? NSNull(), "long_name": s.longName,
      "units": s.units, "mean_difference": jsonValue(s.meanDifference), "bins_excluding_zero": s.binsExcludingZero,
      "bins_with_data": s.binsWithData,
      "bins": [
        "time": s.times.map(jsonValue), "mean_a": s.bins.map { jsonValue($0.a.mean) }, "mean_b": s.bins.map { jsonValue($0.b.mean) },
        "difference": s.bins.map { jsonValue($0.hasEnoughData ? $0.difference : nil) },
        "lower": s.bins.map { jsonValue($0.lower) }, "upper": s.bins.map { jsonValue($0.upper) },
        "p_value": s.bins.map { jsonValue($0.hasEnoughData ? $0.pValue : nil) },
      ] as [String: Any],
    ]
  }
}

/// A finite number, or JSON null.
private func jsonValue(_ x: Double?) -> Any {
  guard let x, x.isFinite else { return NSNull() }
  return x
}
