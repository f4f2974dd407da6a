/// Conversions of draws and computed times that cannot trap.
///
/// A scenario's values are bounded when it is loaded (`ValueLimits` in the Scenario module),
/// so these never clamp in a validated run; they are the defence in depth that keeps a
/// draw from the far tail of a distribution, or a value that slipped past a check, from
/// trapping (`Int(1e308)`) or sizing a loop beyond the machine.
extension Double {
  /// This value held within `range`; `NaN` gives the lower bound.
  @inlinable public func clamped(to range: ClosedRange<Double>) -> Double {
    guard self >= range.lowerBound else { return range.lowerBound }
    return self <= range.upperBound ? self : range.upperBound
  }
}

extension Int {
  /// `x` rounded toward zero (as `Int(x)`), held within `range`: never traps. `NaN` gives the
  /// lower bound; values beyond either end (infinities included) give that end.
  @inlinable public init(clamping x: Double, to range: ClosedRange<Int>) {
    if !(x > Double(range.lowerBound)) {
      self = range.lowerBound
    } else if x >= Double(range.upperBound) {
      self = range.upperBound
    } else {
      self = Swift.min(range.upperBound, Swift.max(range.lowerBound, Int(x)))
    }
  }
}
