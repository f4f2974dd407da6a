import SimKernel

extension ResultsContents {
  /// Joins the replications of several results of the same run setup into one, in
  /// replication order: for example the shards of a run split over a cluster.
  ///
  /// The parts must agree on everything but their replications: software version,
  /// scenario (name, hash, text), seed, stream scheme, horizon, warm-up, time unit, sample
  /// interval and times, and the structure of every subsystem. Replication indices must not
  /// repeat.
  ///
  /// - Parameters:
  ///   - parts: the results to join, in any order.
  ///   - fingerprint: the run fingerprint of the joined run (a hash over every
  ///     replication's fingerprint in index order, which the caller computes).
  ///   - path: named in errors (the file being assembled).
  /// - Throws: ``ResultsError`` `.input` when the parts do not belong together.
  public static func merging(_ parts: [ResultsContents], fingerprint: String, path: String) throws(ResultsError) -> ResultsContents {
    guard let first = parts.first else { throw .input(path, "there is nothing to merge") }
    var rows: [(index: Int, part: Int, row: Int)] = []
    for (p, part) in parts.enumerated() {
      try sameSetup(first, part, number: p, path: path)
      rows += part.replications.indices.map { (part.replications[$0], p, $0) }
    }
    rows.sort { $0.index < $1.index }
    for (a, b) in zip(rows, rows.dropFirst()) where a.index == b.index {
      throw .input(path, "replication \(a.index) appears in parts \(a.part + 1) and \(b.part + 1)")
    }
    var metadata = first.metadata
    metadata.replications = rows.count
    metadata.fingerprint = fingerprint
    let subsystems = first.subsystems.indices.map { s in
      let template = first.subsystems[s]
      let pick = { (values: (SubsystemResults) -> [[Double]]) in rows.map { values(parts[$0.part].subsystems[s])[$0.row] } }
      return SubsystemResults(
        name: template.name,
        series: template.series.indices.map { m in SeriesResults(info: template.series[m].info, values: pick { $0.series[m].values }) },
        kpis: template.kpis.indices.map { k in KPIResults(info: template.kpis[k].info, values: pick { $0.kpis[k].values }) },
        checks: template.checks.indices.map { c in
          let column = { (value: (CheckResults) -> [Double]) in rows.map { value(parts[$0.part].subsystems[s].checks[c])[$0.row] } }
          let check = template.checks[c]
          return CheckResults(
            name: check.name, longName: check.longName, units: check.units,
            entered: column(\.entered), left: column(\.left), remained: column(\.remained),
            passed: rows.map { parts[$0.part].subsystems[s].checks[c].passed[$0.row] })
        })
    }
    return ResultsContents(
      formatVersion: Layout.formatVersion, metadata: metadata, replications: rows.map(\.index),
      replicationFingerprints: rows.map { parts[$0.part].replicationFingerprints[$0.row] },
      replicationEvents: rows.map { parts[$0.part].replicationEvents[$0.row] }, subsystems: subsystems)
  }

  /// Throws unless `part` has the same run setup and structure as `first`.
  private static func sameSetup(_ first: ResultsContents, _ part: ResultsContents, number: Int, path: String) throws(ResultsError) {
    guard first.formatVersion == part.formatVersion else {
      throw .input(
        path,
        "part \(number + 1) has format version \(part.formatVersion) and part 1 has \(first.formatVersion): merge parts written by the same ChainSim (run them again with this one)"
      )
    }
    let a = first.metadata, b = part.metadata
    let fields: [(String, Bool)] = [
      ("software version", a.softwareVersion == b.softwareVersion), ("scenario name", a.scenarioName == b.scenarioName),
      ("scenario hash", a.scenarioSHA256 == b.scenarioSHA256), ("scenario text", a.scenarioText == b.scenarioText),
      ("seed", a.seed == b.seed), ("stream scheme", a.streamScheme == b.streamScheme), ("horizon", a.horizon == b.horizon),
      ("warm-up", a.warmup == b.warmup), ("time unit", a.timeUnit == b.timeUnit),
      ("sample interval", a.sampleInterval == b.sampleInterval), ("sample times", a.sampleTimes == b.sampleTimes),
    ]
    if let (name, _) = fields.first(where: { !$0.1 }) {
      throw .input(path, "part \(number + 1) has a different \(name) from part 1: it comes from another run setup")
    }
    let sameStructure =
      first.subsystems.count == part.subsystems.count
      && zip(first.subsystems, part.subsystems).allSatisfy { x, y in
        x.name == y.name && x.series.map(\.info) == y.series.map(\.info) && x.kpis.map(\.info) == y.kpis.map(\.info)
          && x.checks.map { [$0.name, $0.longName, $0.units] } == y.checks.map { [$0.name, $0.longName, $0.units] }
      }
    guard sameStructure else {
      throw .input(path, "part \(number + 1) has different subsystems, metrics, checks or label axes from part 1")
    }
  }
}
