import Foundation
import Results

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a file so that a kill at any moment leaves either no file or the whole file:
/// temporary name in the same folder, write, fsync, rename, fsync the folder. Temporary
/// files of the same name left by killed processes are removed first (``TemporaryFiles``).
/// The path must be one ``OutputDestination`` allows for `content`: absent, empty, or an
/// older file of that kind.
enum _DurableFile {
  static func write(_ bytes: [UInt8], to path: String, content: OutputDestination.Content, sync: Bool = true) throws(SweepError) {
    do {
      try OutputDestination(path: path, content: content).check()
    } catch {
      throw SweepError(error)
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let temporary = TemporaryFiles.temporaryPath(for: path)
    TemporaryFiles.removeStale(for: path)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw failure("create", path, errno) }
    var written = 0
    var code: Int32 = 0
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while written < buffer.count {
        let n = Glibc.write(fd, base + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          code = errno
          return
        }
        written += n
      }
    }
    if code == 0, sync, fsync(fd) != 0 { code = errno }
    if close(fd) != 0, code == 0 { code = errno }
    if code == 0, rename(temporary, path) != 0 { code = errno }
    if code != 0 {
      _ = unlink(temporary)
      throw failure("write", path, code)
    }
    if sync {
      let dir = open(folder, O_RDONLY | O_CLOEXEC)
      if dir >= 0 {
        _ = fsync(dir)
        _ = close(dir)
      }
    }
  }

  static func read(_ path: String) throws(SweepError) -> [UInt8] {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw SweepError.input("\(path): this is a folder, not a file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SweepError.input("\(path): there is no such file, or it cannot be read")
    }
    return [UInt8](data)
  }

  private static func failure(_ what: String, _ path: String, _ code: Int32) -> SweepError {
    .environment("\(path): cannot \(what) the file: \(String(cString: strerror(code)))\(TemporaryFiles.hint(forErrno: code))")
  }
}
