import Foundation

/// A linear map from a data interval onto a pixel interval, with "nice" ticks (steps of
/// 1, 2 or 5 × 10ᵏ) whose ends enclose the data.
public struct LinearScale: Sendable, Equatable {
  /// The data interval after widening to whole ticks.
  public let domain: ClosedRange<Double>
  /// The pixel interval `domain` maps onto (may run downwards, as a y axis does).
  public let range: (start: Double, end: Double)
  /// Tick positions in data units, ascending, inside `domain`.
  public let ticks: [Double]
  /// The distance between ticks.
  public let step: Double

  /// A scale for data from `low` to `high` onto pixels `start...end`, with about
  /// `tickCount` ticks. An empty or non-finite interval is widened around its value (or 0...1).
  public init(low: Double, high: Double, start: Double, end: Double, tickCount: Int = 5) {
    var lo = low, hi = high
    if !lo.isFinite || !hi.isFinite { (lo, hi) = (0, 1) }
    if lo > hi { swap(&lo, &hi) }
    if hi - lo <= Swift.max(abs(hi), abs(lo)) * 1e-12 {
      let pad = lo == 0 ? 1 : abs(lo) * 0.1
      (lo, hi) = (lo - pad, hi + pad)
    }
    let step = Self.niceStep((hi - lo) / Double(Swift.max(1, tickCount - 1)))
    let first = (lo / step).rounded(.down) * step
    let last = (hi / step).rounded(.up) * step
    var ticks: [Double] = []
    var k = 0
    while true {
      let t = first + Double(k) * step
      if t > last + step * 1e-9 || k > 1000 { break }
      ticks.append(abs(t) < step * 1e-9 ? 0 : t)
      k += 1
    }
    self.domain = first...last
    self.range = (start, end)
    self.ticks = ticks
    self.step = step
  }

  public static func == (a: LinearScale, b: LinearScale) -> Bool {
    a.domain == b.domain && a.range == b.range && a.ticks == b.ticks && a.step == b.step
  }

  /// The pixel position of `value`.
  public func position(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    return range.start + (value - domain.lowerBound) / span * (range.end - range.start)
  }

  /// The smallest of 1, 2, 5 × 10ᵏ at or above `raw` (raw > 0).
  public static func niceStep(_ raw: Double) -> Double {
    guard raw.isFinite, raw > 0 else { return 1 }
    let power = pow(10, (log10(raw)).rounded(.down))
    for m in [1.0, 2, 5, 10] where m * power >= raw * (1 - 1e-9) { return m * power }
    return 10 * power
  }

  /// A tick label with as many decimals as the step needs (no exponent for everyday sizes).
  public func label(_ value: Double) -> String {
    ChartNumber.format(value, step: step)
  }
}

/// Number formatting for charts and tables.
enum ChartNumber {
  /// `value` with the decimals `step` needs: step 0.25 → 2 decimals, step 5 → none.
  static func format(_ value: Double, step: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
    let magnitude = abs(value)
    if magnitude >= 1e7 || (magnitude > 0 && magnitude < 1e-4) { return String(format: "%.2g", value) }
    let decimals = step > 0 && step.isFinite ? Swift.max(0, Swift.min(6, Int((-log10(step) + 0.999).rounded(.down)))) : 2
    return String(format: "%.\(decimals)f", value)
  }

  /// Four significant digits, plain for everyday sizes: 1234.5 → 1235, 0.012345 → 0.01235.
  static func significant(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e7 || magnitude < 1e-4 { return String(format: "%.3e", value) }
    let digits = Int(log10(magnitude).rounded(.down))
    return String(format: "%.\(Swift.max(0, 3 - digits))f", value)
  }

  /// A pixel coordinate with one decimal (enough at screen resolution, compact in the file).
  static func pixel(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    let whole = Int(tenths / 10)
    let frac = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return frac == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
  }
}
