import Foundation
import Models
import SimKernel

/// What a sweep (or a shard of it) produced: per point, its replication outputs and how
/// many replications it used.
public struct SweepOutcome: Sendable {
  /// `outputs[point][replication]` for the points run, replications `0..<used[point]`.
  public var outputs: [Int: [Int: ReplicationOutput]]
  /// Replications used per point.
  public var used: [Int: Int]
  /// Records found from an earlier, interrupted run (not run again).
  public var resumed: Int
  /// Replications run now.
  public var ran: Int
}

/// Runs every (point, replication) of a sweep on `jobs` workers.
public enum SweepExecution {
  /// Runs the given points (indices into ``PreparedSweep/points``), skipping replications
  /// whose record exists, writing a record for each one finished, and, under precision,
  /// adding batches to a point once all its earlier replications are complete.
  ///
  /// - Parameters:
  ///   - store: the durable records; nil keeps results in memory only (to measure what
  ///     records cost).
  ///   - progress: called after each finished replication with (done, total); the total
  ///     grows when precision adds a batch.
  /// - Throws: ``SweepError`` when a record cannot be written (exit 3) or the precision KPI
  ///   does not exist (exit 2).
  public static func run(
    _ sweep: PreparedSweep, points slice: [Int], jobs: Int, store: SweepRecordStore?,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws(SweepError) -> SweepOutcome {
    let configs = sweep.points.map(\.prepared.config)
    return try await run(
      slice: slice, minimum: sweep.minimumReplications, precision: sweep.precision, jobs: jobs, store: store,
      progress: progress
    ) { p, r in Replication.run(configs[p], index: r) }
  }

  /// The scheduler itself, with the replication to run given (tests use synthetic ones).
  static func run(
    slice: [Int], minimum: Int, precision: SweepPrecision?, jobs: Int, store: SweepRecordStore?,
    progress: (@Sendable (Int, Int) -> Void)?, replicate: @escaping @Sendable (Int, Int) -> ReplicationOutput
  ) async throws(SweepError) -> SweepOutcome {
    var state = State(minimum: minimum, precision: precision, slice: slice, have: store?.load() ?? [:])
    let resumed = state.doneCount
    var queue: [(point: Int, replication: Int)] = []
    for p in slice { queue += try state.settle(p) }
    var next = 0
    var failure: SweepError?
    var ran = 0
    progress?(state.doneCount, state.total)
    let results = await withTaskGroup(of: Result<(Int, ReplicationOutput), SweepError>.self) { group in
      func launch() {
        let (p, r) = queue[next]
        next += 1
        group.addTask {
          let output = replicate(p, r)
          do throws(SweepError) {
            try store?.write(point: p, output: output)
          } catch {
            return .failure(error)
          }
          return .success((p, output))
        }
      }
      for _ in 0..<min(max(1, jobs), queue.count) { launch() }
      while let result = await group.next() {
        switch result {
        case .failure(let error):
          failure = failure ?? error
          group.cancelAll()
          continue
        case .success(let (p, output)):
          guard failure == nil else { continue }
          ran += 1
          state.have[p, default: [:]][output.replication] = output
          do throws(SweepError) {
            queue += try state.settle(p)
          } catch {
            failure = error
            group.cancelAll()
            continue
          }
          progress?(state.doneCount, state.total)
          if next < queue.count { launch() }
        }
      }
      return state
    }
    if let failure { throw failure }
    var outputs: [Int: [Int: ReplicationOutput]] = [:]
    for p in slice {
      let used = results.need[p] ?? 0
      outputs[p] = (results.have[p] ?? [:]).filter { $0.key < used }
    }
    return SweepOutcome(outputs: outputs, used: results.need, resumed: resumed, ran: ran)
  }

  /// Which replications each point needs, decided from complete batches only.
  private struct State {
    let minimum: Int
    let precision: SweepPrecision?
    let slice: [Int]
    var have: [Int: [Int: ReplicationOutput]]
    var need: [Int: Int] = [:]
    var settled: Set<Int> = []

    init(minimum: Int, precision: SweepPrecision?, slice: [Int], have: [Int: [Int: ReplicationOutput]]) {
      self.minimum = minimum
      self.precision = precision
      self.slice = slice
      self.have = have
      for p in slice { need[p] = minimum }
    }

    var total: Int { slice.reduce(0) { $0 + (need[$1] ?? 0) } }
    var doneCount: Int {
      slice.reduce(0) { sum, p in sum + (have[p] ?? [:]).keys.filter { $0 < (need[p] ?? 0) }.count }
    }

    /// Grows the point's need while its replications so far are complete and its precision is
    /// not met; returns the replications newly needed and not yet recorded.
    mutating func settle(_ p: Int) throws(SweepError) -> [(point: Int, replication: Int)] {
      let before = settled.contains(p) ? (need[p] ?? 0) : 0
      settled.insert(p)
      while let precision, let n = need[p], n < precision.maximum {
        let got = have[p] ?? [:]
        guard (0..<n).allSatisfy({ got[$0] != nil }) else { break }
        if try precision.isMet((0..<n).compactMap { got[$0] }) { break }
        need[p] = min(n + precision.batch, precision.maximum)
      }
      let now = need[p] ?? 0
      return (before..<now).filter { have[p]?[$0] == nil }.map { (p, $0) }
    }
  }
}
