import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written under a temporary name in its final folder, fsynced and renamed into
/// place only when complete: a killed or failed write never leaves a file that looks finished.
struct AtomicFile {
  /// The name the caller asked for.
  let finalPath: String
  /// `.<name>.tmp-<pid>` in the same folder, so the rename stays on one file system.
  let temporaryPath: String
  private let folder: String

  init(finalPath: String) throws(ResultsError) {
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
      throw .environment(finalPath, "cannot reach the folder \(parent): \(String(cString: strerror(code)))")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw .input(finalPath, "\(parent) is not a folder") }
    if stat(finalPath, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      throw .input(finalPath, "a folder of that name exists already")
    }
    self.finalPath = finalPath
    self.folder = parent
    self.temporaryPath = url.deletingLastPathComponent().appendingPathComponent(".\(name).tmp-\(getpid())").path
  }

  /// Flushes the temporary file to disk, renames it to the final name (replacing any old
  /// file) and flushes the folder, so the new name survives a crash.
  func commit() throws(ResultsError) {
    try sync(temporaryPath, what: "flush the new file to disk")
    guard rename(temporaryPath, finalPath) == 0 else {
      throw environment("move the new file into place", errno)
    }
    try sync(folder, what: "flush the folder to disk")
  }

  /// Removes the temporary file if it exists (after a failure).
  func discard() {
    _ = unlink(temporaryPath)
  }

  private func sync(_ path: String, what: String) throws(ResultsError) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw environment(what, errno) }
    defer { _ = close(descriptor) }
    // Some file systems cannot fsync a folder (EINVAL): the rename still happened.
    if fsync(descriptor) != 0, errno != EINVAL { throw environment(what, errno) }
  }

  private func environment(_ what: String, _ code: Int32) -> ResultsError {
    .environment(finalPath, "cannot \(what): \(String(cString: strerror(code)))")
  }
}
