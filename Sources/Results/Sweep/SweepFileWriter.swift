import CChainSimShims
import CHDF5
import SimKernel

/// Builds the bytes of a sweep file: the run layout with a leading `point` dimension and a
/// `/sweep` parameter table. Objects are created in a fixed order from arrays, so the same
/// sweep gives the same bytes.
enum SweepFileWriter {
  static func image(of sweep: SweepResults, label: String) throws(HDF5Failure) -> [UInt8] {
    let memory = MemoryImage()
    return try withExtendedLifetime(memory) { () throws(HDF5Failure) -> [UInt8] in
      let creation = try H5Create.fileCreationList()
      let access = try H5Create.fileAccessList()
      try HDF5.check(H5Pset_fapl_core(access.raw, FileWriter.coreIncrement, false), "build the file in memory")
      try memory.install(on: access)
      let file = try HDF5.handle(H5Fcreate(label, cs_H5F_ACC_TRUNC(), creation.raw, access.raw), .file, "create the file")
      try writeBody(sweep, into: file)
      try file.close()
      return try memory.closedFileBytes()
    }
  }

  /// The `point`, `replication` (and `time`) coordinate scales of one group: the root's, or
  /// a group's own copies (see ``CoordinateScale``), created before the group's datasets.
  private struct Scales {
    let point: H5Handle
    let replication: H5Handle?
    let time: H5Handle?

    init(in group: H5Handle, _ where_: String, _ sweep: SweepResults, replication withReplication: Bool = true, time withTime: Bool) throws(HDF5Failure) {
      let meta = sweep.metadata
      time = withTime ? try CoordinateScale.time(in: group, meta.sampleTimes, unit: meta.timeUnit, "\(where_)/\(Layout.time)") : nil
      point = try CoordinateScale.index(
        SweepLayout.point, in: group, sweep.points.map { Int64($0) }, longName: "sweep point index (parameters in /sweep)",
        "\(where_)/\(SweepLayout.point)")
      replication = withReplication
        ? try CoordinateScale.index(
          Layout.replication, in: group, (0..<meta.replications).map { Int64($0) }, longName: "replication index",
          "\(where_)/\(Layout.replication)")
        : nil
    }
  }

  private static func writeBody(_ sweep: SweepResults, into file: H5Handle) throws(HDF5Failure) {
    let meta = sweep.metadata
    try writeRootAttributes(sweep, file)
    let text = try H5Create.utf8StringType()
    let scenario = try file.createDataset(Layout.scenario, fileType: text.raw, dims: [], compress: false)
    try scenario.write(strings: [meta.scenarioText], what: "/scenario")
    try scenario.writeAttribute(Layout.Attribute.units, string: Layout.textUnits)
    try scenario.writeAttribute(Layout.Attribute.longName, string: "resolved base scenario (YAML), before the sweep's parameters")

    let rows = sweep.points.count, slots = meta.replications
    let scales = try Scales(in: file, "", sweep, time: true)

    let cells = sweep.cells.flatMap { $0 }
    let fingerprints = try file.createDataset(Layout.replicationFingerprint, fileType: cs_H5T_STD_U64LE(), dims: [rows, slots], compress: true)
    try fingerprints.write(cells.map { $0?.fingerprint ?? 0 }, memoryType: cs_H5T_NATIVE_UINT64(), what: "/replication_fingerprint")
    try describe(fingerprints, units: "1", longName: "event-trajectory fingerprint of the replication (0: slot unused)", scales)
    let events = try file.createDataset(Layout.replicationEvents, fileType: cs_H5T_STD_I64LE(), dims: [rows, slots], compress: true)
    try events.write(cells.map { Int64($0?.events ?? 0) }, memoryType: cs_H5T_NATIVE_INT64(), what: "/replication_events")
    try describe(events, units: "1", longName: "events executed in the replication (0: slot unused)", scales)

    try writeParameterTable(sweep, file)
    guard let template = cells.compactMap({ $0 }).first else { return }
    try writeMetrics(sweep, template: template, file)
  }

  private static func writeRootAttributes(_ sweep: SweepResults, _ file: H5Handle) throws(HDF5Failure) {
    try FileWriter.writeRootAttributes(sweep.metadata, replications: sweep.metadata.replications, file)
    try file.writeAttribute(SweepLayout.Root.sweepSHA256, string: sweep.sweepSHA256)
    try file.writeAttribute(SweepLayout.Root.points, int64: Int64(sweep.points.count))
    try file.writeAttribute(SweepLayout.Root.design, string: sweep.design)
  }

