import Foundation

/// The one number format of the report's tables (KPI means, intervals and differences; the
/// files' horizon and warm-up): four significant figures, written out in full with
/// thousands separators, never in exponent notation, so that numbers of every size read
/// alike in a column (`3,030,000` beside `56,120,000`, `0.01235` beside `12.35`).
/// At most six decimals: a magnitude below 0.0000005 is written `0`.
enum TableNumber {
  static let significantFigures = 4
  static let maxDecimals = 6

  /// `value` in the table format; `signed` writes a `+` before a positive value (differences).
  static func format(_ value: Double, signed: Bool = false) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
    let rounded = roundedToSignificant(abs(value))
    guard rounded >= 0.5 * pow(10, -Double(maxDecimals)) else { return "0" }
    let sign = value < 0 ? "-" : (signed ? "+" : "")
    let digits = Int(log10(rounded).rounded(.down))
    if digits >= significantFigures - 1 { return sign + grouped(String(format: "%.0f", rounded)) }
    let decimals = Swift.min(maxDecimals, significantFigures - 1 - digits)
    let text = String(format: "%.\(decimals)f", rounded)
    guard let point = text.firstIndex(of: ".") else { return sign + grouped(text) }
    return sign + grouped(String(text[..<point])) + text[point...]
  }

  /// `magnitude` (> 0) rounded to four significant figures.
  private static func roundedToSignificant(_ magnitude: Double) -> Double {
    guard magnitude > 0 else { return 0 }
    let unit = pow(10, Double(Int(log10(magnitude).rounded(.down)) - (significantFigures - 1)))
    return (magnitude / unit).rounded() * unit
  }

  /// Digits with a comma between each group of three from the right: `3030000` → `3,030,000`.
  private static func grouped(_ digits: String) -> String {
    var out: [Character] = []
    for (i, c) in digits.reversed().enumerated() {
      if i > 0, i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return String(out.reversed())
  }
}
