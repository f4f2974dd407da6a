import SimKernel

/// The one writer of DESIGN.md's layout, for run files and sweep files alike: the root
/// attributes, `/scenario`, the coordinate scales, the per-replication tables and the
/// `/timeseries`, `/summary` and `/checks` groups over the file's ``LeadingAxes``
/// (`[point,] replication`, then `time` on series, then a label axis).
///
/// Objects are created in a fixed order from arrays, so the same contents give the same
/// bytes. The order in which chunked datasets close matters too, as HDF5 places a dataset's
/// chunks when it closes: the scales and tables a writer holds across several steps are
/// closed explicitly, in the order of ``Kind`` (the order the run and sweep writers this
/// engine replaced happened to close them in, kept so that files stay byte-identical).
struct LayoutWriter {
  /// Memory growth step of the in-memory file.
  static let coreIncrement = 1 << 20

  let file: H5File
  let axes: LeadingAxes
  let kind: Kind

  /// Run file or sweep file: the notes on unused cells and the closing orders.
  enum Kind {
    case run, sweep

    var notes: UnusedCellNotes { self == .run ? .none : .sweepSlots }
  }

  var notes: UnusedCellNotes { kind.notes }

  /// Builds a file in memory (HDF5's core driver, no backing store), lets `body` write it
  /// and hands back the bytes of the closed file, sealed (``MemoryImage``, ``FileSeal``).
  ///
  /// HDF5 itself never meets a full disk: a failed `H5Fclose` on a real file leaves a
  /// broken identifier that crashed the library's exit handler (seen with 1.10.8 on a full
  /// tmpfs), so all disk I/O is done by ``DurableFile`` with plain system calls and `errno`.
  static func image(label: String, _ body: (H5File) throws(HDF5Failure) -> Void) throws(HDF5Failure) -> [UInt8] {
    let memory = MemoryImage()
    return try withExtendedLifetime(memory) { () throws(HDF5Failure) -> [UInt8] in
      let creation = try H5Create.fileCreationList()
      let access = try H5Create.fileAccessList()
      try HDF5.useMemoryDriver(access, increment: coreIncrement)
      try memory.install(on: access)
      let file = try HDF5.createFile(label, creation: creation, access: access)
      try body(file)
      try file.close()
      return try memory.closedFileBytes()
    }
  }

  // MARK: - Root

