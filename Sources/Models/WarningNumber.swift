import Foundation

/// A number for a warning: `decimals` decimals as `%.Nf` prints them, but compact (`1e+308`,
/// `2.19e+12`) from 10⁹ up, so that an extreme value never prints as 300 digits.
func warningNumber(_ x: Double, _ decimals: Int) -> String {
  guard x.isFinite, Swift.abs(x) >= 1e9 else { return String(format: "%.\(decimals)f", x) }
  return String(format: "%.3g", x)
}
