import Results
import SimKernel

/// A warm-up estimate for one time series (and label) of a results file, by MSER-5 on batch
/// means of whole cycles.
///
/// The series is first averaged over replications. Batches span whole cycles of the
/// scenario's rhythm (a day, or a week for weekly schedules) and hold at least 5 samples
/// (MSER-5), so the daily or weekly pattern is not mistaken for a transient. A cumulative
/// series (never decreasing in any replication, e.g. tonnes delivered so far) is analysed
/// through its increments per sample.
public struct WarmupEstimate: Sendable, Equatable {
  public var subsystem: String
  public var series: String
  public var label: String?
  /// Samples per batch and the batch length in the file's time unit.
  public var batchSamples: Int
  public var batchLength: Double
  /// Whether the increments of a cumulative series were analysed.
  public var usedIncrements: Bool
  public var outcome: MSER.Outcome

  /// The estimated end of the warm-up in the file's time unit, or nil when there is no estimate.
  public var warmup: Double? {
    if case let .truncate(b) = outcome { return Double(b) * batchLength }
    return nil
  }

  /// Estimates every series and label of a results file.
  ///
  /// - Parameters:
  ///   - contents: the file's contents.
  ///   - cycle: the length of one cycle in the file's time unit (24 for a day in hours).
  public static func all(_ contents: ResultsContents, cycle: Double) -> [WarmupEstimate] {
    let dt = contents.metadata.sampleInterval
    let times = contents.metadata.sampleTimes.count
    guard dt > 0, times > 0 else { return [] }
    // `dt` comes from a results file: a forged tiny interval must not trap the conversion.
    let samplesPerCycle = Int(clamping: (cycle / dt).rounded(), to: 1...(1 << 40))
    let cycles = (5 + samplesPerCycle - 1) / samplesPerCycle
    let size = cycles * samplesPerCycle
    var out: [WarmupEstimate] = []
    for sub in contents.subsystems {
      for s in sub.series {
        let width = s.info.width
        for label in 0..<width {
          let rows = s.values.map { row in (0..<times).map { row[$0 * width + label] } }
          let cumulative =
            rows.allSatisfy { r in zip(r, r.dropFirst()).allSatisfy { $0 <= $1 } }
            && rows.contains { ($0.last ?? 0) > ($0.first ?? 0) }
          let analysed = cumulative ? rows.map { r in zip(r.dropFirst(), r).map { $0 - $1 } } : rows
          let length = analysed.first?.count ?? 0
          var mean = Array(repeating: 0.0, count: length)
          for r in analysed { for t in 0..<length { mean[t] += r[t] / Double(analysed.count) } }
          out.append(
            WarmupEstimate(
              subsystem: sub.name, series: s.info.name, label: s.info.axis?.labels[label], batchSamples: size,
              batchLength: Double(size) * dt, usedIncrements: cumulative,
              outcome: MSER.truncation(MSER.batchMeans(mean, size: size))))
        }
      }
    }
    return out
  }
}
