/// The time-weighted statistics of a level that changes at discrete times (a queue length,
/// a yard occupancy, the number of busy cranes).
///
/// The level is piecewise constant: it holds ``current`` from the last ``record(_:at:)``
/// until the next one. The integral `∫ level dt` is accumulated in O(1) per change, so
/// ``mean(until:)`` is `integral / elapsed time` since the start or the last
/// ``reset(at:)``. Times are in the kernel's unit (hours) and must not go backwards.
public struct TimeWeighted: Sendable, Equatable {
  /// The level now (since ``lastTime``).
  public private(set) var current: Double
  /// When observation started (creation or the last ``reset(at:)``).
  public private(set) var startTime: SimTime
  /// The time of the last change (or of the start).
  public private(set) var lastTime: SimTime
  /// `∫ level dt` from ``startTime`` to ``lastTime``.
  public private(set) var integral: Double = 0
  /// The highest level held since ``startTime`` (including the level at the start).
  public private(set) var max: Double
  /// The lowest level held since ``startTime`` (including the level at the start).
  public private(set) var min: Double

  /// Starts observing a level.
  /// - Parameters:
  ///   - initial: the level at `time`.
  ///   - time: when observation starts.
  public init(initial: Double = 0, at time: SimTime = 0) {
    current = initial
    startTime = time
    lastTime = time
    max = initial
    min = initial
  }

  /// Sets the level to `value` from `time` on.
  /// - Precondition: `time` is not before the previous change.
  public mutating func record(_ value: Double, at time: SimTime) {
    precondition(time >= lastTime, "TimeWeighted: time went backwards (\(time) < \(lastTime))")
    integral += current * (time - lastTime)
    lastTime = time
    current = value
    if value > max { max = value }
    if value < min { min = value }
  }

  /// Changes the level by `delta` at `time` (e.g. +1 on arrival, −1 on departure).
  public mutating func add(_ delta: Double, at time: SimTime) {
    record(current + delta, at: time)
  }

  /// `∫ level dt` from ``startTime`` to `time` (the current level is held until `time`).
  /// - Precondition: `time` ≥ ``lastTime``.
  public func integral(until time: SimTime) -> Double {
    precondition(time >= lastTime, "TimeWeighted: integral(until: \(time)) before the last change \(lastTime)")
    return integral + current * (time - lastTime)
  }

  /// The time-average level over `[startTime, time]`. When `time == startTime` (no time has
  /// elapsed) this is the current level, the limit of the average.
  /// - Precondition: `time` ≥ ``lastTime``.
  public func mean(until time: SimTime) -> Double {
    let elapsed = time - startTime
    guard elapsed > 0 else { return current }
    return integral(until: time) / elapsed
  }

  /// Restarts the statistics at `time` (warm-up deletion): the current level is kept, the
  /// integral restarts from zero at `time`, and ``max``/``min`` restart from the current level.
  /// - Precondition: `time` ≥ ``lastTime``.
  public mutating func reset(at time: SimTime) {
    precondition(time >= lastTime, "TimeWeighted: reset(at: \(time)) before the last change \(lastTime)")
    integral = 0
    startTime = time
    lastTime = time
    max = current
    min = current
  }
}
