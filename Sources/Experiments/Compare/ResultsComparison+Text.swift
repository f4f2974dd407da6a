import Foundation
import SimKernel

extension ResultsComparison {
  /// The KPI table's header and cells, shared by ``table()`` and ``markdown()``.
  func kpiCells(_ kpis: [KPIComparison]) -> (header: [String], rows: [[String]], right: Set<Int>) {
    let paired = method == .pairedT
    let pHeader = options.holm ? "p (Holm)" : "p"
    let level = Int((options.level * 100).rounded())
    var header = ["subsystem", "kpi", "label", "units", "A mean ± hw", "B mean ± hw", "B − A [\(level)% CI]", "rel", pHeader]
    if paired { header += ["ρ", "var ratio"] }
    header.append("verdict")
    let rows = kpis.map { k -> [String] in
      var cells = [
        k.subsystem, k.kpi, k.label ?? "", k.units, CompareFormat.meanInterval(k.result.a),
        CompareFormat.meanInterval(k.result.b), CompareFormat.difference(k.result),
        CompareFormat.percent(k.relativeChange), pCell(k),
      ]
      if paired {
        cells += [CompareFormat.optional(k.result.correlation), CompareFormat.optional(k.result.varianceRatio, "%.3f")]
      }
      cells.append(CompareFormat.verdict(k.verdict))
      return cells
    }
    return (header, rows, paired ? [4, 5, 6, 7, 8, 9, 10] : [4, 5, 6, 7, 8])
  }

  /// The p-value cell: Holm-adjusted in the family; a raw p outside it is marked `†`.
  func pCell(_ k: KPIComparison) -> String {
    guard k.result.hasEnoughData else { return "" }
    let marker = options.holm && k.adjustedPValue == nil ? "†" : ""
    return CompareFormat.pValue(k.decisionPValue) + marker
  }

  /// The footnote for `†`, when a row has one.
  func rawPNote(_ kpis: [KPIComparison]) -> String? {
    guard options.holm, kpis.contains(where: { $0.result.hasEnoughData && $0.adjustedPValue == nil }) else { return nil }
    return "† unadjusted p of a KPI with better = none: described, not judged, not in the Holm family"
  }

  func seriesCells(_ series: [SeriesComparison]) -> (header: [String], rows: [[String]], right: Set<Int>) {
    let header = ["subsystem", "series", "label", "units", "mean B − A over bins", "bins with CI excluding 0"]
    let rows = series.map { s in
      [
        s.subsystem, s.metric, s.label ?? "", s.units, CompareFormat.number(s.meanDifference),
        "\(s.binsExcludingZero) of \(s.binsWithData)",
      ]
    }
    return (header, rows, [4, 5])
  }

  /// One sentence: how many KPIs differ significantly, in which direction.
  public var verdictSummary: String {
    let better = kpis.filter { $0.verdict == .better }.count
    let worse = kpis.filter { $0.verdict == .worse }.count
    let alphaText = String(format: "%g", options.alpha)
    let test = options.holm ? "Holm-adjusted p < \(alphaText)" : "p < \(alphaText), no multiplicity correction"
    if better + worse == 0 {
      return "no KPI differs significantly (\(judgedCount) KPIs with a verdict, \(test))"
    }
    return "\(better + worse) of \(judgedCount) KPIs with a verdict differ significantly (\(test)): \(better) better, \(worse) worse"
  }

  func fileLine(_ f: ComparedFile) -> String {
    let m = f.metadata
    return
      "\(f.path)  (\(m.scenarioName), seed \(m.seed), \(f.replications.count) replications, horizon \(CompareFormat.number(m.horizon)) \(m.timeUnit), scenario sha256 \(m.scenarioSHA256.prefix(12)))"
  }

  /// Variance reduction from pairing: the median variance ratio over the KPIs that have one.
  var pairingSummary: String? {
    guard method == .pairedT else { return nil }
    let ratios = kpis.compactMap { $0.result.varianceRatio }.sorted()
    guard !ratios.isEmpty else { return nil }
    let median = ratios.count % 2 == 1 ? ratios[ratios.count / 2] : (ratios[ratios.count / 2 - 1] + ratios[ratios.count / 2]) / 2
    return String(
      format:
        "pairing: median Var(B − A) / (Var A + Var B) = %.3f over %d KPIs (1 = no gain; below 1, common random numbers narrowed the interval)",
      median, ratios.count)
  }

