import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// A file written under a temporary name in its final folder, fsynced and renamed into
/// place only when complete: a killed or failed write never leaves a file that looks finished.
struct AtomicFile {
  /// The name the caller asked for.
  let finalPath: String
  /// `.<name>.tmp-<pid>` in the same folder (``TemporaryFiles``), so the rename stays on one file system.
  let temporaryPath: String
  private let folder: String

  /// Checks that the folder exists and that the name may be written (``OutputDestination``:
  /// absent, empty or an older results file), before any work is done.
  init(finalPath: String) throws(ResultsError) {
    try OutputDestination(path: finalPath, content: .results).check()
    let url = URL(fileURLWithPath: finalPath)
    let name = url.lastPathComponent
    let parent = url.deletingLastPathComponent().path
    guard !finalPath.isEmpty, !finalPath.hasSuffix("/"), !name.isEmpty else {
      throw .input(finalPath, "this is not a file name")
    }
    var info = stat()
    guard stat(parent, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        throw .input(finalPath, "the folder \(parent) does not exist")
      }
      throw .environment(finalPath, "cannot reach the folder \(parent): \(Self.reason(code))")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw .input(finalPath, "\(parent) is not a folder") }
    if stat(finalPath, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      throw .input(finalPath, "a folder of that name exists already")
    }
    self.finalPath = finalPath
    self.folder = parent
    self.temporaryPath = TemporaryFiles.temporaryPath(for: finalPath)
  }

  /// Writes `bytes` to the temporary name, flushes them to disk, renames the file to the
  /// final name (replacing any old file) and flushes the folder so the name survives a
  /// crash. On failure the temporary file is removed and the final name is untouched.
  /// Temporary files of this name left by killed writers are removed first (they would
  /// otherwise stay forever, and on a full disk they hold the space this write needs).
  func write(_ bytes: [UInt8]) throws(ResultsError) {
    TemporaryFiles.removeStale(for: finalPath)
    do throws(ResultsError) {
      try writeTemporary(bytes)
      guard rename(temporaryPath, finalPath) == 0 else { throw failure("move the new file into place", errno) }
    } catch {
      _ = unlink(temporaryPath)
      throw error
    }
    try syncFolder()
  }

  private func writeTemporary(_ bytes: [UInt8]) throws(ResultsError) {
    let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw failure("create the file", errno) }
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
    if code == 0, fsync(descriptor) != 0 { code = errno }
    if close(descriptor) != 0, code == 0 { code = errno }
    if code != 0 { throw failure("write the file", code) }
  }

  /// Flushes the folder entry; some file systems cannot fsync a folder (EINVAL).
  private func syncFolder() throws(ResultsError) {
    let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure("flush the folder to disk", errno) }
    defer { _ = close(descriptor) }
    if fsync(descriptor) != 0, errno != EINVAL { throw failure("flush the folder to disk", errno) }
  }

  private func failure(_ what: String, _ code: Int32) -> ResultsError {
    .environment(finalPath, "cannot \(what): \(Self.reason(code))\(TemporaryFiles.hint(forErrno: code))")
  }

  private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
