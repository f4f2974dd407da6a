/// Speeds over the day on a road link: piecewise constant in km/h over hour-of-day intervals,
/// repeating every 24 hours.
///
/// Interval `i` runs from `startHours[i]` to `startHours[i + 1]` (the last one to 24:00).
/// Travel times integrate the distance over these speeds (Ichoua, Gendreau & Potvin 2003): a
/// vehicle speeds up or slows down when it crosses a boundary, so a vehicle that departs
/// later never arrives earlier (the FIFO property), which makes time-dependent Dijkstra exact.
public struct SpeedProfile: Sendable, Equatable, Hashable {
  /// Start of each interval in hours after midnight: the first is 0, strictly increasing, < 24.
  public let startHours: [Double]
  /// Speed in km/h in each interval (positive, finite).
  public let speeds: [Double]
  /// The distance covered by travelling a whole day, in km.
  public let kilometresPerDay: Double

  /// A profile from interval starts and speeds.
  /// - Throws: ``RoadNetworkError/invalidSpeedProfile(_:)`` unless the lists have the same
  ///   non-zero length, the starts begin at 0, increase strictly and stay below 24, and every
  ///   speed is positive and finite.
  public init(startHours: [Double], speeds: [Double]) throws(RoadNetworkError) {
    guard !speeds.isEmpty, startHours.count == speeds.count else {
      throw .invalidSpeedProfile("needs one speed per interval start, got \(startHours.count) starts and \(speeds.count) speeds")
    }
    guard startHours[0] == 0 else {
      throw .invalidSpeedProfile("the first interval must start at hour 0, got \(startHours[0])")
    }
    for i in 1..<startHours.count where !(startHours[i] > startHours[i - 1] && startHours[i] < 24) {
      throw .invalidSpeedProfile("interval starts must increase strictly within 0..<24, got \(startHours[i - 1]) then \(startHours[i])")
    }
    if let bad = speeds.first(where: { !($0 > 0 && $0.isFinite) }) {
      throw .invalidSpeedProfile("speeds must be positive and finite km/h, got \(bad)")
    }
    self.startHours = startHours
    self.speeds = speeds
    var perDay = 0.0
    for i in speeds.indices {
      let end = i + 1 < startHours.count ? startHours[i + 1] : 24
      perDay += speeds[i] * (end - startHours[i])
    }
    kilometresPerDay = perDay
  }

  /// The same speed all day.
  /// - Throws: ``RoadNetworkError/invalidSpeedProfile(_:)`` unless the speed is positive and finite.
  public init(constantKmPerHour speed: Double) throws(RoadNetworkError) {
    try self.init(startHours: [0], speeds: [speed])
  }

  /// The interval that holds `hour` (hours after midnight, clamped into `0..<24`).
  public func interval(atHourOfDay hour: Double) -> Int {
    // Last i with startHours[i] <= hour; profiles are short, so a linear scan is fastest.
    var i = 0
    while i + 1 < startHours.count && startHours[i + 1] <= hour { i += 1 }
    return i
  }

  /// The speed in km/h at a clock time (hours since midnight of day 0).
  public func speed(atClock time: Double) -> Double {
    let day = (time / 24).rounded(.down)
    return speeds[interval(atHourOfDay: time - day * 24)]
  }

  /// The end of interval `i`, in hours after midnight (24 for the last).
  @inline(__always) func endHour(_ i: Int) -> Double {
    i + 1 < startHours.count ? startHours[i + 1] : 24
  }

  /// The clock time of arrival after `distanceKm` departing at clock time `departure` (hours
  /// since midnight of day 0), integrating distance over the piecewise speeds.
  /// - Complexity: O(intervals): whole days are skipped arithmetically.
  public func arrival(distanceKm: Double, departureClock departure: Double) -> Double {
    guard distanceKm > 0 else { return departure }
    var t = departure
    var remaining = distanceKm
    if remaining > kilometresPerDay {
      // A whole day from any starting point covers exactly one day's distance.
      let days = (remaining / kilometresPerDay).rounded(.down)
      remaining = Swift.max(0, remaining - days * kilometresPerDay)
      t += days * 24
    }
    var dayStart = (t / 24).rounded(.down) * 24
    var i = interval(atHourOfDay: t - dayStart)
    while true {
      let intervalEnd = dayStart + endHour(i)
      let v = speeds[i]
      let reach = v * Swift.max(0, intervalEnd - t)
      if remaining <= reach { return t + remaining / v }
      remaining -= reach
      t = Swift.max(t, intervalEnd)
      i += 1
      if i == speeds.count {
        i = 0
        dayStart += 24
      }
    }
  }
}
