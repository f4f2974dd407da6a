/// Records every registered series at a fixed interval, from time 0 to the horizon.
///
/// Models register a probe per series (a closure that reads the current value of a label);
/// the kernel calls the sampler from its own `.observe`-priority events, after every other
/// change at the same instant. Storage is reserved up front, so sampling does not allocate.
public final class Sampler {
  /// The sampling interval, in hours.
  public let interval: SimTime
  /// The sample times: 0, interval, 2·interval, ... ≤ horizon.
  public let times: [SimTime]

  private struct Probe {
    let subsystem: String
    let info: MetricInfo
    let read: (Int) -> Double
    var values: [Double]
  }
  private var probes: [Probe] = []
  private var taken = 0

  /// Creates a sampler over `0...horizon` with the given interval (> 0).
  public init(interval: SimTime, horizon: SimTime) {
    precondition(interval > 0, "sample interval must be positive")
    self.interval = interval
    let n = Int((horizon / interval).rounded(.down)) + 1
    self.times = (0..<n).map { Double($0) * interval }
  }

  /// Whether any series is registered.
  public var hasProbes: Bool { !probes.isEmpty }

  /// Registers a series. `read(label)` returns its current value for a label index
  /// (0 when the metric has no axis).
  public func register(subsystem: String, _ info: MetricInfo, read: @escaping (Int) -> Double) {
    var values: [Double] = []
    values.reserveCapacity(times.count * info.width)
    probes.append(Probe(subsystem: subsystem, info: info, read: read, values: values))
  }

  /// The time of the next sample, or nil when all are taken.
  var nextTime: SimTime? { taken < times.count ? times[taken] : nil }

  func sample(at time: SimTime) {
    guard taken < times.count else { return }
    for p in probes.indices {
      for label in 0..<probes[p].info.width { probes[p].values.append(probes[p].read(label)) }
    }
    taken += 1
  }

  /// The recorded series of one subsystem, in registration order. Samples not reached
  /// (a run stopped early) are NaN.
  public func series(of subsystem: String) -> [SeriesOutput] {
    probes.filter { $0.subsystem == subsystem }.map { p in
      var v = p.values
      let want = times.count * p.info.width
      if v.count < want { v.append(contentsOf: repeatElement(.nan, count: want - v.count)) }
      return SeriesOutput(info: p.info, values: v)
    }
  }
}
