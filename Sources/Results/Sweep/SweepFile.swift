/// The two kinds of ChainSim results file.
public enum ResultsFileKind: String, Sendable, Equatable {
  /// One run: series `[replication, time(, label)]`, read by ``ResultsFile/read(path:)``.
  case run
  /// A sweep: a leading `point` axis and a `/sweep` parameter table, read by
  /// ``ResultsFile/readSweep(path:)``.
  case sweep
}

extension ResultsFile {
  /// Whether the ChainSim results file at `path` holds one run or a sweep.
  ///
  /// - Throws: ``ResultsError`` `.input` when the file is missing, not HDF5 or not a
  ///   ChainSim file; `.environment` when the system refuses access.
  public static func kind(path: String) throws(ResultsError) -> ResultsFileKind {
    try SweepFileReader.isSweep(path) ? .sweep : .run
  }

  /// Reads a whole sweep file: the base run's metadata (with `replications` = slots per
  /// point), the parameter table, and per point and replication slot the replication's
  /// output; slots at or after a point's `replications_used` are nil (NaN in the file).
  /// The inverse of ``ResultsWriter/writeSweep(_:to:)``.
  ///
  /// - Parameter path: the sweep file to read.
  /// - Throws: ``ResultsError`` `.input` when the file is missing, not a ChainSim file, a run
  ///   file rather than a sweep, from a newer format, or lacks a part of the layout;
  ///   `.environment` when the system refuses access.
  public static func readSweep(path: String) throws(ResultsError) -> SweepResults {
    try SweepFileReader.read(path)
  }
}
