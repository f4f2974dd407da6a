import CChainSimShims
import CHDF5
import SimKernel

/// Builds the bytes of an HDF5 file in DESIGN.md's layout from validated contents. Every
/// object is created in a fixed order from arrays, so the same contents give the same bytes.
///
/// The file is built in memory (HDF5's core driver, no backing store) and handed back as
/// bytes: HDF5 itself never meets a full disk. A failed `H5Fclose` on a real file leaves a
/// broken identifier that crashed the library's exit handler (seen with 1.10.8 on a full
/// tmpfs), so all disk I/O is done by ``DurableFile`` with plain system calls and `errno`.
enum FileWriter {
  /// Memory growth step of the in-memory file.
  static let coreIncrement = 1 << 20

  static func image(of contents: ResultsContents, label: String) throws(HDF5Failure) -> [UInt8] {
    let memory = MemoryImage()
    return try withExtendedLifetime(memory) { () throws(HDF5Failure) -> [UInt8] in
      let creation = try H5Create.fileCreationList()
      let access = try H5Create.fileAccessList()
      try HDF5.check(H5Pset_fapl_core(access.raw, coreIncrement, false), "build the file in memory")
      try memory.install(on: access)
      let file = try HDF5.handle(H5Fcreate(label, cs_H5F_ACC_TRUNC(), creation.raw, access.raw), .file, "create the file")
      try writeBody(contents, into: file)
      try file.close()
      return try memory.closedFileBytes()
    }
  }

  private static func writeBody(_ contents: ResultsContents, into file: H5Handle) throws(HDF5Failure) {
    try writeRootAttributes(contents.metadata, replications: contents.replications.count, file)
    let meta = contents.metadata
    let text = try H5Create.utf8StringType()
    let scenario = try file.createDataset(Layout.scenario, fileType: text.raw, dims: [], compress: false)
    try scenario.write(strings: [meta.scenarioText], what: "/scenario")
    try scenario.writeAttribute(Layout.Attribute.units, string: Layout.textUnits)
    try scenario.writeAttribute(Layout.Attribute.longName, string: "resolved scenario (YAML)")

    let rows = contents.replications.count
    let indices = contents.replications.map { Int64($0) }
    let scales = try Scales(in: file, "", indices, meta, withTime: true)
    let fingerprints = try file.createDataset(Layout.replicationFingerprint, fileType: cs_H5T_STD_U64LE(), dims: [rows], compress: true)
    try fingerprints.write(contents.replicationFingerprints, memoryType: cs_H5T_NATIVE_UINT64(), what: "/replication_fingerprint")
    try describe(fingerprints, units: "1", longName: "event-trajectory fingerprint of the replication", scales, "/replication_fingerprint")
    let events = try file.createDataset(Layout.replicationEvents, fileType: cs_H5T_STD_I64LE(), dims: [rows], compress: true)
    try events.write(contents.replicationEvents.map { Int64($0) }, memoryType: cs_H5T_NATIVE_INT64(), what: "/replication_events")
    try describe(events, units: "1", longName: "events executed in the replication", scales, "/replication_events")

    let timeseries = try file.createGroup(Layout.timeseries)
    let summary = try file.createGroup(Layout.summary)
    let checks = try file.createGroup(Layout.checks)
    for subsystem in contents.subsystems {
      let seriesWhere = "/\(Layout.timeseries)/\(subsystem.name)"
      let seriesGroup = try timeseries.createGroup(subsystem.name)
      let seriesScales = try Scales(in: seriesGroup, seriesWhere, indices, meta, withTime: true)
      var labelScales = LabelScales(group: seriesGroup)
      for series in subsystem.series {
        try writeMetric(series.info, series.values, leading: [rows, meta.sampleTimes.count], in: seriesGroup,
          labels: &labelScales, seriesScales, "\(seriesWhere)/\(series.info.name)", warmupEnd: meta.warmup)
      }
      let summaryWhere = "/\(Layout.summary)/\(subsystem.name)"
      let summaryGroup = try summary.createGroup(subsystem.name)
      let summaryScales = try Scales(in: summaryGroup, summaryWhere, indices, meta, withTime: false)
      labelScales = LabelScales(group: summaryGroup)
      for kpi in subsystem.kpis {
        try writeMetric(kpi.info, kpi.values, leading: [rows], in: summaryGroup,
          labels: &labelScales, summaryScales, "\(summaryWhere)/\(kpi.info.name)")
      }
      let checkGroup = try checks.createGroup(subsystem.name)
      for check in subsystem.checks {
        try writeCheck(check, in: checkGroup, indices, meta, "/\(Layout.checks)/\(subsystem.name)/\(check.name)")
      }
    }
    try TraceWriter.write(contents.traces, into: file)
  }