  /// `/sweep`: the definition, the replications used and scenario hash per point, and one
  /// dataset per parameter over `point`.
  private static func writeParameterTable(_ sweep: SweepResults, _ file: H5Handle) throws(HDF5Failure) {
    let rows = sweep.points.count
    let group = try file.createGroup(SweepLayout.sweep)
    try group.writeAttribute(SweepLayout.Root.design, string: sweep.design)
    try group.writeAttribute(SweepLayout.Root.sweepSHA256, string: sweep.sweepSHA256)
    let scales = try Scales(in: group, "/\(SweepLayout.sweep)", sweep, replication: false, time: false)
    let text = try H5Create.utf8StringType()
    let definition = try group.createDataset(SweepLayout.definition, fileType: text.raw, dims: [], compress: false)
    try definition.write(strings: [sweep.definitionText], what: "/sweep/definition")
    try definition.writeAttribute(Layout.Attribute.units, string: Layout.textUnits)
    try definition.writeAttribute(Layout.Attribute.longName, string: "the sweep file (canonical YAML)")
    for p in sweep.parameters {
      let what = "/sweep/\(p.name)"
      let dataset: H5Handle
      if let numbers = p.numbers {
        dataset = try group.createDataset(p.name, fileType: cs_H5T_IEEE_F64LE(), dims: [rows], compress: true)
        try dataset.write(numbers, memoryType: cs_H5T_NATIVE_DOUBLE(), what: what)
      } else {
        dataset = try group.createDataset(p.name, fileType: text.raw, dims: [rows], compress: false)
        try dataset.write(strings: p.texts, what: what)
      }
      try dataset.writeAttribute(Layout.Attribute.units, string: p.units)
      try dataset.writeAttribute(Layout.Attribute.longName, string: "sweep parameter \(p.name)")
      try dataset.writeAttribute("key_paths", string: p.keyPaths.joined(separator: "; "))
      if p.numbers != nil {
        try dataset.writeAttribute("scenario_values", string: p.texts.joined(separator: "; "))
      }
      try dataset.attach(scales.point, axis: 0, what: what)
    }
    let used = try group.createDataset(SweepLayout.replicationsUsed, fileType: cs_H5T_STD_I64LE(), dims: [rows], compress: true)
    try used.write(sweep.replicationsUsed.map { Int64($0) }, memoryType: cs_H5T_NATIVE_INT64(), what: "/sweep/replications_used")
    try used.writeAttribute(Layout.Attribute.units, string: "1")
    try used.writeAttribute(Layout.Attribute.longName, string: "replications run at the point (later slots are NaN)")
    try used.attach(scales.point, axis: 0, what: "/sweep/replications_used")
    let hashes = try group.createDataset(SweepLayout.scenarioSHA256, fileType: text.raw, dims: [rows], compress: false)
    try hashes.write(strings: sweep.pointScenarioSHA256, what: "/sweep/scenario_sha256")
    try hashes.writeAttribute(Layout.Attribute.units, string: Layout.textUnits)
    try hashes.writeAttribute(Layout.Attribute.longName, string: "SHA-256 of the point's resolved scenario")
    try hashes.attach(scales.point, axis: 0, what: "/sweep/scenario_sha256")
  }

  private static func writeMetrics(_ sweep: SweepResults, template: ReplicationOutput, _ file: H5Handle) throws(HDF5Failure) {
    let meta = sweep.metadata
    let rows = sweep.points.count, slots = meta.replications, times = meta.sampleTimes.count
    let cells = sweep.cells.flatMap { $0 }
    let timeseries = try file.createGroup(Layout.timeseries)
    let summary = try file.createGroup(Layout.summary)
    let checks = try file.createGroup(Layout.checks)
    for (s, sub) in template.subsystems.enumerated() {
      let seriesWhere = "/\(Layout.timeseries)/\(sub.name)"
      let seriesGroup = try timeseries.createGroup(sub.name)
      let seriesScales = try Scales(in: seriesGroup, seriesWhere, sweep, time: true)
      var labels = LabelScales(group: seriesGroup)
      for (m, series) in sub.series.enumerated() {
        let width = times * series.info.width
        let values = cells.flatMap { $0?.subsystems[s].series[m].values ?? Array(repeating: .nan, count: width) }
        try writeMetric(series.info, values, leading: [rows, slots, times], in: seriesGroup, labels: &labels, seriesScales,
                        "\(seriesWhere)/\(series.info.name)", warmupEnd: meta.warmup)
      }
      let summaryWhere = "/\(Layout.summary)/\(sub.name)"
      let summaryGroup = try summary.createGroup(sub.name)
      let summaryScales = try Scales(in: summaryGroup, summaryWhere, sweep, time: false)
      labels = LabelScales(group: summaryGroup)
      for (k, kpi) in sub.kpis.enumerated() {
        let values = cells.flatMap { $0?.subsystems[s].kpis[k].values ?? Array(repeating: .nan, count: kpi.info.width) }
        try writeMetric(kpi.info, values, leading: [rows, slots], in: summaryGroup, labels: &labels, summaryScales,
                        "\(summaryWhere)/\(kpi.info.name)")
      }
      let checkGroup = try checks.createGroup(sub.name)
      for (c, check) in sub.checks.enumerated() {
        let outputs = cells.map { $0?.subsystems[s].checks[c] }
        try writeCheck(check, outputs, rows: rows, slots: slots, in: checkGroup, sweep, "/checks/\(sub.name)/\(check.name)")
      }
    }
  }

