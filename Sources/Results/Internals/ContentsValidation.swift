import SimKernel

/// Checks that contents fit the layout before any byte is written, so that a mistake in the
/// caller's data is reported as bad input rather than as a half-written file.
enum ContentsValidation {
  static func validate(_ contents: ResultsContents, path: String) throws(ResultsError) {
    let count = contents.replications.count
    let meta = contents.metadata
    guard count > 0 else { throw .input(path, "there are no replications to write") }
    guard meta.replications == count else {
      throw .input(path, "the run metadata says \(meta.replications) replications but \(count) were given")
    }
    guard zip(contents.replications, contents.replications.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw .input(path, "replication indices must be distinct and ascending: \(contents.replications)")
    }
    guard contents.replicationFingerprints.count == count, contents.replicationEvents.count == count else {
      throw .input(path, "per-replication fingerprints or event counts do not match the \(count) replications")
    }
    for (text, what) in [
      (meta.softwareVersion, "software version"), (meta.scenarioName, "scenario name"),
      (meta.scenarioSHA256, "scenario hash"), (meta.scenarioText, "scenario text"),
      (meta.streamScheme, "stream scheme"), (meta.timeUnit, "time unit"), (meta.fingerprint, "fingerprint"),
    ] {
      try plainText(text, what, path)
    }
    var seen: [String] = []
    for subsystem in contents.subsystems {
      try identifier(subsystem.name, "subsystem", path)
      guard !seen.contains(subsystem.name) else { throw .input(path, "subsystem \(subsystem.name) appears twice") }
      seen.append(subsystem.name)
      let times = meta.sampleTimes.count
      try group(subsystem.series.map(\.info), "\(Layout.timeseries)/\(subsystem.name)", path)
      for series in subsystem.series {
        try rows(series.values, count, times * series.info.width, "time series \(subsystem.name).\(series.info.name)", path)
      }
      try group(subsystem.kpis.map(\.info), "\(Layout.summary)/\(subsystem.name)", path)
      for kpi in subsystem.kpis {
        try rows(kpi.values, count, kpi.info.width, "KPI \(subsystem.name).\(kpi.info.name)", path)
      }
      try checks(subsystem, count, path)
    }
  }

  /// The metrics of one group: unique identifiers, and label axes that agree and do not
  /// collide with a metric or with the `time`, `replication` and `point` dimensions.
  private static func group(_ infos: [MetricInfo], _ where_: String, _ path: String) throws(ResultsError) {
    var names: [String] = []
    var axes: [LabelAxis] = []
    for info in infos {
      try identifier(info.name, "metric in /\(where_)", path)
      guard !Layout.coordinateNames.contains(info.name) else {
        throw .input(path, "/\(where_)/\(info.name) may not be called \(info.name): the group holds the \(info.name) coordinate scale")
      }
      guard !names.contains(info.name) else { throw .input(path, "/\(where_)/\(info.name) appears twice") }
      names.append(info.name)
      try plainText(info.longName, "long name of /\(where_)/\(info.name)", path)
      try plainText(info.units, "units of /\(where_)/\(info.name)", path)
      guard let axis = info.axis else { continue }
      let what = "label axis \(axis.name) of /\(where_)/\(info.name)"
      try identifier(axis.name, what, path)
      guard !Layout.coordinateNames.contains(axis.name) else {
        throw .input(path, "\(what) may not be called \(axis.name): that name is a dimension already")
      }
      guard !axis.labels.isEmpty else { throw .input(path, "\(what) has no labels") }
      for label in axis.labels { try plainText(label, what, path) }
      if let other = axes.first(where: { $0.name == axis.name }), other.labels != axis.labels {
        throw .input(path, "\(what) has labels \(axis.labels), but another metric of /\(where_) uses \(other.labels)")
      }
      axes.append(axis)
    }
    if let clash = axes.first(where: { names.contains($0.name) }) {
      throw .input(path, "/\(where_) has both a metric and a label axis called \(clash.name)")
    }
  }

  private static func checks(_ subsystem: SubsystemResults, _ count: Int, _ path: String) throws(ResultsError) {
    var names: [String] = []
    for check in subsystem.checks {
      let what = "check /\(Layout.checks)/\(subsystem.name)/\(check.name)"
      try identifier(check.name, "check in /\(Layout.checks)/\(subsystem.name)", path)
      guard !names.contains(check.name) else { throw .input(path, "\(what) appears twice") }
      names.append(check.name)
      try plainText(check.longName, "long name of \(what)", path)
      try plainText(check.units, "units of \(what)", path)
      guard [check.entered.count, check.left.count, check.remained.count, check.passed.count].allSatisfy({ $0 == count })
      else { throw .input(path, "\(what) does not have one result per replication (\(count))") }
    }
  }

  private static func rows(_ values: [[Double]], _ count: Int, _ width: Int, _ what: String, _ path: String) throws(ResultsError) {
    guard values.count == count else {
      throw .input(path, "\(what) has \(values.count) replications instead of \(count)")
    }
    if let bad = values.firstIndex(where: { $0.count != width }) {
      throw .input(path, "\(what) has \(values[bad].count) values in replication row \(bad), expected \(width) (sample times × labels)")
    }
  }

  private static func identifier(_ name: String, _ what: String, _ path: String) throws(ResultsError) {
    guard Layout.isIdentifier(name) else {
      throw .input(path, "the name \(String(reflecting: name)) of a \(what) is not an ASCII snake_case identifier")
    }
  }

  private static func plainText(_ text: String, _ what: String, _ path: String) throws(ResultsError) {
    guard !text.utf8.contains(0) else { throw .input(path, "the \(what) contains a NUL character") }
  }
}
