import SimKernel

/// Builds the bytes of a sweep file with the ``LayoutWriter``: the run layout with a leading
/// `point` axis (unused replication slots hold NaN, 0 and true) and a `/sweep` parameter
/// table. Objects are created in a fixed order from arrays, so the same sweep gives the same
/// bytes.
enum SweepFileWriter {
  static func image(of sweep: SweepResults, label: String) throws(HDF5Failure) -> [UInt8] {
    try LayoutWriter.image(label: label) { (file) throws(HDF5Failure) in
      let meta = sweep.metadata
      let layout = LayoutWriter(file: file, axes: .sweep(points: sweep.points, meta), kind: .sweep)
      try layout.writeRootAttributes(meta, replications: meta.replications)
      try file.writeAttribute(SweepLayout.Root.sweepSHA256, string: sweep.sweepSHA256)
      try file.writeAttribute(SweepLayout.Root.points, int64: Int64(sweep.points.count))
      try file.writeAttribute(SweepLayout.Root.design, string: sweep.design)
      let scenario = try layout.writeText(
        meta.scenarioText, Layout.scenario, in: file, longName: "resolved base scenario (YAML), before the sweep's parameters", "/scenario")
      let scales = try layout.scales(in: file, "", time: true)
      let cells = sweep.cells.flatMap { $0 }
      let fingerprints = try layout.writeCountTable(
        Layout.replicationFingerprint, cells.map { $0?.fingerprint ?? 0 }, fileType: HDF5.uint64LE, memoryType: HDF5.nativeUInt64,
        longName: "event-trajectory fingerprint of the replication", scales)
      let events = try layout.writeCountTable(
        Layout.replicationEvents, cells.map { Int64($0?.events ?? 0) }, fileType: HDF5.int64LE, memoryType: HDF5.nativeInt64,
        longName: "events executed in the replication", scales)
      try writeParameterTable(sweep, layout)
      if let template = cells.compactMap({ $0 }).first {
        try layout.writeSubsystems(subsystems(sweep, template: template), warmupEnd: meta.warmup)
      }
      try layout.closeRoot(scales, fingerprints: fingerprints, events: events)
      withExtendedLifetime(scenario) {}
    }
  }

  /// `/sweep`: the definition, the replications used and scenario hash per point, and one
  /// dataset per parameter over `point`.
  private static func writeParameterTable(_ sweep: SweepResults, _ layout: LayoutWriter) throws(HDF5Failure) {
    let rows = sweep.points.count
    let group = try layout.file.createGroup(SweepLayout.sweep)
    try group.writeAttribute(SweepLayout.Root.design, string: sweep.design)
    try group.writeAttribute(SweepLayout.Root.sweepSHA256, string: sweep.sweepSHA256)
    let scales = try layout.scales(in: group, "/\(SweepLayout.sweep)", time: false, indexAxes: 1)
    guard let point = scales.indices.first else { return }
    let text = try H5Create.utf8StringType()
    let definition = try layout.writeText(
      sweep.definitionText, SweepLayout.definition, in: group, longName: "the sweep file (canonical YAML)", "/sweep/definition")
    for p in sweep.parameters {
      let what = "/sweep/\(p.name)"
      let dataset: H5Dataset
      if let numbers = p.numbers {
        dataset = try group.createDataset(p.name, fileType: HDF5.float64LE, dims: [rows], compress: true)
        try dataset.write(numbers, memoryType: HDF5.nativeDouble, what: what)
      } else {
        dataset = try group.createDataset(p.name, fileType: text, dims: [rows], compress: false)
        try dataset.write(strings: p.texts, what: what)
      }
      try dataset.writeAttribute(Layout.Attribute.units, string: p.units)
      try dataset.writeAttribute(Layout.Attribute.longName, string: "sweep parameter \(p.name)")
      try dataset.writeAttribute("key_paths", string: p.keyPaths.joined(separator: "; "))
      if p.numbers != nil {
        try dataset.writeAttribute("scenario_values", string: p.texts.joined(separator: "; "))
      }
      try dataset.attach(point, axis: 0, what: what)
    }
    let used = try group.createDataset(SweepLayout.replicationsUsed, fileType: HDF5.int64LE, dims: [rows], compress: true)
    try used.write(sweep.replicationsUsed.map { Int64($0) }, memoryType: HDF5.nativeInt64, what: "/sweep/replications_used")
    try layout.describe(
      used, units: "1", longName: "replications run at the point (later slots are NaN)", scales, "/sweep/replications_used")
    let hashes = try group.createDataset(SweepLayout.scenarioSHA256, fileType: text, dims: [rows], compress: false)
    try hashes.write(strings: sweep.pointScenarioSHA256, what: "/sweep/scenario_sha256")
    try layout.describe(
      hashes, units: Layout.textUnits, longName: "SHA-256 of the point's resolved scenario", scales, "/sweep/scenario_sha256")
    try layout.close([used, point])
    withExtendedLifetime((text, definition, hashes)) {}
  }

  /// Every subsystem of the template laid out flat over `[point, replication]`, unused slots
  /// filled with NaN (and `passed` true).
  private static func subsystems(_ sweep: SweepResults, template: ReplicationOutput) -> [LayoutSubsystem] {
    let times = sweep.metadata.sampleTimes.count
    let cells = sweep.cells.flatMap { $0 }
    return template.subsystems.enumerated().map { s, sub in
      LayoutSubsystem(
        name: sub.name,
        series: sub.series.enumerated().map { m, series in
          let width = times * series.info.width
          return LayoutSubsystem.Metric(
            info: series.info, values: cells.flatMap { $0?.subsystems[s].series[m].values ?? Array(repeating: .nan, count: width) })
        },
        kpis: sub.kpis.enumerated().map { k, kpi in
          LayoutSubsystem.Metric(
            info: kpi.info, values: cells.flatMap { $0?.subsystems[s].kpis[k].values ?? Array(repeating: .nan, count: kpi.info.width) })
        },
        checks: sub.checks.enumerated().map { c, check in
          let outputs = cells.map { $0?.subsystems[s].checks[c] }
          return LayoutSubsystem.Check(
            name: check.name, longName: check.longName, units: check.units, entered: outputs.map { $0?.entered ?? .nan },
            left: outputs.map { $0?.left ?? .nan }, remained: outputs.map { $0?.remained ?? .nan },
            passed: outputs.map { $0?.passed ?? true })
        })
    }
  }
}
