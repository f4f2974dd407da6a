import SimKernel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Quality decay of a produce lot with the temperature it experiences.
///
/// Quality falls at a constant rate at constant temperature (zero-order kinetics, the
/// "relative shelf life" view of Labuza): `dq/dt = −k₀ · r(T)` with
/// `k₀ = (q₀ − q_threshold) / L₀`, where `L₀` is the category's shelf life at 0 °C, so a lot
/// kept at 0 °C reaches the threshold after exactly `L₀`. The relative rate `r(T)` is 1 at
/// 0 °C and grows by each band's Q10 per 10 °C inside the band:
///
///     ln r(T) = Σ_bands  overlap([0, T], band) / 10 · ln Q10_band
///
/// (Saltveit, USDA Agric. Handbook 66; Table 20.3/20.4 of "Produce Degradation", CRC 2005:
/// Q10 of 3.0 for 0–10 °C, 2.5 for 10–20 °C, 2.0 for 20–30 °C, 1.5 for 30–40 °C, CAL §3).
/// Below 0 °C the first band's Q10 continues (chilling and freezing injury are not modelled);
/// above the last band's limit the last Q10 continues. `r` is continuous and increasing.
///
/// At a constant temperature `T` for `t` hours: `q(t) = q₀ − k₀ · r(T) · t` (the closed form);
/// between two temperatures of one band `r(T₂) / r(T₁) = Q10^((T₂ − T₁)/10)`.
public struct QualityModel: Sendable, Equatable {
  /// Quality points lost per hour at 0 °C.
  public let rateAtZero: Double
  public let initialQuality: Double
  public let threshold: Double
  /// Band upper limits and the natural log of their Q10.
  let uppers: [Double]
  let logQ10: [Double]

  public init(category: RingCategory, bands: [TemperatureBand]) {
    initialQuality = category.initialQuality
    threshold = category.threshold
    rateAtZero = (category.initialQuality - category.threshold) / category.shelfLife
    uppers = bands.map(\.upper)
    logQ10 = bands.map { log($0.q10) }
  }

  /// The relative decay rate `r(T)` (1 at 0 °C).
  public func relativeRate(at celsius: Double) -> Double {
    guard !uppers.isEmpty else { return 1 }
    if celsius <= 0 { return exp(celsius / 10 * logQ10[0]) }
    var lnR = 0.0
    var lower = 0.0
    for i in uppers.indices {
      let upper = i == uppers.count - 1 ? Double.infinity : uppers[i]
      let top = Swift.min(celsius, upper)
      if top > lower { lnR += (top - lower) / 10 * logQ10[i] }
      if celsius <= upper { break }
      lower = upper
    }
    return exp(lnR)
  }

  /// Quality points lost per hour at `celsius`.
  @inline(__always) public func lossRate(at celsius: Double) -> Double { rateAtZero * relativeRate(at: celsius) }

  /// Quality after `hours` at a constant temperature, from `quality` (the closed form).
  public func quality(after hours: Double, at celsius: Double, from quality: Double) -> Double {
    quality - lossRate(at: celsius) * hours
  }

  /// Hours until the threshold is crossed at a constant temperature, from `quality` (0 when already below).
  public func hoursToThreshold(from quality: Double, at celsius: Double) -> Double {
    Swift.max(0, (quality - threshold) / lossRate(at: celsius))
  }
}

/// Outdoor temperature: an annual cosine plus a daily cosine.
///
///     T(t) = mean + seasonal · cos(2π (day(t) − warmestDay) / 365) + daily · cos(2π (hour(t) − warmestHour) / 24)
///
/// where simulation time 0 is midnight of `startDay` (day of the year, 1 = 1 January).
public struct AmbientProfile: Sendable, Equatable {
  public var mean: Double
  public var seasonalAmplitude: Double
  public var warmestDay: Double
  public var dailyAmplitude: Double
  public var warmestHour: Double
  public var startDay: Double

  public init(
    mean: Double, seasonalAmplitude: Double = 0, warmestDay: Double = 200, dailyAmplitude: Double = 0,
    warmestHour: Double = 15, startDay: Double = 1
  ) {
    self.mean = mean
    self.seasonalAmplitude = seasonalAmplitude
    self.warmestDay = warmestDay
    self.dailyAmplitude = dailyAmplitude
    self.warmestHour = warmestHour
    self.startDay = startDay
  }

  /// The outdoor temperature (°C) at simulation time `t` (hours).
  public func celsius(at t: Double) -> Double {
    let day = startDay + t / 24
    let hour = t - (t / 24).rounded(.down) * 24
    return mean + seasonalAmplitude * cos(2 * Double.pi * (day - warmestDay) / 365)
      + dailyAmplitude * cos(2 * Double.pi * (hour - warmestHour) / 24)
  }

  /// Quality lost between `t0` and `t1` outdoors, integrated by the midpoint rule in steps
  /// of at most half an hour (the daily cycle is smooth at that scale).
  public func loss(_ model: QualityModel, from t0: Double, to t1: Double) -> Double {
    guard t1 > t0 else { return 0 }
    // At most 4,000,000 half-hour steps (228 years): a longer interval is integrated more coarsely.
    let steps = Int(clamping: ((t1 - t0) / 0.5).rounded(.up), to: 1...4_000_000)
    let h = (t1 - t0) / Double(steps)
    var total = 0.0
    for i in 0..<steps { total += model.lossRate(at: celsius(at: t0 + (Double(i) + 0.5) * h)) }
    return total * h
  }
}
