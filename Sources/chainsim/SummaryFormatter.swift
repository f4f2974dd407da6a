import Experiments
import Foundation
import SimKernel

/// Renders a run report as a table for people or JSON for scripts.
enum SummaryFormatter {
  /// Every KPI (`chainsim run --all`): the run, the results file, then one line per KPI and label.
  static func table(_ r: RunReport) -> String {
    var lines: [String] = []
    lines.append(runLine(r))
    lines.append(
      "results: \(r.outputPath)   fingerprint \(r.metadata.fingerprint)   scenario sha256 \(r.metadata.scenarioSHA256.prefix(12))")
    lines.append(eventsLine(r))
    lines.append("")
    lines += kpiTable(r.rows)
    lines.append("")
    lines.append(checksLine(r))
    return lines.joined(separator: "\n")
  }

  /// The default summary of `chainsim run`: the run, the headline KPIs of each subsystem
  /// (``HeadlineKPIs``), the checks, and the results file last, so that it stays on screen.
  static func headline(_ r: RunReport) -> String {
    var lines: [String] = []
    lines.append(runLine(r))
    lines.append(eventsLine(r))
    lines.append("")
    let shown = HeadlineKPIs.rows(r.rows)
    lines += kpiTable(shown)
    lines.append("")
    lines.append(
      "\(shown.count) headline KPIs of \(r.rows.count) KPI rows; all of them: chainsim run --all, --json, or chainsim inspect FILE")
    lines.append(checksLine(r, limit: 3))
    lines.append("fingerprint \(r.metadata.fingerprint)   scenario sha256 \(r.metadata.scenarioSHA256.prefix(12))")
    lines.append("results: \(r.outputPath)")
    return lines.joined(separator: "\n")
  }

  private static func runLine(_ r: RunReport) -> String {
    "\(r.metadata.scenarioName): \(r.metadata.replications) replications × \(format(r.metadata.horizon)) h (warm-up \(format(r.metadata.warmup)) h), seed \(r.metadata.seed)"
  }

  private static func eventsLine(_ r: RunReport) -> String {
    String(format: "%d events in %.2f s (%.0f events/s)", r.events, r.wallSeconds, Double(r.events) / max(r.wallSeconds, 1e-9))
  }

  private static func checksLine(_ r: RunReport, limit: Int = .max) -> String {
    if r.failedChecks.isEmpty { return "checks: all flow-balance invariants passed" }
    let more = r.failedChecks.count > limit ? "; and \(r.failedChecks.count - limit) more (--all lists them)" : ""
    return "checks FAILED: " + r.failedChecks.prefix(limit).joined(separator: "; ") + more
  }

  /// The KPI table: one line per KPI and label, mean and 95% half-width.
  static func kpiTable(_ kpis: [KPISummaryRow]) -> [String] {
    let header = ["subsystem", "kpi", "label", "mean", "± 95% CI", "units", "better"]
    let rows = kpis.map { row in
      [
        row.subsystem, row.kpi, row.label ?? "", format(row.mean),
        row.halfWidth.isFinite ? format(row.halfWidth) : "n/a", row.units, row.better.rawValue,
      ]
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
        rightAligned.contains(c)
          ? String(repeating: " ", count: widths[c] - s.count) + s : s.padding(toLength: widths[c], withPad: " ", startingAt: 0)
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
      [
        "subsystem": row.subsystem, "kpi": row.kpi, "label": row.label ?? NSNull(), "units": row.units,
        "better": row.better.rawValue, "mean": jsonNumber(row.mean), "ci95_half_width": jsonNumber(row.halfWidth), "n": row.count,
      ]
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
