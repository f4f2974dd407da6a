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

enum SeriesComparisons {
  static func compute(
    subsystem: String, a: SeriesResults, b: SeriesResults, times: [Double], method: ComparisonMethod, level: Double
  ) -> [SeriesComparison] {
    let widths = (a.info.width, b.info.width)
    func column(_ values: [[Double]], _ label: Int?, _ width: Int, _ t: Int) -> [Double] {
      values.map { row in label.map { t * width + $0 < row.count ? row[t * width + $0] : .nan } ?? .nan }
    }
    return ComparisonCompatibility.labelPairs(a.info, b.info).map { pair in
      let bins = times.indices.map { t in
        MeanDifferenceTest.compute(
          column(a.values, pair.a, widths.0, t), column(b.values, pair.b, widths.1, t), method: method, level: level)
      }
      return SeriesComparison(
        subsystem: subsystem, metric: a.info.name, label: pair.label, longName: a.info.longName,
        units: a.info.units, times: times, bins: bins)
    }
  }
}
