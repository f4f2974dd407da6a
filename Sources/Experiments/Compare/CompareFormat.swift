import Foundation
import SimKernel

/// Number and cell formatting shared by the table, Markdown and JSON renderings.
enum CompareFormat {
  /// About four significant digits; `n/a` for NaN, `∞` for infinities.
  static func number(_ x: Double) -> String {
    if x.isNaN { return "n/a" }
    if x.isInfinite { return x > 0 ? "∞" : "-∞" }
    if x == x.rounded() && Swift.abs(x) < 1e6 { return String(Int(x)) }
    let a = Swift.abs(x)
    if a >= 1e6 || a < 1e-3 { return String(format: "%.3g", x) }
    return String(format: a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : a >= 1 ? "%.3f" : "%.4f", x)
  }

  /// `mean ± half-width` (the half-width left out when infinite).
  static func meanInterval(_ s: SampleSummary) -> String {
    s.halfWidth.isFinite ? "\(number(s.mean)) ± \(number(s.halfWidth))" : "\(number(s.mean)) (n=\(s.count))"
  }

  /// `difference [lower, upper]`.
  static func difference(_ r: MeanDifference) -> String {
    guard r.hasEnoughData else { return "n/a" }
    return "\(number(r.difference)) [\(number(r.lower)), \(number(r.upper))]"
  }

  static func percent(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "" }
    return String(format: "%+.1f%%", x * 100)
  }

  static func pValue(_ p: Double) -> String {
    if p.isNaN { return "" }
    if p == 0 { return "0" }
    if p < 1e-4 { return "<0.0001" }
    return String(format: "%.4f", p)
  }

  static func optional(_ x: Double?, _ format: String = "%.2f") -> String {
    guard let x, x.isFinite else { return "" }
    return String(format: format, x)
  }

  static func verdict(_ v: KPIVerdict) -> String {
    switch v {
    case .better: return "better"
    case .worse: return "worse"
    case .noDifference: return "—"
    case .noVerdict: return "no verdict"
    case .notEnoughData: return "not enough data"
    }
  }

  /// A resolved scenario value for a table cell: escaped, and cut to a line when long.
  static func value(_ v: String?) -> String { v.map { DisplayText.shortened($0) + DisplayText.lengthNote($0) } ?? "(absent)" }

  /// Aligns rows of cells in columns; columns in `right` are right-aligned.
  /// Cells are escaped (``DisplayText/escaped(_:keepingLineBreaks:)``) before they are measured.
  static func columns(_ header: [String], _ rows: [[String]], right: Set<Int>) -> [String] {
    let rows = rows.map { $0.map { DisplayText.escaped($0) } }
    let widths = header.indices.map { c in Swift.max(header[c].count, rows.map { $0[c].count }.max() ?? 0) }
    func render(_ cells: [String]) -> String {
      cells.enumerated().map { c, s in
        let pad = String(repeating: " ", count: widths[c] - s.count)
        return right.contains(c) ? pad + s : s + pad
      }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    return [render(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(render)
  }
}
