import Experiments
import Foundation
import SimKernel

/// Renders a run report as a table for people or JSON for scripts.
enum SummaryFormatter {
  static func table(_ r: RunReport) -> String {
    var lines: [String] = []
    lines.append("\(r.metadata.scenarioName): \(r.metadata.replications) replications × \(format(r.metadata.horizon)) h (warm-up \(format(r.metadata.warmup)) h), seed \(r.metadata.seed)")
    lines.append("results: \(r.outputPath)   fingerprint \(r.metadata.fingerprint)   scenario sha256 \(r.metadata.scenarioSHA256.prefix(12))")
    lines.append(String(format: "%d events in %.2f s (%.0f events/s)", r.events, r.wallSeconds, Double(r.events) / max(r.wallSeconds, 1e-9)))
    lines.append("")
    lines += kpiTable(r.rows)
    lines.append("")
    lines.append(r.failedChecks.isEmpty ? "checks: all flow-balance invariants passed" : "checks FAILED: " + r.failedChecks.joined(separator: "; "))
    return lines.joined(separator: "\n")
  }

  /// The KPI table: one line per KPI and label, mean and 95% half-width.
  static func kpiTable(_ kpis: [KPISummaryRow]) -> [String] {
    let header = ["subsystem", "kpi", "label", "mean", "± 95% CI", "units", "better"]
    let rows = kpis.map { row in
      [row.subsystem, row.kpi, row.label ?? "", format(row.mean),
       row.halfWidth.isFinite ? format(row.halfWidth) : "n/a", row.units, row.better.rawValue]
    }
    return aligned(header: header, rows: rows, rightAligned: [3, 4])
  }

  /// Columns padded to their widest cell, with a rule under the header; cells are escaped
  /// (``DisplayText/escaped(_:keepingLineBreaks:)``) before they are measured.
  static func aligned(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
    let rows = rows.map { $0.map { DisplayText.escaped($0) } }
    let widths = header.indices.map { c in max(header[c].count, rows.map { $0[c].count }.max() ?? 0) }
    func render(_ cells: [String]) -> String {
      cells.enumerated().map { c, s in
        rightAligned.contains(c) ? String(repeating: " ", count: widths[c] - s.count) + s : s.padding(toLength: widths[c], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
    return [render(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(render)
  }

  static func json(_ r: RunReport) -> String {
    let object: [String: Any] = [
      "scenario": r.metadata.scenarioName,
      "scenario_sha256": r.metadata.scenarioSHA256,
      "file": r.outputPath,
      "seed": r.metadata.seed,
      "replications": r.metadata.replications,
      "horizon_h": r.metadata.horizon,
      "warmup_h": r.metadata.warmup,
      "fingerprint": r.metadata.fingerprint,
      "events": r.events,
      "checks_passed": r.failedChecks.isEmpty,
      "failed_checks": r.failedChecks,
      "kpis": jsonRows(r.rows),
    ]
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// KPI rows as JSON objects (non-finite numbers as null).
  static func jsonRows(_ rows: [KPISummaryRow]) -> [[String: Any]] {
    rows.map { row in
      ["subsystem": row.subsystem, "kpi": row.kpi, "label": row.label ?? NSNull(), "units": row.units,
       "better": row.better.rawValue, "mean": jsonNumber(row.mean), "ci95_half_width": jsonNumber(row.halfWidth), "n": row.count]
    }
  }

  /// A number for JSON: NaN and infinities become null.
  static func jsonNumber(_ x: Double) -> Any { x.isFinite ? x : NSNull() }

  static func format(_ x: Double) -> String {
    if x.isNaN { return "n/a" }
    if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
    let a = abs(x)
    return String(format: a >= 100 ? "%.1f" : (a >= 1 ? "%.3f" : "%.4f"), x)
  }
}
