import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// The one way ChainSim writes a file: results, sweep records, shard parts, SLURM scripts
/// and reports. A kill at any moment leaves either the old file (or none) or the whole new
/// file, never a file that looks finished and is not.
///
/// A write goes to ``temporaryPath`` (`.<name>.tmp-<pid>` in the same folder, so that the
/// rename stays on one file system), opened with `O_CLOEXEC` (a child process never
/// inherits it) and mode ``fileMode``; the bytes are fsynced, the file is renamed over
/// ``path``, and the folder is fsynced so that the new name survives a crash. Before
/// writing, the temporary files of the same name that killed ChainSim processes left are
/// removed (``TemporaryFiles``); nothing else in the folder is touched.
///
/// It knows nothing of what it writes: the caller builds the bytes (an HDF5 image, a
/// record, a page) and names their kind (``OutputDestination/Content``).
public struct DurableFile: Sendable {
  /// The mode every file is created with, before the process's umask: `0o666`, so that
  /// the usual umask 022 gives `rw-r--r--`, as other tools' data files.
  public static let fileMode: mode_t = 0o666

  /// The name the caller asked for.
  public let path: String
  /// `.<name>.tmp-<pid>` in the same folder (``TemporaryFiles/temporaryPath(for:)``).
  public let temporaryPath: String
  /// The folder that holds both names.
  let folder: String

  /// Checks, before any work is done, that `path` may be written: ``OutputDestination``
  /// allows it for `content` (absent, empty or an older file of that kind), it is a file
  /// name, its folder exists and it is not a folder.
  /// - Throws: ``ResultsError`` `.input` (exit 2) naming the reason; `.environment`
  ///   (exit 3) when the folder cannot be examined.
  public init(path: String, content: OutputDestination.Content) throws(ResultsError) {
    try OutputDestination(path: path, content: content).check()
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let parent = url.deletingLastPathComponent().path
    guard !path.isEmpty, !path.hasSuffix("/"), !name.isEmpty else {
      throw .input(path, "this is not a file name")
    }
    var info = stat()
    guard stat(parent, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        throw .input(path, "the folder \(parent) does not exist")
      }
      throw .environment(path, "cannot reach the folder \(parent): \(Self.reason(code))")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw .input(path, "\(parent) is not a folder") }
    if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      throw .input(path, "a folder of that name exists already")
    }
    self.path = path
    self.folder = parent
    self.temporaryPath = TemporaryFiles.temporaryPath(for: path)
  }

  /// Writes `bytes` as the whole new content of ``path``, replacing any old file only on
  /// success. On failure the temporary file is removed and ``path`` is untouched.
  /// - Parameter sync: false skips both fsyncs (the file and its folder): the file still
  ///   appears whole or not at all after a kill, but may be lost in a power cut. For sweep
  ///   records that can be computed again (`--no-sync`).
  /// - Throws: ``ResultsError`` `.environment` (exit 3) with the system's reason and what
  ///   to do about a full disk, a quota or a file-size limit.
  public func write(_ bytes: [UInt8], sync: Bool = true) throws(ResultsError) {
    TemporaryFiles.removeStale(for: path)
    do throws(ResultsError) {
      try writeTemporary(bytes, sync: sync)
      guard rename(temporaryPath, path) == 0 else { throw failure("move the new file into place", errno) }
    } catch {
      _ = unlink(temporaryPath)
      throw error
    }
    if sync { try syncFolder() }
  }

  /// Creates (or truncates) this process's temporary file: write-only, `O_CLOEXEC`,
  /// ``fileMode``. The caller closes the descriptor.
  func openTemporary() throws(ResultsError) -> Int32 {
    let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, Self.fileMode)
    guard descriptor >= 0 else { throw failure("create the file", errno) }
    return descriptor
  }

  private func writeTemporary(_ bytes: [UInt8], sync: Bool) throws(ResultsError) {
    let descriptor = try openTemporary()
    var written = 0
    var code: Int32 = 0
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while written < buffer.count {
        let n = systemWrite(descriptor, base + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          code = errno
          return
        }
        written += n
      }
    }
    if code == 0, sync, fsync(descriptor) != 0 { code = errno }
    if close(descriptor) != 0, code == 0 { code = errno }
    if code != 0 { throw failure("write the file", code) }
  }

  /// Flushes the folder entry, so that the rename survives a crash; some file systems
  /// cannot fsync a folder (EINVAL), which is not a failure.
  func syncFolder() throws(ResultsError) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure("flush the folder to disk", errno) }
    defer { _ = close(descriptor) }
    if fsync(descriptor) != 0, errno != EINVAL { throw failure("flush the folder to disk", errno) }
  }

  private func failure(_ what: String, _ code: Int32) -> ResultsError {
    .environment(path, "cannot \(what): \(Self.reason(code))\(TemporaryFiles.hint(forErrno: code))")
  }

  private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

extension DurableFile {
  /// The whole content of a file written by ``write(_:sync:)`` (a record, a part file).
  /// - Throws: ``ResultsError`` `.input` (exit 2) when `path` is a folder, is missing or
  ///   cannot be read.
  public static func read(_ path: String) throws(ResultsError) -> [UInt8] {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw .input(path, "this is a folder, not a file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .input(path, "there is no such file, or it cannot be read")
    }
    return [UInt8](data)
  }
}
