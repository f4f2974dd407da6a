import Experiments
import Foundation

/// Renders `chainsim inspect` for people (a table) or scripts (JSON).
enum InspectFormatter {
  static func table(_ i: FileInspection, allSeries: Bool) -> String {
    let m = i.contents.metadata
    let f = SummaryFormatter.format
    var lines = [
      "file:          \(i.path)",
      "scenario:      \(m.scenarioName)   sha256 \(m.scenarioSHA256)",
      "software:      chainsim \(m.softwareVersion)",
      "seed:          \(m.seed)   stream scheme \(m.streamScheme)",
      "replications:  \(m.replications) (indices \(i.contents.replications.map(String.init).joined(separator: ", ")))",
      "horizon:       \(f(m.horizon)) \(m.timeUnit)   warm-up \(f(m.warmup)) \(m.timeUnit)   samples every \(f(m.sampleInterval)) \(m.timeUnit)",
      "fingerprint:   \(m.fingerprint)",
      "subsystems:    \(i.contents.subsystems.map(\.name).joined(separator: ", "))",
    ]
    let failed = i.failedChecks
    lines.append(
      failed.isEmpty
        ? "checks:        all \(i.checkCount) passed (checks × replications)"
        : "checks:        \(failed.count) of \(i.checkCount) FAILED: " + failed.joined(separator: "; "))
    lines.append("")
    lines += SummaryFormatter.kpiTable(i.rows)
    lines.append("")
    lines.append(
      "warm-up (MSER-5 on batches of \(f(i.estimates.first?.batchLength ?? i.cycle)) \(m.timeUnit), whole cycles of \(f(i.cycle)) \(m.timeUnit)):"
    )
    let shown = i.estimates.filter { e in allSeries || e.warmup.map { $0 > m.warmup + 1e-9 } ?? (e.outcome != .tooShort) }
    let settled = i.estimates.filter { $0.warmup != nil }
    let longest = settled.max { ($0.warmup ?? 0) < ($1.warmup ?? 0) }
    lines.append(
      "  \(settled.count) of \(i.estimates.count) series settle; longest estimate \(longest.map { "\(f($0.warmup ?? 0)) \(m.timeUnit) (\(name($0)))" } ?? "none") against the scenario's \(f(m.warmup)) \(m.timeUnit)"
    )
    if !shown.isEmpty {
      let rows = shown.map { e -> [String] in
        let verdict: String
        switch e.outcome {
        case let .truncate(b):
          verdict =
            b == 0
            ? "no warm-up needed"
            : "\(f(Double(b) * e.batchLength)) \(m.timeUnit)" + ((e.warmup ?? 0) > m.warmup + 1e-9 ? "  longer than the scenario's" : "")
        case .notSettled: verdict = "not settled (minimum beyond half the run)"
        case .tooShort: verdict = "too short to tell"
        }
        return [name(e), e.usedIncrements ? "increments" : "level", verdict]
      }
      lines += SummaryFormatter.aligned(header: ["series", "analysed", "warm-up estimate"], rows: rows, rightAligned: []).map { "  " + $0 }
    }
    return lines.joined(separator: "\n")
  }

  static func name(_ e: WarmupEstimate) -> String { "\(e.subsystem)/\(e.series)" + (e.label.map { "[\($0)]" } ?? "") }

  static func json(_ i: FileInspection) -> String {
    let m = i.contents.metadata
    let object: [String: Any] = [
      "file": i.path,
      "scenario": m.scenarioName,
      "scenario_sha256": m.scenarioSHA256,
      "software_version": m.softwareVersion,
      "seed": m.seed,
      "stream_scheme": m.streamScheme,
      "replications": i.contents.replications,
      "horizon": m.horizon,
      "warmup": m.warmup,
      "time_unit": m.timeUnit,
      "sample_interval": m.sampleInterval,
      "fingerprint": m.fingerprint,
      "checks_passed": i.failedChecks.isEmpty,
      "failed_checks": i.failedChecks,
      "kpis": SummaryFormatter.jsonRows(i.rows),
      "warmup_estimates": i.estimates.map { e -> [String: Any] in
        var outcome: String
        switch e.outcome {
        case .truncate: outcome = "settled"
        case .notSettled: outcome = "not_settled"
        case .tooShort: outcome = "too_short"
        }
        return [
          "subsystem": e.subsystem, "series": e.series, "label": e.label ?? NSNull(), "outcome": outcome,
          "warmup": e.warmup.map(SummaryFormatter.jsonNumber) ?? NSNull(), "batch_length": e.batchLength, "increments": e.usedIncrements,
          "longer_than_scenario": (e.warmup ?? 0) > m.warmup + 1e-9,
        ]
      },
      "warnings": i.warmupWarnings,
    ]
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
