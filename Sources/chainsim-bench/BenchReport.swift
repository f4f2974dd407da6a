/// One benchmark run's result, printed as a single JSON line for `Benchmarks/run`.
struct BenchReport {
  var fields: [(String, String)] = []

  mutating func add(_ key: String, _ value: Double) {
    fields.append((key, value.isFinite ? "\(value)" : "null"))
  }
  mutating func add(_ key: String, _ value: Int) { fields.append((key, "\(value)")) }
  mutating func add(_ key: String, _ value: String) {
    let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    fields.append((key, "\"\(escaped)\""))
  }

  /// The JSON object, keys in insertion order.
  var json: String { "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}" }
}

/// Seconds taken by `body`, on the monotonic clock.
func timed(_ body: () throws -> Void) rethrows -> Double {
  let start = ContinuousClock.now
  try body()
  return seconds(ContinuousClock.now - start)
}

/// A duration in seconds.
func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
