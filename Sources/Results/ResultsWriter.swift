import SimKernel

/// Writes ChainSim results files in the HDF5 layout of DESIGN.md ("Results (HDF5)").
///
/// Files are reproducible: the same inputs give the same bytes at any path and time (no
/// object timestamps, no clock, host or path inside, the format pinned to HDF5 1.8 objects).
/// The file is built in memory, written to `.<name>.tmp-<pid>` in the target folder,
/// fsynced and renamed into place, so no file ever appears at the final name unless it is complete; an existing file
/// there is replaced only on success.
public enum ResultsWriter {
  /// The layout version written into the `format_version` attribute.
  public static let formatVersion = Layout.formatVersion

  /// Writes one run's replications.
  ///
  /// - Parameters:
  ///   - metadata: the run's identity; `metadata.replications` must equal
  ///     `replications.count`.
  ///   - replications: the outputs, in any order (they are written by index). All must
  ///     have the same subsystems, metrics, checks, axes and widths.
  ///   - traces: entity traces to write as compound datasets under `/traces` (optional).
  ///   - path: the file to create or replace.
  /// - Throws: ``ResultsError`` `.input` when the outputs do not fit together or the
  ///   folder does not exist; `.environment` when the disk or file system fails.
  public static func write(
    metadata: RunMetadata, replications: [ReplicationOutput], traces: [TraceTable] = [],
    to path: String
  ) throws(ResultsError) {
    var contents = try Assembly.contents(metadata: metadata, replications: replications, path: path)
    contents.traces = traces
    try write(contents, to: path)
  }

  /// Writes contents already arranged per metric (for example as read from other files).
  ///
  /// - Throws: ``ResultsError``, as ``write(metadata:replications:to:)``.
  public static func write(_ contents: ResultsContents, to path: String) throws(ResultsError) {
    try ContentsValidation.validate(contents, path: path)
    let target = try DurableFile(path: path, content: .results)
    let bytes: [UInt8]
    do {
      bytes = try HDF5.serialized { () throws(HDF5Failure) -> [UInt8] in
        try FileWriter.image(of: contents, label: target.temporaryPath)
      }
    } catch {
      throw .environment(path, "cannot build the results file: \(error.operation) failed", detail: error.detail)
    }
    try target.write(bytes)
  }
}