  /// The 13 root attributes every ChainSim file starts with, in this order.
  func writeRootAttributes(_ meta: RunMetadata, replications: Int) throws(HDF5Failure) {
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

  /// A scalar text dataset (`/scenario`, `/sweep/definition`) with `units` = "" and a long name.
  func writeText(_ text: String, _ name: String, in parent: H5Handle<some H5LocationID>, longName: String, _ what: String)
    throws(HDF5Failure) -> H5Dataset
  {
    let type = try H5Create.utf8StringType()
    let dataset = try parent.createDataset(name, fileType: type, dims: [], compress: false)
    try dataset.write(strings: [text], what: what)
    try dataset.writeAttribute(Layout.Attribute.units, string: Layout.textUnits)
    try dataset.writeAttribute(Layout.Attribute.longName, string: longName)
    return dataset
  }

  /// A dimensionless table over the index axes (the fingerprint and event count of every
  /// replication), described and attached to `scales`.
  func writeCountTable<T: BitwiseCopyable>(
    _ name: String, _ values: [T], fileType: H5DatatypeID, memoryType: H5DatatypeID, longName: String, _ scales: CoordinateScales
  ) throws(HDF5Failure) -> H5Dataset {
    let what = "/\(name)"
    let dataset = try file.createDataset(name, fileType: fileType, dims: axes.shape, compress: true)
    try dataset.write(values, memoryType: memoryType, what: what)
    try describe(dataset, units: "1", longName: longName + notes.counts, scales, what)
    return dataset
  }

  // MARK: - Coordinates

  /// The coordinate scales of one group (see ``CoordinateScale``): `time` when `time`, then
  /// the first `indexAxes` index axes (all when nil), created before the group's datasets.
  func scales(in group: H5Handle<some H5LocationID>, _ where_: String, time: Bool, indexAxes: Int? = nil) throws(HDF5Failure)
    -> CoordinateScales
  {
    let timeScale = time ? try CoordinateScale.time(in: group, axes.times, unit: axes.timeUnit, "\(where_)/\(Layout.time)") : nil
    var indices: [H5Dataset] = []
    for axis in axes.indices.prefix(indexAxes ?? axes.indices.count) {
      indices.append(try CoordinateScale.index(axis.name, in: group, axis.values, longName: axis.longName, "\(where_)/\(axis.name)"))
    }
    return CoordinateScales(time: timeScale, indices: indices)
  }

  /// `units` and `long_name`, then the index scales attached to the leading axes.
  func describe(_ dataset: H5Dataset, units: String, longName: String, _ scales: CoordinateScales, _ what: String) throws(HDF5Failure) {
    try dataset.writeAttribute(Layout.Attribute.units, string: units)
    try dataset.writeAttribute(Layout.Attribute.longName, string: longName)
    for (axis, scale) in scales.indices.enumerated() { try dataset.attach(scale, axis: axis, what: what) }
  }

  // MARK: - Metrics and checks

  /// `/timeseries/<subsystem>`, `/summary/<subsystem>` and `/checks/<subsystem>` for every
  /// subsystem, each group with its own coordinate scales.
  func writeSubsystems(_ subsystems: [LayoutSubsystem], warmupEnd: Double) throws(HDF5Failure) {
    let timeseries = try file.createGroup(Layout.timeseries)
    let summary = try file.createGroup(Layout.summary)
    let checks = try file.createGroup(Layout.checks)
    let seriesLeading = axes.shape + [axes.times.count]
    for subsystem in subsystems {
      let seriesWhere = "/\(Layout.timeseries)/\(subsystem.name)"
      let seriesGroup = try timeseries.createGroup(subsystem.name)
      let seriesScales = try scales(in: seriesGroup, seriesWhere, time: true)
      var labels = LabelScales(group: seriesGroup)
      for series in subsystem.series {
        try writeMetric(
          series, leading: seriesLeading, in: seriesGroup, labels: &labels, seriesScales,
          "\(seriesWhere)/\(series.info.name)", warmupEnd: warmupEnd)
      }
      let summaryWhere = "/\(Layout.summary)/\(subsystem.name)"
      let summaryGroup = try summary.createGroup(subsystem.name)
      let summaryScales = try scales(in: summaryGroup, summaryWhere, time: false)
      labels = LabelScales(group: summaryGroup)
      for kpi in subsystem.kpis {
        try writeMetric(kpi, leading: axes.shape, in: summaryGroup, labels: &labels, summaryScales, "\(summaryWhere)/\(kpi.info.name)")
      }
      let checkGroup = try checks.createGroup(subsystem.name)
      for check in subsystem.checks {
        try writeCheck(check, in: checkGroup, "/\(Layout.checks)/\(subsystem.name)/\(check.name)")
      }
      switch kind {
      case .run:
        try close(seriesScales.indices + summaryScales.indices + [seriesScales.time])
      case .sweep:
        try close([seriesScales.time] + seriesScales.indices.reversed() + summaryScales.indices.reversed())
      }
    }
  }

  /// Closes the root's coordinate scales and count tables, once everything else is written.
  func closeRoot(_ scales: CoordinateScales, fingerprints: H5Dataset, events: H5Dataset) throws(HDF5Failure) {
    switch kind {
    case .run: try close([fingerprints] + scales.indices + [scales.time, events])
    case .sweep: try close([events] + scales.indices.reversed() + [fingerprints, scales.time])
    }
  }

  /// Closes `datasets` in this order.
  func close(_ datasets: [H5Dataset?]) throws(HDF5Failure) {
    for dataset in datasets { try dataset?.close() }
  }

  /// A float64 dataset of `leading + [width if labelled]`, with units, long name, better,
  /// valid_min and warmup_end, and its scales attached: the index axes, then time (series),
  /// then the label axis.
  private func writeMetric(
    _ metric: LayoutSubsystem.Metric, leading: [Int], in group: H5Group, labels: inout LabelScales, _ scales: CoordinateScales,
    _ what: String, warmupEnd: Double? = nil
  ) throws(HDF5Failure) {
    let info = metric.info
    let dims = leading + (info.axis.map { [$0.labels.count] } ?? [])
    let dataset = try group.createDataset(info.name, fileType: HDF5.float64LE, dims: dims, compress: true)
    try dataset.write(metric.values, memoryType: HDF5.nativeDouble, what: what)
    try dataset.writeAttribute(Layout.Attribute.units, string: info.units)
    try dataset.writeAttribute(Layout.Attribute.longName, string: info.longName)
    try dataset.writeAttribute(Layout.Attribute.better, string: info.better.rawValue)
    if let validMin = info.validMin { try dataset.writeAttribute(Layout.Attribute.validMin, double: validMin) }
    if let warmupEnd {
      // Series keep the warm-up period; samples at times before this are flagged by it.
      try dataset.writeAttribute(Layout.Attribute.warmupEnd, double: warmupEnd)
    }
    for (axis, scale) in scales.indices.enumerated() { try dataset.attach(scale, axis: axis, what: what) }
    if leading.count > scales.indices.count, let time = scales.time {
      try dataset.attach(time, axis: scales.indices.count, what: what)
    }
    if let axis = info.axis {
      try dataset.attach(try labels.scale(for: axis), axis: leading.count, what: what)
    }
  }

  /// A group per check: `passed` (every used cell), units and long name as attributes;
  /// entered, left, remained and passed per cell as datasets.
  private func writeCheck(_ check: LayoutSubsystem.Check, in parent: H5Group, _ what: String) throws(HDF5Failure) {
    let group = try parent.createGroup(check.name)
    let checkScales = try scales(in: group, what, time: false)
    try group.writeAttribute(Layout.Attribute.passed, bool: !check.passed.contains(false))
    try group.writeAttribute(Layout.Attribute.units, string: check.units)
    try group.writeAttribute(Layout.Attribute.longName, string: check.longName)
    let parts = [(Layout.Check.entered, check.entered), (Layout.Check.left, check.left), (Layout.Check.remained, check.remained)]
    for (name, values) in parts {
      let dataset = try group.createDataset(name, fileType: HDF5.float64LE, dims: axes.shape, compress: true)
      try dataset.write(values, memoryType: HDF5.nativeDouble, what: "\(what)/\(name)")
      try describe(dataset, units: check.units, longName: "\(check.longName) \(name)", checkScales, "\(what)/\(name)")
    }
    let bool = try H5Create.boolType()
    let passed = try group.createDataset(Layout.Check.passed, fileType: bool, dims: axes.shape, compress: true)
    try passed.write(check.passed.map { Int8($0 ? 1 : 0) }, memoryType: bool, what: "\(what)/passed")
    try describe(passed, units: "1", longName: "balance holds in the replication" + notes.passed, checkScales, "\(what)/passed")
    switch kind {
    case .run: try close(checkScales.indices + [passed])
    case .sweep: try close([passed] + checkScales.indices)
    }
  }
}

/// The coordinate scales of one group: `time` (on series groups) and the index scales.
struct CoordinateScales {
  /// The `time` scale, if the group has one.
  let time: H5Dataset?
  /// The index scales, outermost first.
  let indices: [H5Dataset]
}

/// The string label scales of one subsystem group, created on first use, in use order.
struct LabelScales {
  let group: H5Group
  private var made: [(name: String, scale: H5Dataset)] = []

  init(group: H5Group) { self.group = group }

  mutating func scale(for axis: LabelAxis) throws(HDF5Failure) -> H5Dataset {
    if let existing = made.first(where: { $0.name == axis.name }) { return existing.scale }
    let scale = try CoordinateScale.labels(axis, in: group)
    made.append((axis.name, scale))
    return scale
  }
}
