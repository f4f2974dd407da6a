/// A capacity that follows a repeating pattern (working hours by day or week) and is zero
/// during closures (fog, wind, holidays).
///
/// The model asks ``capacity(at:)`` and schedules an event at ``nextChange(after:)`` to
/// apply each change to its ``Resource``.
public struct CapacitySchedule: Sendable, Equatable {
  /// One step of the repeating pattern: from `offset` (hours into the period) on, `capacity`.
  public struct Step: Sendable, Equatable {
    public var offset: SimTime
    public var capacity: Int
    public init(offset: SimTime, capacity: Int) {
      self.offset = offset
      self.capacity = capacity
    }
  }

  /// Length of the repeating pattern (24 for daily, 168 for weekly), in hours.
  public let period: SimTime
  /// Steps sorted by offset; the first starts at 0.
  public let steps: [Step]
  /// Absolute intervals `[start, end)` with capacity 0, sorted by start.
  public let closures: [Range<SimTime>]

  /// A schedule; steps are sorted, and if none starts at 0 the last step wraps around.
  public init(period: SimTime, steps: [Step], closures: [Range<SimTime>] = []) {
    precondition(period > 0 && !steps.isEmpty, "a schedule needs a positive period and a step")
    self.period = period
    var s = steps.sorted { $0.offset < $1.offset }
    if let first = s.first, first.offset > 0, let last = s.last {
      s.insert(Step(offset: 0, capacity: last.capacity), at: 0)
    }
    self.steps = s
    self.closures = closures.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// A constant capacity, with optional closures.
  public static func constant(_ capacity: Int, closures: [Range<SimTime>] = []) -> CapacitySchedule {
    CapacitySchedule(period: 24, steps: [Step(offset: 0, capacity: capacity)], closures: closures)
  }

  /// The capacity in force at time `t`.
  public func capacity(at t: SimTime) -> Int {
    if closures.contains(where: { $0.contains(t) }) { return 0 }
    let phase = t - (t / period).rounded(.down) * period
    var c = steps[0].capacity
    for s in steps where s.offset <= phase { c = s.capacity }
    return c
  }

  /// The earliest time after `t` at which the capacity may change (a step or a closure
  /// boundary), or nil when it never changes.
  public func nextChange(after t: SimTime) -> SimTime? {
    var best: SimTime? = nil
    func consider(_ x: SimTime) { if x > t, best.map({ x < $0 }) ?? true { best = x } }
    if steps.count > 1 {
      let base = (t / period).rounded(.down) * period
      for cycle in 0...1 {
        for (i, s) in steps.enumerated() where s.capacity != steps[(i + steps.count - 1) % steps.count].capacity {
          consider(base + Double(cycle) * period + s.offset)
        }
      }
    }
    for c in closures {
      consider(c.lowerBound)
      consider(c.upperBound)
    }
    return best
  }

  /// The mean capacity over one period (closures excluded): for offered-load checks.
  public var meanCapacity: Double {
    var total = 0.0
    for (i, s) in steps.enumerated() {
      let end = i + 1 < steps.count ? steps[i + 1].offset : period
      total += Double(s.capacity) * (end - s.offset)
    }
    return total / period
  }
}
