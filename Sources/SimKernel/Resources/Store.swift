/// A level with a capacity (yard TEU, cold-store tonnes, centre storage): amounts are put in
/// and taken out; a put that does not fit waits (blocking), never loses anything.
///
/// Waiting puts are served FIFO: after a ``take(_:at:)`` or ``remove(_:at:)`` the model calls
/// ``admitNext(at:)`` until it returns nil, and resumes each returned entity.
///
/// Room may also be reserved for an amount that arrives later (a crane chunk being
/// discharged): ``reserve(_:)`` counts it in ``level`` at once but, unlike a put, does not
/// queue behind waiting puts; the time-weighted level shows it from ``receiveReserved(at:)``
/// on. A reservation that does not fit waits in the same FIFO line (``waitToReserve(_:for:)``).
/// An amount fits when `level + amount ≤ capacity`.
public struct Store {
  /// The most the store may hold.
  public private(set) var capacity: Double
  /// What it holds now, reservations included.
  public private(set) var level: Double = 0
  /// Time-weighted level, recorded when amounts arrive or leave (not when room is reserved).
  public private(set) var levelStat = TimeWeighted()
  /// Cumulative amounts, for flow balance (reservations count as in).
  public private(set) var totalIn: Double = 0
  public private(set) var totalOut: Double = 0
  private var waiting = RingBuffer<Waiter>()

  /// What a waiting entity asked for.
  private struct Waiter {
    var entity: Int32
    var amount: Double
    var reserves: Bool
  }

  /// A waiting entity let in by ``admitNext(at:)``.
  public enum Admission: Equatable, Sendable {
    /// A put: the amount is in the store (and in the time-weighted level).
    case put(Int32)
    /// A reservation: the room is reserved; call ``receiveReserved(at:)`` when it arrives.
    case reservation(Int32)

    /// The entity let in.
    public var entity: Int32 {
      switch self {
      case .put(let e), .reservation(let e): return e
      }
    }
  }

  public init(capacity: Double, initialLevel: Double = 0) {
    precondition(capacity >= 0 && initialLevel >= 0 && initialLevel <= capacity, "invalid store capacity or level")
    self.capacity = capacity
    self.level = initialLevel
    levelStat.record(initialLevel, at: 0)
  }

  /// Free room.
  public var room: Double { capacity - level }
  /// Number of waiting puts and reservations.
  public var waitingCount: Int { waiting.count }
  /// Whether `amount` fits now (`level + amount ≤ capacity`).
  @inlinable
  public func fits(_ amount: Double) -> Bool { level + amount <= capacity }

  /// Puts `amount` in if it fits and nobody waits before it (returns true), else queues
  /// the put for `entity` (returns false).
  public mutating func put(_ amount: Double, for entity: Int32, at now: SimTime) -> Bool {
    if waiting.isEmpty && fits(amount) {
      add(amount, at: now)
      return true
    }
    waiting.push(Waiter(entity: entity, amount: amount, reserves: false))
    return false
  }

  /// Reserves room for `amount` if it fits, whoever waits (returns true); else nothing
  /// changes (returns false: the caller may ``waitToReserve(_:for:)``).
  public mutating func reserve(_ amount: Double) -> Bool {
    guard fits(amount) else { return false }
    level += amount
    totalIn += amount
    return true
  }

  /// Queues a reservation of `amount` for `entity` behind the waiting puts and reservations.
  public mutating func waitToReserve(_ amount: Double, for entity: Int32) {
    waiting.push(Waiter(entity: entity, amount: amount, reserves: true))
  }

  /// Reserved goods arrived: the time-weighted level records the level now.
  public mutating func receiveReserved(at now: SimTime) { levelStat.record(level, at: now) }

  /// Takes up to `amount` out; returns what was taken.
  @discardableResult
  public mutating func take(_ amount: Double, at now: SimTime) -> Double {
    let got = Swift.min(amount, level)
    remove(got, at: now)
    return got
  }

  /// Takes out an amount known to be in (a box leaving), exactly: the level is not clamped,
  /// so a sum of amounts put in and removed again gives the level they leave.
  public mutating func remove(_ amount: Double, at now: SimTime) {
    level -= amount
    totalOut += amount
    levelStat.record(level, at: now)
  }

  /// Admits the first waiting put or reservation if it now fits.
  public mutating func admitNext(at now: SimTime) -> Admission? {
    guard let head = waiting.first, fits(head.amount), let w = waiting.pop() else { return nil }
    if w.reserves {
      level += w.amount
      totalIn += w.amount
      return .reservation(w.entity)
    }
    add(w.amount, at: now)
    return .put(w.entity)
  }

  /// Restarts the time-weighted level at `now` (end of warm-up).
  public mutating func resetStatistics(at now: SimTime) { levelStat.reset(at: now) }

  private mutating func add(_ amount: Double, at now: SimTime) {
    level += amount
    totalIn += amount
    levelStat.record(level, at: now)
  }
}
