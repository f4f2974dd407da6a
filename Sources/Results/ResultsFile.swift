/// Reads ChainSim results files written by ``ResultsWriter``.
public enum ResultsFile {
  /// Reads a whole results file: metadata, sample times, replication indices and every
  /// subsystem's series, KPIs and checks.
  ///
  /// - Parameter path: the file to read.
  /// - Returns: the contents; ``ResultsContents/replicationOutputs()`` gives back the
  ///   per-replication outputs the file was written from.
  /// - Throws: ``ResultsError`` `.input` when the file is missing, not HDF5, not a ChainSim
  ///   file (its `format` attribute), from a newer format version, or lacks a part of the
  ///   layout; `.environment` when the system refuses access.
  public static func read(path: String) throws(ResultsError) -> ResultsContents {
    try FileReader.read(path)
  }
}
