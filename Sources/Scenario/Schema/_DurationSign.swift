import SimKernel

/// The rule for distributions of durations: a length of time cannot be negative, and the
/// models take every negative draw as 0, so a distribution whose mean is negative would run
/// as something else than what it says.
enum _DurationSign {
  /// Why `distribution` (written as `text`) cannot be a distribution of durations, or nil.
  ///
  /// The mean is the declared distribution's own (a normal truncated at `min` has the mean of
  /// the truncated distribution), so `normal(mean: -1h, sd: 2h, min: 0h)` is accepted.
  static func problem(_ distribution: Distribution, text: String) -> String? {
    let mean = distribution.mean
    guard mean < 0 else { return nil }
    let shown = _FieldReading.formatNumber(mean)
    switch distribution {
    case .constant:
      return "a duration cannot be negative, found \(text)"
    case .normal(_, _, nil, _):
      return
        "\(text) has a negative mean (\(shown) h) and no min: durations cannot be negative, and every negative draw would be taken as 0; add a min, e.g. min: 0h, or give a mean ≥ 0"
    default:
      return
        "\(text) has a negative mean (\(shown) h): durations cannot be negative, and every negative draw would be taken as 0; give values ≥ 0"
    }
  }
}
