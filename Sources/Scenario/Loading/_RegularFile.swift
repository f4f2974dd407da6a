import Foundation
import SimKernel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a scenario or sweep file from disk: only a regular file, with its size checked
/// against the limit before any byte is read, and the real reason when it cannot be read
/// (a device, a FIFO, a kernel interface such as `/proc/self/mem`, a folder...).
///
/// The file is opened without blocking (a FIFO swapped in after the check cannot hang the
/// loader) and checked again through the open descriptor.
enum _RegularFile {
  /// Why a path gives no scenario text.
  enum Refusal: Error, Equatable {
    case missing
    case folder
    case characterDevice
    case blockDevice
    case fifo
    case socket
    case kernelInterface(String)
    case notRegular
    case tooLarge(bytes: Int, limit: Int)
    case resultsFile
    case permissionDenied
    case failed(String)

    /// The reason, as the end of `cannot read 'PATH': …`.
    var why: String {
      switch self {
      case .missing: return "no such file"
      case .folder: return "it is a folder, not a file"
      case .characterDevice: return "it is a device (such as /dev/zero or /dev/null), not a scenario file"
      case .blockDevice: return "it is a block device (a disk), not a scenario file"
      case .fifo: return "it is a FIFO (a named pipe), not a scenario file; save the scenario to a regular file"
      case .socket: return "it is a socket, not a scenario file"
      case .kernelInterface(let fs): return "it is a kernel interface (a file of \(fs)), not a scenario file"
      case .notRegular: return "it is not a regular file"
      case let .tooLarge(bytes, limit): return "the file is \(bytes) bytes; the limit is \(limit) bytes"
      case .resultsFile: return "it is a ChainSim results file (HDF5), not a scenario"
      case .permissionDenied: return "permission denied"
      case .failed(let reason): return reason
      }
    }
  }

  /// The bytes of the regular file at `path`, at most `maxBytes` of them. A ChainSim
  /// results file (HDF5) is refused as such whatever its size (its first 4 KiB tell).
  static func contents(of path: String, maxBytes: Int) -> Result<Data, Refusal> {
    var info = stat()
    guard stat(path, &info) == 0 else { return .failure(refusal(errno: errno)) }
    if let refusal = kind(info) { return .failure(refusal) }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .failure(refusal(errno: errno)) }
    defer { close(fd) }
    guard fstat(fd, &info) == 0 else { return .failure(refusal(errno: errno)) }
    if let refusal = kind(info) { return .failure(refusal) }
    let size = Int(info.st_size)
    if size > maxBytes {
      if case .success(let head) = readPrefix(fd, upTo: min(maxBytes, 4_096)), _TextEncoding.isResultsFile(head) {
        return .failure(.resultsFile)
      }
      return .failure(.tooLarge(bytes: size, limit: maxBytes))
    }
    // One byte past the limit: a file that grew since fstat is still refused.
    switch readPrefix(fd, upTo: maxBytes + 1) {
    case .failure(let refusal): return .failure(refusal)
    case .success(let data):
      if data.count > maxBytes { return .failure(.tooLarge(bytes: data.count, limit: maxBytes)) }
      if _TextEncoding.isResultsFile(data) { return .failure(.resultsFile) }
      return .success(data)
    }
  }

  /// At most `limit` bytes from the start of `fd` (fewer at the end of the file).
  private static func readPrefix(_ fd: Int32, upTo limit: Int) -> Result<Data, Refusal> {
    var bytes = [UInt8](repeating: 0, count: min(limit, 64 * 1_024))
    var count = 0
    while count < limit {
      if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(bytes.count, limit - bytes.count)) }
      let n = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return read(fd, base + count, buffer.count - count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(refusal(errno: errno))
      }
      if n == 0 { break }
      count += n
    }
    return .success(Data(bytes[0..<count]))
  }

  /// The refusal for a file that is not a regular file on a disk, or nil.
  private static func kind(_ info: stat) -> Refusal? {
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .folder
    case S_IFCHR: return .characterDevice
    case S_IFBLK: return .blockDevice
    case S_IFIFO: return .fifo
    case S_IFSOCK: return .socket
    default: return .notRegular
    }
    // A file of /proc or /sys (such as /proc/self/mem) is a regular file to stat, with a
    // size of 0 or 4096, but reading it is a request to the kernel.
    for root in ["/proc", "/sys"] {
      var mount = stat()
      if stat(root, &mount) == 0, mount.st_dev == info.st_dev { return .kernelInterface(root) }
    }
    return nil
  }

  private static func refusal(errno code: Int32) -> Refusal {
    switch code {
    case ENOENT, ENOTDIR: return .missing
    case EACCES, EPERM: return .permissionDenied
    case EISDIR: return .folder
    default: return .failed(String(cString: strerror(code)))
    }
  }
}

extension _RegularFile.Refusal: ClassifiedError {
  /// The path given as a scenario gives no scenario text: bad input (the loader reports
  /// every refusal as a ``ScenarioError``, exit 2, permission and I/O failures included).
  var failureKind: FailureKind { .badInput }
  var description: String { why }
}
