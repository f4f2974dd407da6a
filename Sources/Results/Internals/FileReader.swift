import CChainSimShims
import CHDF5
import Foundation
import SimKernel

/// Reads a ChainSim results file back into ``ResultsContents``. Anything that does not fit
/// the layout is bad input (`.input`), named with the path and the part that is wrong.
struct FileReader: LayoutReading {
  var fileKind: String { "results file" }
  let path: String
  let file: H5Handle

  /// Opens `path` read-only after checking that it is an HDF5 file at all.
  static func read(_ path: String) throws(ResultsError) -> ResultsContents {
    try preflight(path)
    return try HDF5.serialized { () throws(ResultsError) -> ResultsContents in
      let reader = FileReader(path: path, file: try openReadOnly(path))
      let contents = try reader.contents()
      try reader.attempt { () throws(HDF5Failure) in try reader.file.close() }
      return contents
    }
  }

  /// Distinguishes a missing or unreadable file (with the system's reason) before HDF5 does,
  /// and refuses a file whose seal does not match (``FileSeal``).
  private static func preflight(_ path: String) throws(ResultsError) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .input(path, "there is no such file") }
      throw .environment(path, "cannot reach the file: \(String(cString: strerror(code)))")
    }
    guard info.st_mode & S_IFMT != S_IFDIR else { throw .input(path, "this is a folder, not a results file") }
    // Every byte checked against the seal before HDF5 parses any of it.
    try FileSeal.verify(path)
  }

  // MARK: - Whole file

  private func contents() throws(ResultsError) -> ResultsContents {
    let (formatVersion, partial) = try rootAttributes()
    if try attempt({ () throws(HDF5Failure) in try file.hasChild(SweepLayout.sweep) }) {
      throw .input(path, "this is a sweep file (it has a /sweep group), not the results of one run: draw it with chainsim report, or read it with xarray")
    }
    var metadata = partial
    let scenario = try child(file, Layout.scenario, "/")
    metadata.scenarioText = try attempt { () throws(HDF5Failure) in
      try scenario.readStrings(count: 1, what: "/scenario").first ?? ""
    }
    metadata.sampleTimes = try vector(file, Layout.time, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE())
    let replications = try vector(file, Layout.replication, zero: Int64(0), memoryType: cs_H5T_NATIVE_INT64())
    let rows = replications.count
    guard rows == metadata.replications else {
      throw .input(path, "/replication has \(rows) entries but the replications attribute says \(metadata.replications)")
    }
    let fingerprints = try vector(file, Layout.replicationFingerprint, zero: UInt64(0), memoryType: cs_H5T_NATIVE_UINT64(), rows: rows)
    let events = try vector(file, Layout.replicationEvents, zero: Int64(0), memoryType: cs_H5T_NATIVE_INT64(), rows: rows)

    let timeseries = try child(file, Layout.timeseries, "/")
    let summary = try child(file, Layout.summary, "/")
    let checks = try child(file, Layout.checks, "/")
    let names = try attempt { () throws(HDF5Failure) in try timeseries.childNames() }
    for (group, kind) in [(summary, Layout.summary), (checks, Layout.checks)] {
      let others = try attempt { () throws(HDF5Failure) in try group.childNames() }
      guard others.sorted() == names.sorted() else {
        throw .input(path, "/\(kind) has subsystems \(others) but /timeseries has \(names)")
      }
    }
    let shape = Shape(rows: rows, times: metadata.sampleTimes.count)
    var subsystems: [SubsystemResults] = []
    for name in names {
      let series = try metrics(in: try child(timeseries, name, "/timeseries"), "/timeseries/\(name)", leading: 2, shape)
      let kpis = try metrics(in: try child(summary, name, "/summary"), "/summary/\(name)", leading: 1, shape)
      let results = try checkResults(in: try child(checks, name, "/checks"), "/checks/\(name)", rows: rows)
      subsystems.append(SubsystemResults(
        name: name, series: series.map { SeriesResults(info: $0.info, values: $0.values) },
        kpis: kpis.map { KPIResults(info: $0.info, values: $0.values) }, checks: results))
    }
    return ResultsContents(
      formatVersion: formatVersion, metadata: metadata, replications: replications.map { Int($0) },
      replicationFingerprints: fingerprints, replicationEvents: events.map { Int($0) }, subsystems: subsystems)
  }

  private func rootAttributes() throws(ResultsError) -> (Int, RunMetadata) {
    guard let format = try attempt({ () throws(HDF5Failure) in try file.readStringAttribute(Layout.Root.format) }) else {
      throw .input(path, "this HDF5 file is not a ChainSim results file (it has no format attribute)")
    }
    guard format == Layout.format else {
      throw .input(path, "this HDF5 file is not a ChainSim results file (its format is \(String(reflecting: format)))")
    }
    return try rootMetadata()
  }

  // MARK: - Groups

  private struct Shape {
    let rows: Int
    let times: Int
  }

  /// The metrics of one `/timeseries/<sub>` (leading 2: replication, time) or
  /// `/summary/<sub>` (leading 1) group, skipping its label scales.
  private func metrics(in group: H5Handle, _ where_: String, leading: Int, _ shape: Shape) throws(ResultsError) -> [(info: MetricInfo, values: [[Double]])] {
    var found: [(info: MetricInfo, values: [[Double]])] = []
    for name in try attempt({ () throws(HDF5Failure) in try group.childNames() }) {
      let dataset = try child(group, name, where_)
      let here = "\(where_)/\(name)"
      guard dataset.isDataset else { throw .input(path, "\(here) is a group, expected a dataset") }
      if try attempt({ () throws(HDF5Failure) in try dataset.isScale() }) { continue }
      let dims = try attempt { () throws(HDF5Failure) in try dataset.shape() }
      let expected = leading == 2 ? [shape.rows, shape.times] : [shape.rows]
      guard dims.count == leading || dims.count == leading + 1, Array(dims.prefix(leading)) == expected else {
        throw .input(path, "\(here) has shape \(dims); expected \(expected) optionally followed by a label axis")
      }
      var axis: LabelAxis? = nil
      if dims.count == leading + 1 {
        axis = try labelAxis(of: dataset, axis: leading, count: dims[leading], here)
      }
      let info = try metricInfo(dataset, name: name, axis: axis, here)
      let total = dims.reduce(1, *)
      let flat = try attempt { () throws(HDF5Failure) in
        try dataset.read(count: total, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), what: here)
      }
      let width = shape.rows > 0 ? total / shape.rows : 0
      found.append((info, (0..<shape.rows).map { Array(flat[($0 * width)..<(($0 + 1) * width)]) }))
    }
    return found
  }

  /// The string label scale attached to `axis` of `dataset`.
  private func labelAxis(of dataset: H5Handle, axis: Int, count: Int, _ here: String) throws(ResultsError) -> LabelAxis {
    guard let scalePath = try attempt({ () throws(HDF5Failure) in try dataset.attachedScalePath(axis: axis) }) else {
      throw .input(path, "\(here): axis \(axis) has no label scale attached")
    }
    let scale = try attempt { () throws(HDF5Failure) in try file.openChild(scalePath) }
    let labels = try attempt { () throws(HDF5Failure) in try scale.readStrings(count: count, what: scalePath) }
    let name = scalePath.split(separator: "/").last.map(String.init) ?? scalePath
    return LabelAxis(name: name, labels: labels)
  }

  private func checkResults(in group: H5Handle, _ where_: String, rows: Int) throws(ResultsError) -> [CheckResults] {
    var found: [CheckResults] = []
    for name in try attempt({ () throws(HDF5Failure) in try group.childNames() }) {
      let check = try child(group, name, where_)
      let here = "\(where_)/\(name)"
      guard check.isGroup else { throw .input(path, "\(here) is not a group of check results") }
      let passedData = try child(check, Layout.Check.passed, here)
      let isEnum = try attempt { () throws(HDF5Failure) in try passedData.typeClass() } == H5T_ENUM
      let bool = try attempt { () throws(HDF5Failure) in try H5Create.boolType() }
      let passed = try vector(check, Layout.Check.passed, in: here, zero: Int8(0), memoryType: isEnum ? bool.raw : cs_H5T_NATIVE_INT8(), rows: rows)
      found.append(CheckResults(
        name: name, longName: try text(check, Layout.Attribute.longName, here), units: try text(check, Layout.Attribute.units, here),
        entered: try vector(check, Layout.Check.entered, in: here, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), rows: rows),
        left: try vector(check, Layout.Check.left, in: here, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), rows: rows),
        remained: try vector(check, Layout.Check.remained, in: here, zero: 0.0, memoryType: cs_H5T_NATIVE_DOUBLE(), rows: rows),
        passed: passed.map { $0 != 0 }))
    }
    return found
  }
}

extension FileReader {
  /// The file checks of ``read(_:)`` (missing, a folder, unreadable), for the sweep reader.
  static func preflightForSweep(_ path: String) throws(ResultsError) { try preflight(path) }

  /// Opens an HDF5 file read-only, after checking that it is one (call inside `HDF5.serialized`).
  static func openReadOnly(_ path: String) throws(ResultsError) -> H5Handle {
    guard H5Fis_hdf5(path) > 0 else {
      _ = H5Eclear2(cs_H5E_DEFAULT())
      throw .input(path, "this is not an HDF5 file, so not a ChainSim results file")
    }
    let raw = H5Fopen(path, cs_H5F_ACC_RDONLY(), cs_H5P_DEFAULT())
    guard raw >= 0 else {
      throw .input(path, "the HDF5 file is damaged and cannot be opened", detail: HDF5.errorStack())
    }
    return H5Handle(raw, .file)
  }
}
