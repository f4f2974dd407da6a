import Models
import SimKernel

/// Runs the replications of a scenario in parallel on `jobs` workers and returns them in
/// index order, whatever order they finish in: results do not depend on `jobs`.
public enum ReplicationSet {
  /// Runs replications `0..<config.run.replications`.
  /// - Parameters:
  ///   - jobs: the most replications running at once (≥ 1).
  ///   - progress: called after each finished replication with (done, total).
  public static func run(
    _ config: ChainSimConfig, jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> [ReplicationOutput] {
    await runWithTraces(config, jobs: jobs, progress: progress).outputs
  }

  /// ``runWithTraces(_:jobs:progress:)`` that also reports into `tracker` as it goes: the
  /// simulated time of each running replication (about once a simulated day) and each
  /// finished replication. The results are the same with or without a tracker.
  public static func runWithTraces(
    _ config: ChainSimConfig, jobs: Int, tracker: RunProgress?, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> (outputs: [ReplicationOutput], traces: [TraceTable]) {
    await runAll(config, jobs: jobs, tracker: tracker, progress: progress)
  }

  /// Runs replications `0..<config.run.replications` and also returns the models' traces,
  /// one table per name with the replications' rows in index order.
  public static func runWithTraces(
    _ config: ChainSimConfig, jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> (outputs: [ReplicationOutput], traces: [TraceTable]) {
    await runAll(config, jobs: jobs, tracker: nil, progress: progress)
  }

  private static func runAll(
    _ config: ChainSimConfig, jobs: Int, tracker: RunProgress?, progress: (@Sendable (Int, Int) -> Void)?
  ) async -> (outputs: [ReplicationOutput], traces: [TraceTable]) {
    let total = config.run.replications
    var results = [ReplicationOutput?](repeating: nil, count: total)
    var traces = [[TraceTable]](repeating: [], count: total)
    await withTaskGroup(of: (output: ReplicationOutput, traces: [TraceTable]).self) { group in
      var next = 0
      var done = 0
      for _ in 0..<min(max(1, jobs), total) {
        let i = next
        group.addTask { Replication.runWithTraces(config, index: i, gauge: tracker?.gauge(for: i)) }
        next += 1
      }
      while let out = await group.next() {
        results[out.output.replication] = out.output
        traces[out.output.replication] = out.traces
        done += 1
        tracker?.replicationFinished()
        progress?(done, total)
        if next < total {
          let i = next
          group.addTask { Replication.runWithTraces(config, index: i, gauge: tracker?.gauge(for: i)) }
          next += 1
        }
      }
    }
    var combined: [TraceTable] = []
    for tables in traces {
      for t in tables {
        if let k = combined.firstIndex(where: { $0.name == t.name }) { combined[k] = combined[k].appending(t) } else { combined.append(t) }
      }
    }
    return (results.compactMap { $0 }, combined)
  }

  /// The run's fingerprint: FNV-1a over every replication's trajectory hash, in index order.
  public static func combinedFingerprint(_ outputs: [ReplicationOutput]) -> String {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for o in outputs.sorted(by: { $0.replication < $1.replication }) {
      var v = o.fingerprint
      for _ in 0..<8 {
        h = (h ^ (v & 0xFF)) &* 0x100_0000_01B3
        v >>= 8
      }
    }
    return hexString(h)
  }
}
