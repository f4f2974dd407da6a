/// Shared helpers for the statistics, distribution and network tests.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 0) -> Bool {
  if a == b { return true }
  return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}
