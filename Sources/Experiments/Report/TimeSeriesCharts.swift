import Results
import SimKernel

/// One chart per time series of a subsystem (per label, up to the cap, for a series with a
/// label axis): each run file's mean over replications against time in days, with its
/// 95% Student-t band. Labels are charted separately, not summed: most series are levels
/// or rates (berth occupancy, fill) for which a sum would mean nothing.
enum TimeSeriesCharts {
  static func charts(
    _ subsystem: String, _ parts: [SubsystemResults?], _ metadata: [RunMetadata], files: [ReportFileSummary],
    _ options: ReportOptions, _ notes: inout [String]
  ) throws(ReportError) -> [Chart] {
    let names = unionNames(parts.map { $0?.series.map(\.info.name) ?? [] })
    var charts: [Chart] = []
    var capped: [String] = []
    var thinned = false
    for name in names {
      let series = parts.map { $0?.series.first { $0.info.name == name } }
      guard let reference = series.compactMap({ $0 }).first else { continue }
      for (i, s) in series.enumerated() {
        if let s, s.info.units != reference.info.units {
          throw ReportError(
            "\(files[i].path): series \(subsystem).\(name) is in \(s.info.units), another file has it in \(reference.info.units)")
        }
      }
      var labels: [String?] = [nil]
      if let all = unionLabels(series.map { $0?.info.axis }) {
        labels = all.prefix(options.maxLabelsPerMetric).map { $0 }
        if all.count > options.maxLabelsPerMetric {
          capped.append("\(name) (\(all.count) \(reference.info.axis?.name ?? "label")s)")
        }
      }
      for (l, label) in labels.enumerated() {
        var lines: [ChartSeries] = []
        for (i, s) in series.enumerated() {
          guard let s else { continue }
          let column: Int
          if let label {
            guard let c = s.info.axis?.labels.firstIndex(of: label) else { continue }
            column = c
          } else {
            column = 0
          }
          let line = points(s, column: column, metadata[i], files[i], options)
          thinned = thinned || line.thinned
          lines.append(ChartSeries(name: files[i].scenarioName, colour: files[i].colour, points: line.points))
        }
        let title = reference.info.longName + (label.map { " — \($0)" } ?? "")
        let warmup = files.first.map { $0.warmupDays } ?? 0
        charts.append(
          Chart(
            id: chartID(["ts", subsystem, name] + (label == nil ? [] : ["\(l)"])), title: title,
            xLabel: "time (days)", yLabel: axisUnits(reference.info.units), style: .band,
            series: lines, shadedX: warmup > 0 ? 0...warmup : nil))
      }
    }
    if !capped.isEmpty {
      notes.append(
        "charts show the first \(options.maxLabelsPerMetric) labels of \(capped.joined(separator: ", ")); the KPI table lists every label")
    }
    if thinned {
      notes.append(
        "lines with more than \(options.maxPointsPerLine) samples are drawn from the means of k consecutive samples (k the smallest that fits), with the interval of those means"
      )
    }
    return charts
  }

  /// The replication mean and its interval at each sample time of one column; a long series
  /// in blocks of consecutive samples (each replication's block mean, at the block's mean
  /// time), so that thinning neither aliases a daily cycle nor hides a level.
  private static func points(_ s: SeriesResults, column: Int, _ meta: RunMetadata, _ file: ReportFileSummary, _ options: ReportOptions) -> (
    points: [ChartPoint], thinned: Bool
  ) {
    let width = s.info.width
    let times = meta.sampleTimes.count
    let stride = Swift.max(1, (times + options.maxPointsPerLine - 1) / options.maxPointsPerLine)
    let scale = meta.horizon > 0 ? file.horizonDays / meta.horizon : 1
    var result: [ChartPoint] = []
    var t = 0
    while t < times {
      let block = t..<Swift.min(times, t + stride)
      let values = s.values.map { row -> Double in
        let finite = block.map { $0 * width + column }.filter { $0 < row.count }.map { row[$0] }.filter(\.isFinite)
        return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
      }
      let x = block.reduce(0.0) { $0 + meta.sampleTimes[$1] } / Double(block.count) * scale
      result.append(chartPoint(x: x, estimate(values, level: options.level), validMin: s.info.validMin))
      t += stride
    }
    return (result, stride > 1)
  }
}
