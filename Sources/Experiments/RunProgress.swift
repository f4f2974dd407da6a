import SimKernel
import Synchronization

/// How far a run of replications has got, readable from any thread while it runs: how many
/// replications have finished, and how far in simulated time the running ones are.
///
/// Pass one to ``ScenarioRunner/run(_:jobs:outputPath:traces:tracker:progress:)`` (or
/// ``ReplicationSet/runWithTraces(_:jobs:tracker:progress:)``) and read ``snapshot()`` as
/// often as a display needs (a progress line, a workbench that streams progress). The
/// simulation reports into it about once a simulated day per replication, through one atomic
/// store: following a run does not slow it down.
///
/// ```swift
/// let tracker = RunProgress(replications: 10, horizon: 8_760)
/// async let report = ScenarioRunner.run(prepared, jobs: 2, outputPath: path, tracker: tracker)
/// print(tracker.snapshot().fraction)   // 0.41 while it runs
/// ```
public final class RunProgress: Sendable {
  /// Replications in the run.
  public let total: Int
  /// Simulated hours of each replication.
  public let horizon: SimTime
  private let gauges: [SimulatedTimeGauge]
  private let finished: Atomic<Int>

  /// Creates the progress of a run of `replications` replications of `horizon` hours each.
  public init(replications: Int, horizon: SimTime) {
    total = max(0, replications)
    self.horizon = horizon
    gauges = (0..<max(0, replications)).map { _ in SimulatedTimeGauge() }
    finished = Atomic(0)
  }

  /// The gauge replication `index` reports into (nil for an index outside the run).
  func gauge(for index: Int) -> SimulatedTimeGauge? {
    gauges.indices.contains(index) ? gauges[index] : nil
  }

  /// Counts a finished replication.
  func replicationFinished() {
    finished.add(1, ordering: .relaxed)
  }

  /// The progress now.
  /// - Complexity: O(*n*) in the number of replications (one atomic load each).
  public func snapshot() -> RunProgressSnapshot {
    let done = finished.load(ordering: .relaxed)
    var reached: SimTime = 0
    var running: [SimTime] = []
    for gauge in gauges {
      let hours = min(max(gauge.hours, 0), horizon)
      reached += hours
      if hours > 0 && hours < horizon { running.append(hours) }
    }
    return RunProgressSnapshot(done: done, total: total, horizon: horizon, running: running, simulatedHours: reached)
  }
}

/// One reading of a ``RunProgress``.
public struct RunProgressSnapshot: Sendable, Equatable {
  /// Replications finished.
  public var done: Int
  /// Replications in the run.
  public var total: Int
  /// Simulated hours of each replication.
  public var horizon: SimTime
  /// Simulated hours reached by each replication that has started and not reached the
  /// horizon.
  public var running: [SimTime]
  /// Simulated hours reached, summed over all replications.
  public var simulatedHours: SimTime

  /// Creates a reading.
  public init(done: Int, total: Int, horizon: SimTime, running: [SimTime], simulatedHours: SimTime) {
    self.done = done
    self.total = total
    self.horizon = horizon
    self.running = running
    self.simulatedHours = simulatedHours
  }

  /// The share of the run's simulated time done, 0 to 1 (all replications' hours reached over
  /// replications × horizon).
  public var fraction: Double {
    let whole = Double(total) * horizon
    guard whole > 0, whole.isFinite else { return done >= total ? 1 : 0 }
    return min(1, max(0, simulatedHours / whole))
  }

  /// Mean simulated hours reached by the running replications (0 when none is running).
  public var runningMeanHours: SimTime {
    running.isEmpty ? 0 : running.reduce(0, +) / Double(running.count)
  }
}
