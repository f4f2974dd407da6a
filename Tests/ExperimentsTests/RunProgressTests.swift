import Experiments
import Foundation
import Testing

/// `RunProgress`: a run reports its simulated time while the replications run, before any of
/// them finishes, without changing the results (Issue 17).
@Suite(.serialized) struct RunProgressTests {
  /// Readings taken on a thread of their own every millisecond until stopped.
  final class Poller: @unchecked Sendable {
    private let lock = NSLock()
    private var readings: [RunProgressSnapshot] = []
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init(_ tracker: RunProgress) {
      Thread.detachNewThread { [self] in
        while !lock.withLock({ stopped }) {
          let s = tracker.snapshot()
          lock.withLock { readings.append(s) }
          usleep(1_000)
        }
        done.signal()
      }
    }

    func stop() -> [RunProgressSnapshot] {
      lock.withLock { stopped = true }
      done.wait()
      return lock.withLock { readings }
    }
  }

  @Test func simulatedTimeAdvancesBeforeAnyReplicationFinishes() async throws {
    let path = packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml").path
    let prepared = try ScenarioPreparation.prepare(path: path, overrides: ["run.replications=2", "run.horizon=20d", "run.warmup=2d"])
    let tracker = RunProgress(replications: 2, horizon: prepared.config.run.horizon)
    #expect(tracker.snapshot().simulatedHours == 0)
    let poller = Poller(tracker)
    let outputs = await ReplicationSet.runWithTraces(prepared.config, jobs: 1, tracker: tracker).outputs
    let readings = poller.stop()
    let beforeFirst = readings.filter { $0.done == 0 }.map(\.simulatedHours)
    #expect(
      Set(beforeFirst.filter { $0 > 0 }).count >= 3,
      "the time of the first replication rises before it finishes: \(Set(beforeFirst).sorted())")
    #expect(zip(readings, readings.dropFirst()).allSatisfy { $0.simulatedHours <= $1.simulatedHours && $0.done <= $1.done })
    #expect(readings.contains { $0.done == 0 && $0.running.count == 1 && $0.fraction > 0 && $0.fraction < 0.5 })
    let end = tracker.snapshot()
    #expect(end.done == 2 && end.fraction == 1 && end.running.isEmpty)
    // The same trajectory as a run that nobody follows.
    let plain = await ReplicationSet.run(prepared.config, jobs: 1)
    #expect(outputs.map(\.fingerprint) == plain.map(\.fingerprint))
  }
}
