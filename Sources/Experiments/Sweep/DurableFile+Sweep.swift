import Results

extension DurableFile {
  /// Writes a sweep's own file (a record, the records manifest, a part file, a SLURM
  /// script) through ``DurableFile``, with its failures told as a ``SweepError`` of the
  /// same message and exit code.
  static func write(
    _ bytes: [UInt8], to path: String, content: OutputDestination.Content, sync: Bool = true
  ) throws(SweepError) {
    do {
      try DurableFile(path: path, content: content).write(bytes, sync: sync)
    } catch {
      throw SweepError(error)
    }
  }

  /// The whole content of a sweep's own file, with a failure told as a ``SweepError``.
  static func sweepFile(_ path: String) throws(SweepError) -> [UInt8] {
    do {
      return try read(path)
    } catch {
      throw SweepError(error)
    }
  }
}
