import Results
import SimKernel

/// One time series (and label) in A and B: the difference of the replication means per time
/// bin with its interval. Description only: series never enter the verdict.
public struct SeriesComparison: Sendable, Equatable {
  public var subsystem: String
  public var metric: String
  public var label: String?
  public var longName: String
  public var units: String
  /// The sample times, in the files' time unit.
  public var times: [Double]
  /// Per time bin, aligned with ``times``.
  public var bins: [MeanDifference]

  /// The mean of the per-bin differences over the bins with enough data (NaN when none).
  public var meanDifference: Double {
    let usable = bins.filter(\.hasEnoughData).map(\.difference)
    return usable.isEmpty ? .nan : usable.reduce(0, +) / Double(usable.count)
  }

  /// How many bins' intervals exclude 0.
  public var binsExcludingZero: Int { bins.filter(\.excludesZero).count }
  /// How many bins have enough data for an interval.
  public var binsWithData: Int { bins.filter(\.hasEnoughData).count }
}

enum _SeriesComparisons {
  static func compute(
    subsystem: String, a: SeriesResults, b: SeriesResults, times: [Double], method: ComparisonMethod, level: Double
  ) -> [SeriesComparison] {
    let width = a.info.width
    return (0..<width).map { label in
      let bins = times.indices.map { t in
        let column = t * width + label
        let x = a.values.map { column < $0.count ? $0[column] : .nan }
        let y = b.values.map { column < $0.count ? $0[column] : .nan }
        return _MeanDifference.compute(x, y, method: method, level: level)
      }
      return SeriesComparison(
        subsystem: subsystem, metric: a.info.name, label: a.info.axis?.labels[label], longName: a.info.longName,
        units: a.info.units, times: times, bins: bins)
    }
  }
}
