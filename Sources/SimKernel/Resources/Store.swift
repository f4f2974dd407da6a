/// A level with a capacity (yard TEU, cold-store tonnes, centre storage): amounts are put in
/// and taken out; a put that does not fit waits (blocking), never loses anything.
///
/// Waiting puts are served FIFO: after a ``take(_:at:)`` the model calls
/// ``admitNext(at:)`` until it returns nil, and resumes each returned entity.
public struct Store {
  /// The most the store may hold.
  public private(set) var capacity: Double
  /// What it holds now.
  public private(set) var level: Double = 0
  /// Time-weighted level.
  public private(set) var levelStat = TimeWeighted()
  /// Cumulative amounts, for flow balance.
  public private(set) var totalIn: Double = 0
  public private(set) var totalOut: Double = 0
  private var waiting = RingBuffer<(entity: Int32, amount: Double)>()

  public init(capacity: Double, initialLevel: Double = 0) {
    precondition(capacity >= 0 && initialLevel >= 0 && initialLevel <= capacity, "invalid store capacity or level")
    self.capacity = capacity
    self.level = initialLevel
    levelStat.record(initialLevel, at: 0)
  }

  /// Free room.
  public var room: Double { capacity - level }
  /// Number of waiting puts.
  public var waitingCount: Int { waiting.count }

  /// Puts `amount` in if it fits and nobody waits before it (returns true), else queues
  /// the put for `entity` (returns false).
  public mutating func put(_ amount: Double, for entity: Int32, at now: SimTime) -> Bool {
    if waiting.isEmpty && amount <= room {
      add(amount, at: now)
      return true
    }
    waiting.push((entity, amount))
    return false
  }

  /// Takes up to `amount` out; returns what was taken.
  @discardableResult
  public mutating func take(_ amount: Double, at now: SimTime) -> Double {
    let got = Swift.min(amount, level)
    level -= got
    totalOut += got
    levelStat.record(level, at: now)
    return got
  }

  /// Admits the first waiting put if it now fits; returns its entity.
  public mutating func admitNext(at now: SimTime) -> Int32? {
    guard let head = waiting.first, head.amount <= room, let w = waiting.pop() else { return nil }
    add(w.amount, at: now)
    return w.entity
  }

  /// Restarts the time-weighted level at `now` (end of warm-up).
  public mutating func resetStatistics(at now: SimTime) { levelStat.reset(at: now) }

  private mutating func add(_ amount: Double, at now: SimTime) {
    level += amount
    totalIn += amount
    levelStat.record(level, at: now)
  }
}
