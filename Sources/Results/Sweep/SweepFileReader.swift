import CHDF5
import Foundation
import SimKernel

/// Reads a sweep file written by ``SweepFileWriter`` back into ``SweepResults`` with the
/// ``LayoutReader``: the layout over `[point, replication]` and the `/sweep` parameter
/// table. Slots at or after a point's `replications_used` come back as nil cells. Anything
/// that does not fit the layout is bad input (`.input`), named with the path and the part
/// that is wrong.
enum SweepFileReader {
  /// Opens `path` read-only (after the run reader's checks) and reads the whole sweep.
  static func read(_ path: String) throws(ResultsError) -> SweepResults {
    try open(path) { (reader) throws(ResultsError) -> SweepResults in
      guard try reader.isSweep() else {
        throw .input(path, "this is a results file of one run, not of a sweep (it has no /sweep group)")
      }
      return try sweep(reader)
    }
  }

  /// Whether the ChainSim file at `path` is a sweep file (it has a `/sweep` group).
  static func isSweep(_ path: String) throws(ResultsError) -> Bool {
    try open(path) { (reader) throws(ResultsError) -> Bool in try reader.isSweep() }
  }

  private static func open<T>(_ path: String, _ body: (LayoutReader) throws(ResultsError) -> T) throws(ResultsError) -> T {
    try LayoutReader.open(path, as: "sweep file") { (reader) throws(ResultsError) -> T in
      let format = try reader.formatAttribute()
      guard format == Layout.format else {
        throw .input(
          path,
          "this HDF5 file is not a ChainSim results file (its format attribute is \(format.map { String(reflecting: $0) } ?? "missing"))")
      }
      return try body(reader)
    }
  }

  // MARK: - Whole sweep

  private static func sweep(_ reader: LayoutReader) throws(ResultsError) -> SweepResults {
    let metadata = try reader.rootMetadata().metadata
    let points = try reader.vector(SweepLayout.point, zero: Int64(0), memoryType: HDF5.nativeInt64).map { Int($0) }
    let slots = try reader.replicationIndices(metadata).count
    let shape = [points.count, slots]
    let (fingerprints, events) = try reader.counts(shape: shape)

    let here = "/\(SweepLayout.sweep)"
    let group = try reader.group(reader.file, SweepLayout.sweep, "/")
    let definitionText = try reader.scalarText(group, SweepLayout.definition, in: here)
    let used = try reader.table(
      group, SweepLayout.replicationsUsed, in: here, zero: Int64(0), memoryType: HDF5.nativeInt64, shape: [points.count]
    )
    .map { Int($0) }
    guard used.allSatisfy({ $0 >= 0 && $0 <= slots }) else {
      throw .input(reader.path, "\(here)/replications_used has a value outside 0...\(slots)")
    }
    let hashesSet = try reader.dataset(group, SweepLayout.scenarioSHA256, here)
    let hashes = try reader.attempt { () throws(HDF5Failure) in
      try hashesSet.readStrings(count: points.count, what: "\(here)/scenario_sha256")
    }
    let parameters = try parameterColumns(reader, group, here, points: points.count)

    // A sweep without a finished replication has no metric groups.
    let hasMetrics = try reader.attempt { () throws(HDF5Failure) in try reader.file.hasChild(Layout.timeseries) }
    let subsystems = hasMetrics ? try reader.subsystemTables(shape: shape, times: metadata.sampleTimes.count) : []
    var cells: [[ReplicationOutput?]] = []
    for row in points.indices {
      cells.append(
        (0..<slots).map { slot -> ReplicationOutput? in
          guard slot < used[row] else { return nil }
          let cell = row * slots + slot
          return ReplicationOutput(
            replication: slot, fingerprint: fingerprints[cell], events: Int(events[cell]),
            subsystems: subsystems.map { output($0, cell: cell) })
        })
    }
    return SweepResults(
      metadata: metadata, definitionText: definitionText,
      sweepSHA256: try reader.text(reader.file, SweepLayout.Root.sweepSHA256, "/"),
      design: try reader.text(reader.file, SweepLayout.Root.design, "/"),
      parameters: parameters, points: points, pointScenarioSHA256: hashes, replicationsUsed: used, cells: cells)
  }

  /// `/sweep/<parameter>` datasets: numeric ones carry their scenario texts in the
  /// `scenario_values` attribute, text ones are the texts themselves.
  private static func parameterColumns(_ reader: LayoutReader, _ group: H5Group, _ here: String, points: Int) throws(ResultsError)
    -> [SweepParameterColumn]
  {
    var columns: [SweepParameterColumn] = []
    for name in try reader.attempt({ () throws(HDF5Failure) in try group.childNames() }) where !SweepLayout.reserved.contains(name) {
      let dataset = try reader.dataset(group, name, here)
      let what = "\(here)/\(name)"
      let dims = try reader.attempt { () throws(HDF5Failure) in try dataset.shape() }
      guard dims == [points] else { throw .input(reader.path, "\(what) has shape \(dims); expected [\(points)]") }
      let isText = try reader.attempt { () throws(HDF5Failure) in try dataset.typeClass() } == H5T_STRING
      let keyPaths = try reader.text(dataset, "key_paths", what).components(separatedBy: "; ")
      let units = try reader.text(dataset, Layout.Attribute.units, what)
      if isText {
        let texts = try reader.attempt { () throws(HDF5Failure) in try dataset.readStrings(count: points, what: what) }
        columns.append(SweepParameterColumn(name: name, keyPaths: keyPaths, units: units, numbers: nil, texts: texts))
      } else {
        let numbers = try reader.attempt { () throws(HDF5Failure) in
          try dataset.read(count: points, zero: 0.0, memoryType: HDF5.nativeDouble, what: what)
        }
        let stored = try reader.attempt { () throws(HDF5Failure) in try dataset.readStringAttribute("scenario_values") }
        var texts = stored.map { $0.components(separatedBy: "; ") } ?? []
        if texts.count != points { texts = numbers.map { "\($0)" } }
        columns.append(SweepParameterColumn(name: name, keyPaths: keyPaths, units: units, numbers: numbers, texts: texts))
      }
    }
    return columns
  }

  /// One cell of a subsystem's tables as a replication's output.
  private static func output(_ table: SubsystemTable, cell: Int) -> SubsystemOutput {
    SubsystemOutput(
      name: table.name,
      series: table.series.map { SeriesOutput(info: $0.info, values: $0.cell(cell)) },
      kpis: table.kpis.map { KPIOutput(info: $0.info, values: $0.cell(cell)) },
      checks: table.checks.map { c in
        var check = CheckOutput(
          name: c.name, longName: c.longName, units: c.units, entered: c.entered[cell], left: c.left[cell], remained: c.remained[cell])
        check.passed = c.passed[cell]
        return check
      })
  }
}
