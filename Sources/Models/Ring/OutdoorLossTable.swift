/// The quality a lot of one category loses outdoors, as a running integral of its decay rate
/// over the ambient profile, tabulated in half-hour steps from time 0 and extended as the
/// run goes on.
///
/// `loss(from:to:)` is then two lookups instead of an integration over the interval: a lot
/// that waits outdoors for days is projected as cheaply as one that waited minutes. Within a
/// step the rate is the one at the step's midpoint (the midpoint rule on a fixed grid), so
/// losses over adjacent intervals add up exactly.
struct OutdoorLossTable {
  static let step = 0.5
  let model: QualityModel
  let ambient: AmbientProfile
  /// `cumulative[k]`: quality lost outdoors from time 0 to `k · step`.
  private var cumulative: [Double] = [0]

  init(model: QualityModel, ambient: AmbientProfile) {
    self.model = model
    self.ambient = ambient
    cumulative.reserveCapacity(24 * 366 * 2 + 1)
  }

  /// Quality lost outdoors between `t0` and `t1` (hours, `t0 ≤ t1`; 0 otherwise).
  mutating func loss(from t0: Double, to t1: Double) -> Double {
    guard t1 > t0 else { return 0 }
    return lost(by: t1) - lost(by: t0)
  }

  /// Quality lost outdoors from time 0 to `t`.
  private mutating func lost(by t: Double) -> Double {
    let x = Swift.max(0, t) / Self.step
    let k = Int(x)
    while cumulative.count < k + 2 {
      let j = cumulative.count - 1
      let rate = model.lossRate(at: ambient.celsius(at: (Double(j) + 0.5) * Self.step))
      cumulative.append(cumulative[j] + rate * Self.step)
    }
    return cumulative[k] + (cumulative[k + 1] - cumulative[k]) * (x - Double(k))
  }
}
