import SimKernel

/// Builds the bytes of a run file from validated contents with the ``LayoutWriter``: the
/// layout over `[replication]`, plus the entity traces.
enum FileWriter {
  static func image(of contents: ResultsContents, label: String) throws(HDF5Failure) -> [UInt8] {
    try LayoutWriter.image(label: label) { (file) throws(HDF5Failure) in
      let meta = contents.metadata
      let layout = LayoutWriter(
        file: file, axes: .run(replications: contents.replications, meta), kind: .run)
      try layout.writeRootAttributes(meta, replications: contents.replications.count)
      let scenario = try layout.writeText(meta.scenarioText, Layout.scenario, in: file, longName: "resolved scenario (YAML)", "/scenario")
      let scales = try layout.scales(in: file, "", time: true)
      let fingerprints = try layout.writeCountTable(
        Layout.replicationFingerprint, contents.replicationFingerprints, fileType: HDF5.uint64LE, memoryType: HDF5.nativeUInt64,
        longName: "event-trajectory fingerprint of the replication", scales)
      let events = try layout.writeCountTable(
        Layout.replicationEvents, contents.replicationEvents.map { Int64($0) }, fileType: HDF5.int64LE, memoryType: HDF5.nativeInt64,
        longName: "events executed in the replication", scales)
      try layout.writeSubsystems(contents.subsystems.map(layoutSubsystem), warmupEnd: meta.warmup)
      try TraceWriter.write(contents.traces, into: file)
      try layout.closeRoot(scales, fingerprints: fingerprints, events: events)
      withExtendedLifetime(scenario) {}
    }
  }

  /// A subsystem's per-replication rows laid out flat over `[replication]`.
  private static func layoutSubsystem(_ subsystem: SubsystemResults) -> LayoutSubsystem {
    LayoutSubsystem(
      name: subsystem.name,
      series: subsystem.series.map { LayoutSubsystem.Metric(info: $0.info, values: $0.values.flatMap { $0 }) },
      kpis: subsystem.kpis.map { LayoutSubsystem.Metric(info: $0.info, values: $0.values.flatMap { $0 }) },
      checks: subsystem.checks.map {
        LayoutSubsystem.Check(
          name: $0.name, longName: $0.longName, units: $0.units, entered: $0.entered, left: $0.left, remained: $0.remained,
          passed: $0.passed)
      })
  }
}
