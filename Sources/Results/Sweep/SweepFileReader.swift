import CChainSimShims
import CHDF5
import Foundation
import SimKernel

/// Reads a sweep file written by ``SweepFileWriter`` back into ``SweepResults``: the run
/// layout with a leading `point` axis and the `/sweep` parameter table. Slots at or after a
/// point's `replications_used` come back as nil cells. Anything that does not fit the
/// layout is bad input (`.input`), named with the path and the part that is wrong.
struct SweepFileReader: LayoutReading {
  var fileKind: String { "sweep file" }
  let path: String
  let file: H5Handle

  /// Opens `path` read-only (after the run reader's checks) and reads the whole sweep.
  static func read(_ path: String) throws(ResultsError) -> SweepResults {
    try open(path) { (reader) throws(ResultsError) -> SweepResults in
      guard try reader.isSweep() else {
        throw .input(path, "this is a results file of one run, not of a sweep (it has no /sweep group)")
      }
      return try reader.sweep()
    }
  }

  /// Whether the ChainSim file at `path` is a sweep file (it has a `/sweep` group).
  static func isSweep(_ path: String) throws(ResultsError) -> Bool {
    try open(path) { (reader) throws(ResultsError) -> Bool in try reader.isSweep() }
  }

  private static func open<T>(_ path: String, _ body: (SweepFileReader) throws(ResultsError) -> T) throws(ResultsError) -> T {
    try FileReader.preflightForSweep(path)
    return try HDF5.serialized { () throws(ResultsError) -> T in
      let reader = SweepFileReader(path: path, file: try FileReader.openReadOnly(path))
      let format = try reader.attempt { () throws(HDF5Failure) in try reader.file.readStringAttribute(Layout.Root.format) }
      guard format == Layout.format else {
        throw .input(path, "this HDF5 file is not a ChainSim results file (its format attribute is \(format.map { String(reflecting: $0) } ?? "missing"))")
      }
      let result = try body(reader)
      try reader.attempt { () throws(HDF5Failure) in try reader.file.close() }
      return result
    }
  }

  private func isSweep() throws(ResultsError) -> Bool {
    try attempt { () throws(HDF5Failure) in try file.hasChild(SweepLayout.sweep) }
  }

  // MARK: - Whole sweep

  private func sweep() throws(ResultsError) -> SweepResults {
    var metadata = try rootMetadata().metadata
    let scenario = try child(file, Layout.scenario, "/")
    metadata.scenarioText = try attempt { () throws(HDF5Failure) in try scenario.readStrings(count: 1, what: "/scenario").first ?? "" }
    metadata.sampleTimes = try vector(file, Layout.time, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE())
    let points = try vector(file, SweepLayout.point, zero: Int64(0), memoryType: cs_H5T_NATIVE_INT64()).map { Int($0) }
    let slots = try vector(file, Layout.replication, zero: Int64(0), memoryType: cs_H5T_NATIVE_INT64()).count
    guard slots == metadata.replications else {
      throw .input(path, "/replication has \(slots) entries but the replications attribute says \(metadata.replications)")
    }
    let grid = Grid(points: points.count, slots: slots, times: metadata.sampleTimes.count)
    let fingerprints = try table(file, Layout.replicationFingerprint, "/", zero: UInt64(0), memoryType: cs_H5T_NATIVE_UINT64(), grid)
    let events = try table(file, Layout.replicationEvents, "/", zero: Int64(0), memoryType: cs_H5T_NATIVE_INT64(), grid)

    let group = try child(file, SweepLayout.sweep, "/")
    let here = "/\(SweepLayout.sweep)"
    let definition = try child(group, SweepLayout.definition, here)
    let definitionText = try attempt { () throws(HDF5Failure) in try definition.readStrings(count: 1, what: "\(here)/definition").first ?? "" }
    let used = try vector(group, SweepLayout.replicationsUsed, in: here, zero: Int64(0), memoryType: cs_H5T_NATIVE_INT64(), rows: grid.points).map { Int($0) }
    guard used.allSatisfy({ $0 >= 0 && $0 <= slots }) else {
      throw .input(path, "\(here)/replications_used has a value outside 0...\(slots)")
    }
    let hashesSet = try child(group, SweepLayout.scenarioSHA256, here)
    let hashes = try attempt { () throws(HDF5Failure) in try hashesSet.readStrings(count: grid.points, what: "\(here)/scenario_sha256") }
    let parameters = try parameterColumns(group, here, grid)

    let subsystems = try subsystemTables(grid)
    var cells: [[ReplicationOutput?]] = []
    for row in 0..<grid.points {
      cells.append((0..<slots).map { slot -> ReplicationOutput? in
        guard slot < used[row] else { return nil }
        let cell = row * slots + slot
        return ReplicationOutput(
          replication: slot, fingerprint: fingerprints[cell], events: Int(events[cell]),
          subsystems: subsystems.map { $0.output(cell: cell) })
      })
    }
    return SweepResults(
      metadata: metadata, definitionText: definitionText,
      sweepSHA256: try text(file, SweepLayout.Root.sweepSHA256, "/"), design: try text(file, SweepLayout.Root.design, "/"),
      parameters: parameters, points: points, pointScenarioSHA256: hashes, replicationsUsed: used, cells: cells)
  }

