import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary names under which ChainSim writes a file before renaming it into place
/// (results files, sweep records, part files), and the cleanup of those a killed writer left.
///
/// A temporary file is `.<name>.tmp-<pid>` in the final file's folder. A process killed
/// while writing leaves its temporary file behind; the next write of the same name removes
/// every such file whose process no longer exists (it is incomplete by construction), so a
/// rerun after a kill leaves the folder clean. A file of a process that is still alive is
/// never touched.
public enum TemporaryFiles {
  /// `.<name>.tmp-<pid>` next to `finalPath`, for this process.
  public static func temporaryPath(for finalPath: String) -> String {
    let url = URL(fileURLWithPath: finalPath)
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
  }

  /// Removes the temporary files of `finalPath` left by processes that no longer exist.
  /// Best effort: a folder that cannot be listed or a file that cannot be removed is skipped.
  public static func removeStale(for finalPath: String) {
    let url = URL(fileURLWithPath: finalPath)
    let folder = url.deletingLastPathComponent().path
    let prefix = ".\(url.lastPathComponent).tmp-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0, pid != getpid(), !isAlive(pid) else { continue }
      _ = unlink((folder as NSString).appendingPathComponent(name))
    }
  }

  /// Whether a process `pid` exists (EPERM: it exists but belongs to someone else).
  private static func isAlive(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno != ESRCH
  }

  /// The words a planner reads after the system's reason for a failed write: what to do
  /// about a full disk, an exhausted quota or a file-size limit; empty otherwise.
  public static func hint(forErrno code: Int32) -> String {
    switch code {
    case ENOSPC: " (the disk is full: free some space and run the command again)"
    case EDQUOT: " (the disk quota is exceeded: free some space and run the command again)"
    case EFBIG: " (the file size limit is exceeded: see ulimit -f)"
    default: ""
    }
  }
}
