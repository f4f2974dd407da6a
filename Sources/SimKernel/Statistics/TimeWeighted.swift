/// The time-weighted statistics of a level that changes at discrete times (a queue length,
/// a yard occupancy, the number of busy cranes).
///
/// The level is piecewise constant: it holds ``current`` from the last ``record(_:at:)``
/// until the next one. The integral `∫ level dt` is accumulated in O(1) per change, so
/// ``mean(until:)`` is `integral / elapsed time` since the start or the last
/// ``reset(at:)``. Times are in the kernel's unit (hours) and must not go backwards.
public struct TimeWeighted: Sendable, Equatable {
  /// The level now (since ``lastTime``).
  @inlinable public var current: Double { _current }
  @usableFromInline var _current: Double
  /// When observation started (creation or the last ``reset(at:)``).
  @inlinable public var startTime: SimTime { _startTime }
  @usableFromInline var _startTime: SimTime
  /// The time of the last change (or of the start).
  @inlinable public var lastTime: SimTime { _lastTime }
  @usableFromInline var _lastTime: SimTime
  /// `∫ level dt` from ``startTime`` to ``lastTime``.
  @inlinable public var integral: Double { _integral }
  @usableFromInline var _integral: Double = 0
  /// The highest level held since ``startTime`` (including the level at the start).
  @inlinable public var max: Double { _max }
  @usableFromInline var _max: Double
  /// The lowest level held since ``startTime`` (including the level at the start).
  @inlinable public var min: Double { _min }
  @usableFromInline var _min: Double

  /// Starts observing a level.
  /// - Parameters:
  ///   - initial: the level at `time`.
  ///   - time: when observation starts.
  public init(initial: Double = 0, at time: SimTime = 0) {
    _current = initial
    _startTime = time
    _lastTime = time
    _max = initial
    _min = initial
  }

  /// Sets the level to `value` from `time` on.
  /// - Precondition: `time` is not before the previous change.
  @inlinable @inline(__always)
  public mutating func record(_ value: Double, at time: SimTime) {
    precondition(time >= _lastTime, "TimeWeighted: time went backwards (\(time) < \(_lastTime))")
    _integral += _current * (time - _lastTime)
    _lastTime = time
    _current = value
    if value > _max { _max = value }
    if value < _min { _min = value }
  }

  /// Changes the level by `delta` at `time` (e.g. +1 on arrival, −1 on departure).
  @inlinable
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
    _integral = 0
    _startTime = time
    _lastTime = time
    _max = _current
    _min = _current
  }
}
