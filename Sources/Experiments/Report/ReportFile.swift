import Foundation
import Results

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// Writes a report page the way results files are written: to a temporary name in the
/// same folder, flushed to disk, then renamed, so a killed run never leaves a page that
/// looks finished.
public enum ReportFile {
  /// Writes `text` (UTF-8) to `path`, replacing any old file.
  /// - Throws: ``ReportError`` with exit code 2 when the folder does not exist or the name
  ///   is a folder, 3 when the system refuses (permission, disk full, I/O error).
  /// Only a path ``OutputDestination`` allows is written: absent, empty or an older report.
  public static func write(_ text: String, to path: String) throws(ReportError) {
    do {
      try OutputDestination(path: path, content: .report).check()
    } catch {
      throw ReportError(error.description, exitCode: error.exitCode)
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var info = stat()
    guard !path.isEmpty, !path.hasSuffix("/") else { throw ReportError("\(path): this is not a file name") }
    guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
      throw ReportError("\(path): the folder \(folder) does not exist")
    }
    if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      throw ReportError("\(path): a folder of that name exists already")
    }
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw failure(path, "cannot create \(temporary)") }
    var ok = true
    var reason = ""
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let n = systemWrite(fd, base + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          ok = false
          reason = String(cString: strerror(errno))
          return
        }
        offset += n
      }
    }
    if ok, fsync(fd) != 0 { ok = false; reason = String(cString: strerror(errno)) }
    if close(fd) != 0, ok { ok = false; reason = String(cString: strerror(errno)) }
    guard ok else {
      unlink(temporary)
      throw ReportError("\(path): cannot write the report: \(reason)", exitCode: 3)
    }
    guard rename(temporary, path) == 0 else {
      let error = failure(path, "cannot rename \(temporary) into place")
      unlink(temporary)
      throw error
    }
  }

  private static func failure(_ path: String, _ what: String) -> ReportError {
    ReportError("\(path): \(what): \(String(cString: strerror(errno)))", exitCode: 3)
  }
}