  /// `/sweep/<parameter>` datasets: numeric ones carry their scenario texts in the
  /// `scenario_values` attribute, text ones are the texts themselves.
  private func parameterColumns(_ group: H5Handle, _ here: String, _ grid: Grid) throws(ResultsError) -> [SweepParameterColumn] {
    var columns: [SweepParameterColumn] = []
    for name in try attempt({ () throws(HDF5Failure) in try group.childNames() }) where !SweepLayout.reserved.contains(name) {
      let dataset = try child(group, name, here)
      let what = "\(here)/\(name)"
      let dims = try attempt { () throws(HDF5Failure) in try dataset.shape() }
      guard dims == [grid.points] else { throw .input(path, "\(what) has shape \(dims); expected [\(grid.points)]") }
      let isText = try attempt { () throws(HDF5Failure) in try dataset.typeClass() } == H5T_STRING
      let keyPaths = try text(dataset, "key_paths", what).components(separatedBy: "; ")
      let units = try text(dataset, Layout.Attribute.units, what)
      if isText {
        let texts = try attempt { () throws(HDF5Failure) in try dataset.readStrings(count: grid.points, what: what) }
        columns.append(SweepParameterColumn(name: name, keyPaths: keyPaths, units: units, numbers: nil, texts: texts))
      } else {
        let numbers = try attempt { () throws(HDF5Failure) in
          try dataset.read(count: grid.points, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), what: what)
        }
        let stored = try attempt { () throws(HDF5Failure) in try dataset.readStringAttribute("scenario_values") }
        var texts = stored.map { $0.components(separatedBy: "; ") } ?? []
        if texts.count != grid.points { texts = numbers.map { "\($0)" } }
        columns.append(SweepParameterColumn(name: name, keyPaths: keyPaths, units: units, numbers: numbers, texts: texts))
      }
    }
    return columns
  }

  // MARK: - Metrics

  private struct Grid {
    let points: Int
    let slots: Int
    let times: Int
    var cells: Int { points * slots }
  }

  /// One subsystem's metrics as flat arrays over (point, slot) cells.
  private struct SubsystemTable {
    var name: String
    var series: [(info: MetricInfo, values: [Double], width: Int)]
    var kpis: [(info: MetricInfo, values: [Double], width: Int)]
    var checks: [(name: String, longName: String, units: String, entered: [Double], left: [Double], remained: [Double], passed: [Int8])]

    func output(cell: Int) -> SubsystemOutput {
      SubsystemOutput(
        name: name,
        series: series.map { SeriesOutput(info: $0.info, values: Array($0.values[(cell * $0.width)..<((cell + 1) * $0.width)])) },
        kpis: kpis.map { KPIOutput(info: $0.info, values: Array($0.values[(cell * $0.width)..<((cell + 1) * $0.width)])) },
        checks: checks.map { c in
          var check = CheckOutput(name: c.name, longName: c.longName, units: c.units, entered: c.entered[cell], left: c.left[cell], remained: c.remained[cell])
          check.passed = c.passed[cell] != 0
          return check
        })
    }
  }

  private func subsystemTables(_ grid: Grid) throws(ResultsError) -> [SubsystemTable] {
    guard try attempt({ () throws(HDF5Failure) in try file.hasChild(Layout.timeseries) }) else { return [] }
    let timeseries = try child(file, Layout.timeseries, "/")
    let summary = try child(file, Layout.summary, "/")
    let checks = try child(file, Layout.checks, "/")
    var tables: [SubsystemTable] = []
    for name in try attempt({ () throws(HDF5Failure) in try timeseries.childNames() }) {
      let series = try metrics(try child(timeseries, name, "/timeseries"), "/timeseries/\(name)", leading: [grid.points, grid.slots, grid.times], grid)
      let kpis = try metrics(try child(summary, name, "/summary"), "/summary/\(name)", leading: [grid.points, grid.slots], grid)
      let checkGroup = try child(checks, name, "/checks")
      var found: [(name: String, longName: String, units: String, entered: [Double], left: [Double], remained: [Double], passed: [Int8])] = []
      for checkName in try attempt({ () throws(HDF5Failure) in try checkGroup.childNames() }) {
        let here = "/checks/\(name)/\(checkName)"
        let check = try child(checkGroup, checkName, "/checks/\(name)")
        let bool = try attempt { () throws(HDF5Failure) in try H5Create.boolType() }
        found.append((
          checkName, try text(check, Layout.Attribute.longName, here), try text(check, Layout.Attribute.units, here),
          try table(check, Layout.Check.entered, here, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), grid),
          try table(check, Layout.Check.left, here, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), grid),
          try table(check, Layout.Check.remained, here, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), grid),
          try table(check, Layout.Check.passed, here, zero: Int8(0), memoryType: bool.raw, grid)))
      }
      tables.append(SubsystemTable(name: name, series: series, kpis: kpis, checks: found))
    }
    return tables
  }

  /// The metrics of a group with the given leading shape, each optionally with a label axis.
  private func metrics(_ group: H5Handle, _ where_: String, leading: [Int], _ grid: Grid) throws(ResultsError) -> [(info: MetricInfo, values: [Double], width: Int)] {
    var found: [(info: MetricInfo, values: [Double], width: Int)] = []
    for name in try attempt({ () throws(HDF5Failure) in try group.childNames() }) {
      let dataset = try child(group, name, where_)
      let here = "\(where_)/\(name)"
      guard dataset.isDataset else { throw .input(path, "\(here) is a group, expected a dataset") }
      if try attempt({ () throws(HDF5Failure) in try dataset.isScale() }) { continue }
      let dims = try attempt { () throws(HDF5Failure) in try dataset.shape() }
      guard dims.count == leading.count || dims.count == leading.count + 1, Array(dims.prefix(leading.count)) == leading else {
        throw .input(path, "\(here) has shape \(dims); expected \(leading) optionally followed by a label axis")
      }
      var axis: LabelAxis? = nil
      if dims.count == leading.count + 1 {
        guard let scalePath = try attempt({ () throws(HDF5Failure) in try dataset.attachedScalePath(axis: leading.count) }) else {
          throw .input(path, "\(here): axis \(leading.count) has no label scale attached")
        }
        let scale = try attempt { () throws(HDF5Failure) in try file.openChild(scalePath) }
        let labels = try attempt { () throws(HDF5Failure) in try scale.readStrings(count: dims[leading.count], what: scalePath) }
        axis = LabelAxis(name: scalePath.split(separator: "/").last.map(String.init) ?? scalePath, labels: labels)
      }
      let info = try metricInfo(dataset, name: name, axis: axis, here)
      let total = dims.reduce(1, *)
      let values = try attempt { () throws(HDF5Failure) in
        try dataset.read(count: total, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), what: here)
      }
      found.append((info, values, grid.cells > 0 ? total / grid.cells : 0))
    }
    return found
  }

  // MARK: - Helpers

  /// A `[point, replication]` dataset, flat in (point, slot) order.
  private func table<T: BitwiseCopyable>(
    _ parent: H5Handle, _ name: String, _ where_: String, zero: T, memoryType: hid_t, _ grid: Grid
  ) throws(ResultsError) -> [T] {
    let dataset = try child(parent, name, where_)
    let dims = try attempt { () throws(HDF5Failure) in try dataset.shape() }
    guard dims == [grid.points, grid.slots] else {
      throw .input(path, "\(where_ == "/" ? "" : where_)/\(name) has shape \(dims); expected [\(grid.points), \(grid.slots)]")
    }
    return try attempt { () throws(HDF5Failure) in try dataset.read(count: grid.cells, zero: zero, memoryType: memoryType, what: name) }
  }
}