  /// The root attributes every ChainSim file starts with (run and sweep files alike, in this order).
  static func writeRootAttributes(_ meta: RunMetadata, replications: Int, _ file: H5Handle) throws(HDF5Failure) {
    try file.writeAttribute(Layout.Root.format, string: Layout.format)
    try file.writeAttribute(Layout.Root.formatVersion, int64: Int64(Layout.formatVersion))
    try file.writeAttribute(Layout.Root.softwareVersion, string: meta.softwareVersion)
    try file.writeAttribute(Layout.Root.scenarioName, string: meta.scenarioName)
    try file.writeAttribute(Layout.Root.scenarioSHA256, string: meta.scenarioSHA256)
    try file.writeAttribute(Layout.Root.seed, uint64: meta.seed)
    try file.writeAttribute(Layout.Root.streamScheme, string: meta.streamScheme)
    try file.writeAttribute(Layout.Root.replications, int64: Int64(replications))
    try file.writeAttribute(Layout.Root.horizon, double: meta.horizon)
    try file.writeAttribute(Layout.Root.warmup, double: meta.warmup)
    try file.writeAttribute(Layout.Root.timeUnit, string: meta.timeUnit)
    try file.writeAttribute(Layout.Root.sampleInterval, double: meta.sampleInterval)
    try file.writeAttribute(Layout.Root.fingerprint, string: meta.fingerprint)
  }

  /// A float64 dataset of `leading + [width if labelled]`, with units, long name, better
  /// and its scales attached: replication, then time (series), then the label axis.
  private static func writeMetric(
    _ info: MetricInfo, _ values: [[Double]], leading: [Int], in group: H5Handle,
    labels: inout LabelScales, _ scales: Scales, _ what: String, warmupEnd: Double? = nil
  ) throws(HDF5Failure) {
    let dims = leading + (info.axis.map { [$0.labels.count] } ?? [])
    let dataset = try group.createDataset(info.name, fileType: cs_H5T_IEEE_F64LE(), dims: dims, compress: true)
    try dataset.write(values.flatMap { $0 }, memoryType: cs_H5T_NATIVE_DOUBLE(), what: what)
    try dataset.writeAttribute(Layout.Attribute.units, string: info.units)
    try dataset.writeAttribute(Layout.Attribute.longName, string: info.longName)
    try dataset.writeAttribute(Layout.Attribute.better, string: info.better.rawValue)
    if let validMin = info.validMin { try dataset.writeAttribute(Layout.Attribute.validMin, double: validMin) }
    if let warmupEnd {
      // Series keep the warm-up period; samples at times before this are flagged by it.
      try dataset.writeAttribute(Layout.Attribute.warmupEnd, double: warmupEnd)
    }
    try dataset.attach(scales.replication, axis: 0, what: what)
    if leading.count > 1, let time = scales.time { try dataset.attach(time, axis: 1, what: what) }
    if let axis = info.axis {
      try dataset.attach(try labels.scale(for: axis), axis: leading.count, what: what)
    }
  }

  /// A group per check: `passed` (all replications), units and long name as attributes;
  /// entered, left, remained and passed per replication as datasets.
  private static func writeCheck(
    _ check: CheckResults, in parent: H5Handle, _ indices: [Int64], _ meta: RunMetadata, _ what: String
  ) throws(HDF5Failure) {
    let rows = check.passed.count
    let group = try parent.createGroup(check.name)
    let scales = try Scales(in: group, what, indices, meta, withTime: false)
    try group.writeAttribute(Layout.Attribute.passed, bool: check.allPassed)
    try group.writeAttribute(Layout.Attribute.units, string: check.units)
    try group.writeAttribute(Layout.Attribute.longName, string: check.longName)
    let parts = [(Layout.Check.entered, check.entered), (Layout.Check.left, check.left), (Layout.Check.remained, check.remained)]
    for (name, values) in parts {
      let dataset = try group.createDataset(name, fileType: cs_H5T_IEEE_F64LE(), dims: [rows], compress: true)
      try dataset.write(values, memoryType: cs_H5T_NATIVE_DOUBLE(), what: "\(what)/\(name)")
      try describe(dataset, units: check.units, longName: "\(check.longName) \(name)", scales, "\(what)/\(name)")
    }
    let bool = try H5Create.boolType()
    let passed = try group.createDataset(Layout.Check.passed, fileType: bool.raw, dims: [rows], compress: true)
    try passed.write(check.passed.map { Int8($0 ? 1 : 0) }, memoryType: bool.raw, what: "\(what)/passed")
    try describe(passed, units: "1", longName: "balance holds in the replication", scales, "\(what)/passed")
  }

  private static func describe(_ dataset: H5Handle, units: String, longName: String, _ scales: Scales, _ what: String) throws(HDF5Failure) {
    try dataset.writeAttribute(Layout.Attribute.units, string: units)
    try dataset.writeAttribute(Layout.Attribute.longName, string: longName)
    try dataset.attach(scales.replication, axis: 0, what: what)
  }

  /// The `replication` (and `time`) coordinate scales of one group: the root's, or a
  /// group's own copies (see ``CoordinateScale``), created before the group's datasets.
  private struct Scales {
    let time: H5Handle?
    let replication: H5Handle

    init(in group: H5Handle, _ where_: String, _ indices: [Int64], _ meta: RunMetadata, withTime: Bool) throws(HDF5Failure) {
      time = withTime ? try CoordinateScale.time(in: group, meta.sampleTimes, unit: meta.timeUnit, "\(where_)/\(Layout.time)") : nil
      replication = try CoordinateScale.index(
        Layout.replication, in: group, indices, longName: "replication index", "\(where_)/\(Layout.replication)")
    }
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
