import CChainSimShims
import CHDF5
import SimKernel

/// The checked reads both readers of ChainSim files share (run files and sweep files): every
/// HDF5 failure, missing object or attribute, or wrong shape becomes bad input (`.input`)
/// naming the file and the part that is wrong.
protocol LayoutReading {
  var path: String { get }
  /// The open file.
  var file: H5Handle { get }
  /// What the file should be, for messages: "results file" or "sweep file".
  var fileKind: String { get }
}

extension LayoutReading {
  /// Runs HDF5 calls, reporting a failure as a damaged or incompatible file.
  func attempt<T>(_ body: () throws(HDF5Failure) -> T) throws(ResultsError) -> T {
    do {
      return try body()
    } catch {
      throw .input(path, "the file is damaged or not in the ChainSim \(fileKind) layout: cannot \(error.operation)", detail: error.detail)
    }
  }

  func child(_ parent: H5Handle, _ name: String, _ where_: String) throws(ResultsError) -> H5Handle {
    let here = where_ == "/" ? "/\(name)" : "\(where_)/\(name)"
    guard try attempt({ () throws(HDF5Failure) in try parent.hasChild(name) }) else {
      throw .input(path, "the file is not a complete ChainSim \(fileKind): \(here) is missing")
    }
    return try attempt { () throws(HDF5Failure) in try parent.openChild(name) }
  }

  func text(_ object: H5Handle, _ name: String, _ where_: String) throws(ResultsError) -> String {
    guard let value = try attempt({ () throws(HDF5Failure) in try object.readStringAttribute(name) }) else {
      throw .input(path, "\(where_) lacks the \(name) attribute")
    }
    return value
  }

  func number<T>(_ name: String, _ read: () throws(HDF5Failure) -> T?) throws(ResultsError) -> T {
    guard let value = try attempt(read) else { throw .input(path, "/ lacks the \(name) attribute") }
    return value
  }

  /// A one-dimensional dataset, of exactly `rows` entries when given.
  func vector<T: BitwiseCopyable>(
    _ parent: H5Handle, _ name: String, in where_: String = "/", zero: T, memoryType: hid_t, rows: Int? = nil
  ) throws(ResultsError) -> [T] {
    let dataset = try child(parent, name, where_)
    let dims = try attempt { () throws(HDF5Failure) in try dataset.shape() }
    guard dims.count == 1, rows == nil || dims[0] == rows else {
      throw .input(path, "\(where_ == "/" ? "" : where_)/\(name) has shape \(dims); expected [\(rows.map(String.init) ?? "n")]")
    }
    return try attempt { () throws(HDF5Failure) in try dataset.read(count: dims[0], zero: zero, memoryType: memoryType, what: name) }
  }

  /// The format version and the run metadata in the root attributes (without the scenario
  /// text and sample times, which are datasets); a version newer than this ChainSim reads is
  /// bad input.
  func rootMetadata() throws(ResultsError) -> (version: Int, metadata: RunMetadata) {
    let version = try number(Layout.Root.formatVersion) { () throws(HDF5Failure) in try file.readInt64Attribute(Layout.Root.formatVersion) }
    guard version >= 1, version <= Int64(Layout.formatVersion) else {
      throw .input(path, "the file has format version \(version); this ChainSim reads versions 1 to \(Layout.formatVersion) (a newer ChainSim wrote it?)")
    }
    let metadata = RunMetadata(
      softwareVersion: try text(file, Layout.Root.softwareVersion, "/"),
      scenarioName: try text(file, Layout.Root.scenarioName, "/"),
      scenarioSHA256: try text(file, Layout.Root.scenarioSHA256, "/"),
      scenarioText: "",
      seed: try number(Layout.Root.seed) { () throws(HDF5Failure) in try file.readUInt64Attribute(Layout.Root.seed) },
      streamScheme: try text(file, Layout.Root.streamScheme, "/"),
      replications: Int(try number(Layout.Root.replications) { () throws(HDF5Failure) in try file.readInt64Attribute(Layout.Root.replications) }),
      horizon: try number(Layout.Root.horizon) { () throws(HDF5Failure) in try file.readDoubleAttribute(Layout.Root.horizon) },
      warmup: try number(Layout.Root.warmup) { () throws(HDF5Failure) in try file.readDoubleAttribute(Layout.Root.warmup) },
      timeUnit: try text(file, Layout.Root.timeUnit, "/"),
      sampleInterval: try number(Layout.Root.sampleInterval) { () throws(HDF5Failure) in try file.readDoubleAttribute(Layout.Root.sampleInterval) },
      sampleTimes: [],
      fingerprint: try text(file, Layout.Root.fingerprint, "/"))
    return (Int(version), metadata)
  }

  /// A metric dataset's description: its `long_name`, `units`, `better` and `valid_min`
  /// attributes (a missing `better` is `none`; `valid_min` is absent in version 1 files and
  /// for quantities without a lower bound), with the label axis read by the caller.
  func metricInfo(_ dataset: H5Handle, name: String, axis: LabelAxis?, _ here: String) throws(ResultsError) -> MetricInfo {
    let betterText = try attempt { () throws(HDF5Failure) in try dataset.readStringAttribute(Layout.Attribute.better) }
    guard let better = Better(rawValue: betterText ?? Better.none.rawValue) else {
      throw .input(path, "\(here) has better = \(String(reflecting: betterText ?? "")), expected lower, higher or none")
    }
    let validMin = try attempt { () throws(HDF5Failure) in try dataset.readDoubleAttribute(Layout.Attribute.validMin) }
    return MetricInfo(
      name: name, longName: try text(dataset, Layout.Attribute.longName, here),
      units: try text(dataset, Layout.Attribute.units, here), better: better, axis: axis, validMin: validMin)
  }
}
