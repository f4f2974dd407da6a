import CHDF5
import Foundation
import SimKernel

/// The one reader of DESIGN.md's layout, for run files and sweep files alike: the root
/// attributes, `/scenario`, the coordinate vectors, tables over the index axes and the
/// subsystem groups, with a leading shape of `[replications]` or `[points, slots]`.
///
/// Every HDF5 failure, missing object or attribute, or wrong shape becomes bad input
/// (`.input`) naming the file and the part that is wrong.
struct LayoutReader {
  let path: String
  /// The open file.
  let file: H5File
  /// What the file should be, for messages: "results file" or "sweep file".
  let fileKind: String

  /// Opens `path` read-only, after checking that it is a (sealed) HDF5 file, runs `body` on
  /// it and closes it; all of it under the HDF5 lock.
  static func open<T>(_ path: String, as fileKind: String, _ body: (LayoutReader) throws(ResultsError) -> T) throws(ResultsError) -> T {
    try preflight(path)
    return try HDF5.serialized { () throws(ResultsError) -> T in
      let reader = LayoutReader(path: path, file: try openReadOnly(path), fileKind: fileKind)
      let result = try body(reader)
      try reader.attempt { () throws(HDF5Failure) in try reader.file.close() }
      return result
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

  /// Opens an HDF5 file read-only, after checking that it is one.
  private static func openReadOnly(_ path: String) throws(ResultsError) -> H5File {
    let isHDF5: Bool
    do { isHDF5 = try HDF5.isHDF5(path) } catch { isHDF5 = false }
    guard isHDF5 else { throw .input(path, "this is not an HDF5 file, so not a ChainSim results file") }
    do {
      return try HDF5.openFileReadOnly(path)
    } catch {
      throw .input(path, "the HDF5 file is damaged and cannot be opened", detail: error.detail)
    }
  }

  // MARK: - Checked reads

  /// Runs HDF5 calls, reporting a failure as a damaged or incompatible file.
  func attempt<T>(_ body: () throws(HDF5Failure) -> T) throws(ResultsError) -> T {
    do {
      return try body()
    } catch {
      throw .input(path, "the file is damaged or not in the ChainSim \(fileKind) layout: cannot \(error.operation)", detail: error.detail)
    }
  }

  /// The `format` root attribute, `nil` when absent.
  func formatAttribute() throws(ResultsError) -> String? {
    try attempt { () throws(HDF5Failure) in try file.readStringAttribute(Layout.Root.format) }
  }

  /// Whether the file has a `/sweep` group.
  func isSweep() throws(ResultsError) -> Bool {
    try attempt { () throws(HDF5Failure) in try file.hasChild(SweepLayout.sweep) }
  }

  private func object(_ parent: H5Handle<some H5LocationID>, _ name: String, _ here: String) throws(ResultsError) -> H5Object {
    guard try attempt({ () throws(HDF5Failure) in try parent.hasChild(name) }) else {
      throw .input(path, "the file is not a complete ChainSim \(fileKind): \(here) is missing")
    }
    return try attempt { () throws(HDF5Failure) in try parent.openChild(name) }
  }

  private static func place(_ name: String, in where_: String) -> String {
    name.hasPrefix("/") ? name : where_ == "/" ? "/\(name)" : "\(where_)/\(name)"
  }

  /// The group `name` in `parent` (at `where_`).
  func group(_ parent: H5Handle<some H5LocationID>, _ name: String, _ where_: String, kind: String = "a group") throws(ResultsError)
    -> H5Group
  {
    let here = Self.place(name, in: where_)
    guard case .group(let group) = try object(parent, name, here) else { throw .input(path, "\(here) is not \(kind)") }
    return group
  }

  /// The dataset `name` in `parent` (at `where_`).
  func dataset(_ parent: H5Handle<some H5LocationID>, _ name: String, _ where_: String) throws(ResultsError) -> H5Dataset {
    let here = Self.place(name, in: where_)
    switch try object(parent, name, here) {
    case .dataset(let dataset): return dataset
    case .group: throw .input(path, "\(here) is a group, expected a dataset")
    case .datatype: throw .input(path, "\(here) is a named datatype, expected a dataset")
    }
  }

  /// A text attribute that must be present.
  func text(_ object: H5Handle<some H5AttributeHolderID>, _ name: String, _ where_: String) throws(ResultsError) -> String {
    guard let value = try attempt({ () throws(HDF5Failure) in try object.readStringAttribute(name) }) else {
      throw .input(path, "\(where_) lacks the \(name) attribute")
    }
    return value
  }

  /// A root attribute that must be present.
  func number<T>(_ name: String, _ read: () throws(HDF5Failure) -> T?) throws(ResultsError) -> T {
    guard let value = try attempt(read) else { throw .input(path, "/ lacks the \(name) attribute") }
    return value
  }

  /// The scalar text dataset `name` (`/scenario`, `/sweep/definition`).
  func scalarText(_ parent: H5Handle<some H5LocationID>, _ name: String, in where_: String = "/") throws(ResultsError) -> String {
    let dataset = try dataset(parent, name, where_)
    return try attempt { () throws(HDF5Failure) in try dataset.readStrings(count: 1, what: Self.place(name, in: where_)).first ?? "" }
  }

  /// A one-dimensional dataset of any length (a coordinate: `time`, `replication`, `point`).
  func vector<T: BitwiseCopyable>(_ name: String, zero: T, memoryType: H5DatatypeID) throws(ResultsError) -> [T] {
    let dataset = try dataset(file, name, "/")
    let dims = try attempt { () throws(HDF5Failure) in try dataset.shape() }
    guard dims.count == 1 else { throw .input(path, "/\(name) has shape \(dims); expected [n]") }
    return try attempt { () throws(HDF5Failure) in try dataset.read(count: dims[0], zero: zero, memoryType: memoryType, what: name) }
  }

  /// A dataset of exactly `shape`, flat in row-major order.
  func table<T: BitwiseCopyable>(
    _ parent: H5Handle<some H5LocationID>, _ name: String, in where_: String = "/", zero: T, memoryType: some H5TypeArgument, shape: [Int]
  ) throws(ResultsError) -> [T] {
    let dataset = try dataset(parent, name, where_)
    let dims = try attempt { () throws(HDF5Failure) in try dataset.shape() }
    guard dims == shape else {
      throw .input(path, "\(where_ == "/" ? "" : where_)/\(name) has shape \(dims); expected \(shape)")
    }
    return try attempt { () throws(HDF5Failure) in
      try dataset.read(count: shape.reduce(1, *), zero: zero, memoryType: memoryType, what: name)
    }
  }

  // MARK: - Root

  /// The format version and the run metadata: the root attributes, `/scenario` and `/time`.
  /// A version newer than this ChainSim reads is bad input.
  func rootMetadata() throws(ResultsError) -> (version: Int, metadata: RunMetadata) {
    let version = try number(Layout.Root.formatVersion) { () throws(HDF5Failure) in try file.readInt64Attribute(Layout.Root.formatVersion) }
    guard version >= 1, version <= Int64(Layout.formatVersion) else {
      throw .input(
        path,
        "the file has format version \(version); this ChainSim reads versions 1 to \(Layout.formatVersion) (a newer ChainSim wrote it?)")
    }
    var metadata = RunMetadata(
      softwareVersion: try text(file, Layout.Root.softwareVersion, "/"),
      scenarioName: try text(file, Layout.Root.scenarioName, "/"),
      scenarioSHA256: try text(file, Layout.Root.scenarioSHA256, "/"),
      scenarioText: "",
      seed: try number(Layout.Root.seed) { () throws(HDF5Failure) in try file.readUInt64Attribute(Layout.Root.seed) },
      streamScheme: try text(file, Layout.Root.streamScheme, "/"),
      replications: Int(
        try number(Layout.Root.replications) { () throws(HDF5Failure) in try file.readInt64Attribute(Layout.Root.replications) }),
      horizon: try number(Layout.Root.horizon) { () throws(HDF5Failure) in try file.readDoubleAttribute(Layout.Root.horizon) },
      warmup: try number(Layout.Root.warmup) { () throws(HDF5Failure) in try file.readDoubleAttribute(Layout.Root.warmup) },
      timeUnit: try text(file, Layout.Root.timeUnit, "/"),
      sampleInterval: try number(Layout.Root.sampleInterval) { () throws(HDF5Failure) in
        try file.readDoubleAttribute(Layout.Root.sampleInterval)
      },
      sampleTimes: [],
      fingerprint: try text(file, Layout.Root.fingerprint, "/"))
    metadata.scenarioText = try scalarText(file, Layout.scenario)
    metadata.sampleTimes = try vector(Layout.time, zero: 0.0, memoryType: HDF5.nativeDouble)
    return (Int(version), metadata)
  }

  /// The `replication` scale, which must have as many entries as the `replications` attribute.
  func replicationIndices(_ metadata: RunMetadata) throws(ResultsError) -> [Int64] {
    let replications = try vector(Layout.replication, zero: Int64(0), memoryType: HDF5.nativeInt64)
    guard replications.count == metadata.replications else {
      throw .input(path, "/replication has \(replications.count) entries but the replications attribute says \(metadata.replications)")
    }
    return replications
  }

  /// The fingerprint and event count of every cell.
  func counts(shape: [Int]) throws(ResultsError) -> (fingerprints: [UInt64], events: [Int64]) {
    (
      try table(file, Layout.replicationFingerprint, zero: UInt64(0), memoryType: HDF5.nativeUInt64, shape: shape),
      try table(file, Layout.replicationEvents, zero: Int64(0), memoryType: HDF5.nativeInt64, shape: shape)
    )
  }
}