  /// The rows to show: all, or only the significant KPIs and the series with a bin whose
  /// interval excludes 0; and a note on how many were left out.
  func shown(_ differencesOnly: Bool) -> (kpis: [KPIComparison], series: [SeriesComparison], note: String?) {
    guard differencesOnly else { return (kpis, series, nil) }
    let k = kpis.filter { $0.verdict.isSignificant }
    let s = series.filter { $0.binsExcludingZero > 0 }
    return (
      k, s,
      "(\(kpis.count - k.count) KPI rows without a significant difference and \(series.count - s.count) series without a bin excluding 0 not shown)"
    )
  }

  /// A readable report: files, method, changed inputs, the KPI table, a series summary and
  /// the verdict.
  ///
  /// - Parameter differencesOnly: show only the KPIs that differ significantly and the series
  ///   with at least one bin whose interval excludes 0 (the verdict is the same).
  public func table(differencesOnly: Bool = false) -> String {
    let shown = shown(differencesOnly)
    var lines = ["A: " + fileLine(files[0]), "B: " + fileLine(files[1]), "method: " + methodReason]
    if let pairing = pairingSummary { lines.append(pairing) }
    lines.append("")
    if inputDifferences.isEmpty {
      lines.append("inputs that changed: none (same resolved scenario)")
    } else {
      lines.append("inputs that changed (\(inputDifferences.count)):")
      for d in inputDifferences {
        lines.append("  \(d.keyPath): \(CompareFormat.value(d.values[0])) -> \(CompareFormat.value(d.values[1]))")
      }
    }
    lines.append("")
    let k = kpiCells(shown.kpis)
    lines.append("KPIs (B − A):")
    lines += CompareFormat.columns(k.header, k.rows, right: k.right)
    if let note = rawPNote(shown.kpis) { lines.append(note) }
    if !shown.series.isEmpty {
      lines.append("")
      lines.append("time series (difference of replication means per time bin; description only, not in the verdict):")
      let s = seriesCells(shown.series)
      lines += CompareFormat.columns(s.header, s.rows, right: s.right)
    }
    if let note = shown.note { lines += ["", note] }
    lines.append("")
    lines.append("verdict: " + verdictSummary)
    return lines.joined(separator: "\n")
  }

  /// The same report as Markdown, for a review comment.
  ///
  /// - Parameter differencesOnly: as for ``table(differencesOnly:)``.
  public func markdown(differencesOnly: Bool = false) -> String {
    let shown = shown(differencesOnly)
    func row(_ cells: [String]) -> String {
      "| " + cells.map { DisplayText.escaped($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
    func table(_ header: [String], _ rows: [[String]], right: Set<Int>) -> [String] {
      [row(header), row(header.indices.map { right.contains($0) ? "---:" : "---" })] + rows.map(row)
    }
    var lines = ["### chainsim compare: `\(files[0].path)` → `\(files[1].path)`", ""]
    lines.append("**Verdict:** " + verdictSummary + ".")
    lines.append("")
    lines.append("- A: " + fileLine(files[0]))
    lines.append("- B: " + fileLine(files[1]))
    lines.append("- Method: " + methodReason)
    if let pairing = pairingSummary { lines.append("- " + pairing.prefix(1).uppercased() + pairing.dropFirst()) }
    lines.append("")
    if inputDifferences.isEmpty {
      lines.append("Inputs that changed: none (same resolved scenario).")
    } else {
      lines.append("<details><summary>Inputs that changed (\(inputDifferences.count))</summary>")
      lines.append("")
      lines += table(
        ["key path", "A", "B"],
        inputDifferences.map {
          ["`\($0.keyPath)`", CompareFormat.value($0.values[0]), CompareFormat.value($0.values[1])]
        }, right: [])
      lines.append("")
      lines.append("</details>")
    }
    lines.append("")
    let k = kpiCells(shown.kpis)
    let verdictColumn = k.header.count - 1
    let bold = k.rows.map { cells in
      cells.enumerated().map { c, s in c == verdictColumn && (s == "better" || s == "worse") ? "**\(s)**" : s }
    }
    lines += table(k.header, bold, right: k.right)
    if let note = rawPNote(shown.kpis) { lines += ["", note] }
    if !shown.series.isEmpty {
      lines.append("")
      lines.append("<details><summary>Time series (description only, not in the verdict)</summary>")
      lines.append("")
      let s = seriesCells(shown.series)
      lines += table(s.header, s.rows, right: s.right)
      lines.append("")
      lines.append("</details>")
    }
    if let note = shown.note { lines += ["", note] }
    return lines.joined(separator: "\n")
  }
}