  private static func writeMetric(
    _ info: MetricInfo, _ values: [Double], leading: [Int], in group: H5Handle,
    labels: inout LabelScales, _ scales: Scales, _ what: String, warmupEnd: Double? = nil
  ) throws(HDF5Failure) {
    let dims = leading + (info.axis.map { [$0.labels.count] } ?? [])
    let dataset = try group.createDataset(info.name, fileType: cs_H5T_IEEE_F64LE(), dims: dims, compress: true)
    try dataset.write(values, memoryType: cs_H5T_NATIVE_DOUBLE(), what: what)
    try dataset.writeAttribute(Layout.Attribute.units, string: info.units)
    try dataset.writeAttribute(Layout.Attribute.longName, string: info.longName)
    try dataset.writeAttribute(Layout.Attribute.better, string: info.better.rawValue)
    if let validMin = info.validMin { try dataset.writeAttribute(Layout.Attribute.validMin, double: validMin) }
    if let warmupEnd { try dataset.writeAttribute(Layout.Attribute.warmupEnd, double: warmupEnd) }
    try dataset.attach(scales.point, axis: 0, what: what)
    if let replication = scales.replication { try dataset.attach(replication, axis: 1, what: what) }
    if leading.count > 2, let time = scales.time { try dataset.attach(time, axis: 2, what: what) }
    if let axis = info.axis { try dataset.attach(try labels.scale(for: axis), axis: leading.count, what: what) }
  }

  /// A group per check: `passed` over every used slot; entered, left, remained (NaN in
  /// unused slots) and passed (true in unused slots) per point and replication.
  private static func writeCheck(
    _ check: CheckOutput, _ outputs: [CheckOutput?], rows: Int, slots: Int, in parent: H5Handle,
    _ sweep: SweepResults, _ what: String
  ) throws(HDF5Failure) {
    let group = try parent.createGroup(check.name)
    let scales = try Scales(in: group, what, sweep, time: false)
    try group.writeAttribute(Layout.Attribute.passed, bool: outputs.allSatisfy { $0?.passed ?? true })
    try group.writeAttribute(Layout.Attribute.units, string: check.units)
    try group.writeAttribute(Layout.Attribute.longName, string: check.longName)
    let parts: [(String, [Double])] = [
      (Layout.Check.entered, outputs.map { $0?.entered ?? .nan }), (Layout.Check.left, outputs.map { $0?.left ?? .nan }),
      (Layout.Check.remained, outputs.map { $0?.remained ?? .nan }),
    ]
    for (name, values) in parts {
      let dataset = try group.createDataset(name, fileType: cs_H5T_IEEE_F64LE(), dims: [rows, slots], compress: true)
      try dataset.write(values, memoryType: cs_H5T_NATIVE_DOUBLE(), what: "\(what)/\(name)")
      try describe(dataset, units: check.units, longName: "\(check.longName) \(name)", scales)
    }
    let bool = try H5Create.boolType()
    let passed = try group.createDataset(Layout.Check.passed, fileType: bool.raw, dims: [rows, slots], compress: true)
    try passed.write(outputs.map { Int8(($0?.passed ?? true) ? 1 : 0) }, memoryType: bool.raw, what: "\(what)/passed")
    try describe(passed, units: "1", longName: "balance holds in the replication (true in unused slots)", scales)
  }

  private static func describe(_ dataset: H5Handle, units: String, longName: String, _ scales: Scales) throws(HDF5Failure) {
    try dataset.writeAttribute(Layout.Attribute.units, string: units)
    try dataset.writeAttribute(Layout.Attribute.longName, string: longName)
    try dataset.attach(scales.point, axis: 0, what: longName)
    if let replication = scales.replication { try dataset.attach(replication, axis: 1, what: longName) }
  }

  /// The string label scales of one subsystem group, created on first use, in use order.
  private struct LabelScales {
    let group: H5Handle
    private var made: [(name: String, scale: H5Handle)] = []
    init(group: H5Handle) { self.group = group }

    mutating func scale(for axis: LabelAxis) throws(HDF5Failure) -> H5Handle {
      if let existing = made.first(where: { $0.name == axis.name }) { return existing.scale }
      let scale = try CoordinateScale.labels(axis, in: group)
      made.append((axis.name, scale))
      return scale
    }
  }
}
