import SimKernel

/// Turning per-replication outputs into per-metric arrays, refusing outputs that differ in
/// structure (subsystems, metrics, axes, widths) from one replication to the next.
enum Assembly {
  static func contents(
    metadata: RunMetadata, replications unsorted: [ReplicationOutput], path: String
  ) throws(ResultsError) -> ResultsContents {
    let runs = unsorted.sorted { $0.replication < $1.replication }
    guard let first = runs.first else {
      throw .input(path, "there are no replications to write")
    }
    for (previous, next) in zip(runs, runs.dropFirst()) where previous.replication == next.replication {
      throw .input(path, "replication \(next.replication) appears twice")
    }
    for run in runs.dropFirst() {
      try sameStructure(first, run, path: path)
    }
    let subsystems = first.subsystems.indices.map { s in
      let template = first.subsystems[s]
      return SubsystemResults(
        name: template.name,
        series: template.series.indices.map { m in
          SeriesResults(info: template.series[m].info, values: runs.map { $0.subsystems[s].series[m].values })
        },
        kpis: template.kpis.indices.map { k in
          KPIResults(info: template.kpis[k].info, values: runs.map { $0.subsystems[s].kpis[k].values })
        },
        checks: template.checks.indices.map { c in
          let rows = runs.map { $0.subsystems[s].checks[c] }
          let check = template.checks[c]
          return CheckResults(
            name: check.name, longName: check.longName, units: check.units,
            entered: rows.map(\.entered), left: rows.map(\.left), remained: rows.map(\.remained),
            passed: rows.map(\.passed))
        })
    }
    return ResultsContents(
      formatVersion: Layout.formatVersion, metadata: metadata, replications: runs.map(\.replication),
      replicationFingerprints: runs.map(\.fingerprint), replicationEvents: runs.map(\.events),
      subsystems: subsystems)
  }

  /// Throws unless `run` has the same subsystems, metrics, checks and axes as `first`.
  private static func sameStructure(
    _ first: ReplicationOutput, _ run: ReplicationOutput, path: String
  ) throws(ResultsError) {
    let here = "replication \(run.replication) does not match replication \(first.replication)"
    guard first.subsystems.map(\.name) == run.subsystems.map(\.name) else {
      throw .input(path, "\(here): subsystems \(run.subsystems.map(\.name)) instead of \(first.subsystems.map(\.name))")
    }
    for (a, b) in zip(first.subsystems, run.subsystems) {
      let seriesA = a.series.map(\.info), seriesB = b.series.map(\.info)
      if seriesA != seriesB {
        throw .input(path, "\(here): the time series of \(a.name) differ (\(differences(seriesA, seriesB)))")
      }
      let kpisA = a.kpis.map(\.info), kpisB = b.kpis.map(\.info)
      if kpisA != kpisB {
        throw .input(path, "\(here): the KPIs of \(a.name) differ (\(differences(kpisA, kpisB)))")
      }
      let checksA = a.checks.map { [$0.name, $0.longName, $0.units] }
      let checksB = b.checks.map { [$0.name, $0.longName, $0.units] }
      if checksA != checksB {
        throw .input(path, "\(here): the checks of \(a.name) differ (\(b.checks.map(\.name)) instead of \(a.checks.map(\.name)))")
      }
    }
  }

  /// A short account of how two metric lists differ.
  private static func differences(_ a: [MetricInfo], _ b: [MetricInfo]) -> String {
    if a.map(\.name) != b.map(\.name) {
      return "\(b.map(\.name)) instead of \(a.map(\.name))"
    }
    for (x, y) in zip(a, b) where x != y {
      if x.axis != y.axis {
        let describe = { (axis: LabelAxis?) in axis.map { "\($0.name) \($0.labels)" } ?? "no axis" }
        return "\(x.name) has \(describe(y.axis)) instead of \(describe(x.axis))"
      }
      return "\(x.name) has different units, long name or direction"
    }
    return "they differ"
  }
}
