import Results
import SimKernel

/// KPI versus parameter charts of a sweep: per KPI (and label, up to the cap), the mean and
/// 95% interval over a point's replications against the first parameter, one line per value
/// of the second parameter (when it has at most eight values), with error bars.
enum SweepCharts {
  static func section(_ sweep: SweepResults, file: Int, number: Int, _ options: ReportOptions) -> ReportSweepSection {
    var notes: [String] = []
    let rows = sweep.points.count
    let first = sweep.parameters.first
    // x: the first parameter's numbers, or positions of its distinct texts.
    var xs: [Double] = (0..<rows).map(Double.init)
    var categories: [(x: Double, label: String)]? = nil
    var xLabel = "sweep point"
    if let first {
      xLabel = first.units == "1" || first.units.isEmpty ? first.name : "\(first.name) (\(first.units))"
      if let numbers = first.numbers {
        xs = numbers
      } else {
        let distinct = distinctValues(first.texts)
        xs = first.texts.map { Double(distinct.firstIndex(of: $0) ?? 0) }
        categories = distinct.enumerated().map { (Double($0.offset), $0.element) }
      }
    }
    // groups: the second parameter's distinct values.
    var groups: [(name: String, rows: [Int])] = [(sweep.metadata.scenarioName, Array(0..<rows))]
    if sweep.parameters.count >= 2 {
      let second = sweep.parameters[1]
      let distinct = distinctValues(second.texts)
      if distinct.count <= 8 {
        groups = distinct.map { value in ("\(second.name) = \(value)", (0..<rows).filter { second.texts[$0] == value }) }
      } else {
        notes.append(
          "\(second.name) has \(distinct.count) values: points are drawn as one line over \(first?.name ?? "the first parameter")")
      }
    }
    if sweep.parameters.count > 2 {
      notes.append(
        "parameters after the second (\(sweep.parameters.dropFirst(2).map(\.name).joined(separator: ", "))) are not separated in the charts"
      )
    }
    guard let template = sweep.cells.joined().compactMap({ $0 }).first else {
      return ReportSweepSection(file: file, charts: [], notes: notes + ["the sweep has no finished replication"])
    }
    var charts: [Chart] = []
    var capped: [String] = []
    for (s, sub) in template.subsystems.enumerated() {
      for (k, kpi) in sub.kpis.enumerated() {
        let labels = kpi.info.axis?.labels ?? [""]
        if labels.count > options.maxLabelsPerSweepKPI { capped.append("\(sub.name).\(kpi.info.name)") }
        for column in 0..<Swift.min(labels.count, options.maxLabelsPerSweepKPI) {
          let lines = groups.enumerated().map { g, group -> ChartSeries in
            let points = group.rows.sorted { xs[$0] < xs[$1] }.map { row -> ChartPoint in
              let values = sweep.cells[row].compactMap { $0?.subsystems[s].kpis[k].values[column] }
              return chartPoint(x: xs[row], estimate(values, level: options.level), validMin: kpi.info.validMin)
            }
            return ChartSeries(name: group.name, colour: g, points: points)
          }
          let label = kpi.info.axis == nil ? nil : labels[column]
          charts.append(
            Chart(
              id: chartID(["sweep\(number)", sub.name, kpi.info.name] + (label == nil ? [] : ["\(column)"])),
              title: kpi.info.longName + (label.map { " — \($0)" } ?? "") + " (\(sub.name))", xLabel: xLabel,
              yLabel: axisUnits(kpi.info.units), style: .errorBars, series: lines, xCategories: categories))
        }
      }
    }
    if !capped.isEmpty {
      notes.append("charts show the first \(options.maxLabelsPerSweepKPI) labels of \(capped.joined(separator: ", "))")
    }
    return ReportSweepSection(file: file, charts: charts, notes: notes)
  }

  private static func distinctValues(_ texts: [String]) -> [String] {
    texts.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
  }
}
