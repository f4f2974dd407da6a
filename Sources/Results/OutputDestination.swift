import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one rule for every file ChainSim writes (run, sweep and merge results, reports, sweep
/// records and part files, SLURM scripts): write only to a path that is absent, an empty
/// regular file, or a file ChainSim wrote of the same kind; never to a device, FIFO,
/// socket, folder, any other file, or one of the run's own inputs.
///
/// Files are written to a temporary name and renamed into place (``TemporaryFiles``), and a
/// rename replaces whatever has the name: `/dev/null` would become a regular file, and the
/// scenario itself would be replaced by HDF5. ``check()`` refuses such a path before any
/// work is done, with `ResultsError` `.input` (exit 2) naming the real reason. Inputs are
/// compared by device and inode (`stat`), not by name, so a symbolic link, a hard link or
/// `./x/../S.yaml` to an input is caught.
///
/// ``prepare()`` also makes sure, before the first event is simulated, that the folder can
/// be created and written in (`.environment`, exit 3, otherwise). A probe file is created
/// and removed rather than asking `access(2)`, which answers yes to root even on a
/// read-only file system.
public struct OutputDestination: Sendable {
  /// A kind of file ChainSim writes, recognised by its first bytes.
  public struct Content: Sendable {
    /// What the kind is called in messages, without an article, e.g. "ChainSim results file".
    public var name: String
    /// Whether the first (up to) 512 bytes of a non-empty file are of this kind.
    public var recognises: @Sendable ([UInt8]) -> Bool

    /// A kind called `name`, recognised by `recognises` on a file's first 512 bytes.
    public init(name: String, recognises: @escaping @Sendable ([UInt8]) -> Bool) {
      self.name = name
      self.recognises = recognises
    }

    /// HDF5 results of run, sweep and merge: sealed files (``FileSeal``, the
    /// `CHAINSIM-SEAL` user block). An HDF5 file without a seal may be anyone's data and is
    /// not replaced.
    public static let results = Content(name: "ChainSim results file") { head in
      head.starts(with: FileSeal.magic.dropLast(2))
    }
  }

  /// A file the command reads, which it must never write over.
  public struct Input: Sendable, Equatable {
    /// The path as given (shown in messages).
    public var path: String
    /// What the file is to this run, e.g. "the scenario file".
    public var role: String

    /// The input at `path`, which is `role` to the command (e.g. "the sweep file").
    public init(path: String, role: String) {
      self.path = path
      self.role = role
    }

    /// The files of a loaded scenario, the loaded one first and then each base it extends:
    /// "the scenario file" and "a base scenario that S.yaml extends".
    public static func scenario(_ files: [String]) -> [Input] {
      guard let first = files.first else { return [] }
      return [Input(path: first, role: "the scenario file")]
        + files.dropFirst().map { Input(path: $0, role: "a base scenario that \(first) extends") }
    }
  }

  /// The path to write.
  public var path: String
  /// What may be replaced there.
  public var content: Content
  /// The files this command reads.
  public var inputs: [Input]
  /// Where the planner chose the path, named in refusals ("choose another -o").
  public var option: String

  /// The destination `path` of a command that may replace an older file of `content`'s
  /// kind and reads `inputs`; `option` is how the planner gave the path.
  public init(path: String, content: Content, inputs: [Input] = [], option: String = "-o") {
    self.path = path
    self.content = content
    self.inputs = inputs
    self.option = option
  }

  /// Refuses a path that must not be written, without changing anything (it only reads:
  /// `lstat`, `stat`, and the first 512 bytes of an existing regular file). Between this
  /// check and the rename another program could still put something at the path; the
  /// check is for a planner's mistakes, not for an adversary.
  /// - Throws: `ResultsError` `.input` (exit 2) naming the reason; `.environment` (exit 3)
  ///   when an existing file cannot be examined (permission, I/O error).
  public func check() throws(ResultsError) {
    let name = URL(fileURLWithPath: path).lastPathComponent
    guard !path.isEmpty, !path.hasSuffix("/"), !name.isEmpty, name != ".", name != ".." else {
      throw .input(path, "this is not a file name")
    }
    var link = stat()
    guard lstat(path, &link) == 0 else {
      let code = errno
      if code == ENOENT {
        // `new/../S.yaml` names S.yaml once `new` is created: judge the path without `..`.
        let plain = URL(fileURLWithPath: path).standardizedFileURL.path
        if plain != path, lstat(plain, &link) == 0 {
          do {
            try OutputDestination(path: plain, content: content, inputs: inputs, option: option).check()
          } catch {
            var named = error
            named.path = path
            throw named
          }
        }
        return
      }
      if code == ENOTDIR { throw .input(path, "a part of the path is not a folder") }
      throw .environment(path, "cannot examine the path: \(Self.reason(code))")
    }
    var info = stat()
    if stat(path, &info) != 0 {
      let code = errno
      if code == ENOENT { throw refusal("is a symbolic link to a missing file") }
      throw .environment(path, "cannot examine the path: \(Self.reason(code))")
    }
    if let input = inputs.first(where: { Self.sameFile(info, $0.path) }) {
      let named = Self.samePath(input.path, path) ? "" : " \(input.path)"
      throw refusal("is one of this run's inputs (\(input.role)\(named))")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFCHR, S_IFBLK: throw refusal("is a device")
    case S_IFIFO: throw refusal("is a FIFO (a named pipe)")
    case S_IFSOCK: throw refusal("is a socket")
    case S_IFDIR: throw refusal("is a folder")
    default: throw refusal("is not a regular file")
    }
    if info.st_size == 0 { return }
    let head = try Self.head(of: path)
    guard !content.recognises(head) else { return }
    throw .input(path, "exists and is not a \(content.name): remove it or choose another \(option) (nothing was written)")
  }

  /// ``check()``, then creates the folder (with its parents) if it is missing, and
  /// creates and removes a probe file in it, so that a folder that cannot be written is
  /// reported before the work starts rather than after it.
  /// - Parameter createFolder: false when a missing folder is bad input (exit 2).
  /// - Throws: `ResultsError`: `.input` from ``check()`` or for a missing folder;
  ///   `.environment` when the folder cannot be created or written in.
  public func prepare(createFolder: Bool = true) throws(ResultsError) {
    try check()
    let written = (path as NSString).deletingLastPathComponent
    let folder = written.isEmpty ? "." : written
    var info = stat()
    if stat(folder, &info) != 0 {
      let code = errno
      guard code == ENOENT, createFolder else {
        if code == ENOENT || code == ENOTDIR { throw .input(path, "the folder \(folder) does not exist") }
        throw .environment(path, "cannot reach the folder \(folder): \(Self.reason(code))")
      }
      let made = Self.makeFolders(folder)
      guard made == 0 else {
        throw .environment(
          path,
          "cannot create the folder \(folder): \(Self.reason(made))\(TemporaryFiles.hint(forErrno: made))"
            + " (checked before running; nothing was written)")
      }
    } else if info.st_mode & S_IFMT != S_IFDIR {
      throw .input(path, "\(folder) is not a folder")
    }
    try check()  // the path may resolve differently now that its folder exists
    try probe(folder)
  }

  /// Creates and removes this process's temporary file in `folder` (the name the writer
  /// uses, so a probe left by a kill is cleaned up like any stale temporary file).
  private func probe(_ folder: String) throws(ResultsError) {
    let temporary = TemporaryFiles.temporaryPath(for: path)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let code = errno
      if code == EEXIST { return }
      throw .environment(
        path,
        "cannot write in the folder \(folder): \(Self.reason(code))\(TemporaryFiles.hint(forErrno: code))"
          + " (checked before running; nothing was written)")
    }
    _ = close(descriptor)
    _ = unlink(temporary)
  }

  private func refusal(_ reason: String) -> ResultsError {
    .input(
      path,
      "\(reason): ChainSim writes only to a new file, an empty file or an older \(content.name); "
        + "choose another \(option) (nothing was written)")
  }

  /// Whether `path` names the file whose status is `info` (same device and inode).
  private static func sameFile(_ info: stat, _ other: String) -> Bool {
    var o = stat()
    guard stat(other, &o) == 0 else { return false }
    return o.st_dev == info.st_dev && o.st_ino == info.st_ino
  }

  private static func samePath(_ a: String, _ b: String) -> Bool {
    URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
  }

  /// The first 512 bytes of a regular file.
  private static func head(of path: String) throws(ResultsError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw .environment(path, "cannot read the existing file to check that ChainSim wrote it: \(reason(errno))")
    }
    defer { _ = close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: FileSeal.userBlockSize)
    var count = 0
    while count < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return read(descriptor, base + count, buffer.count - count)
      }
      if n < 0, errno == EINTR { continue }
      guard n >= 0 else {
        throw .environment(path, "cannot read the existing file to check that ChainSim wrote it: \(reason(errno))")
      }
      if n == 0 { break }
      count += n
    }
    return Array(bytes.prefix(count))
  }

  /// `mkdir -p`: 0, or the `errno` of the first folder that could not be made.
  private static func makeFolders(_ folder: String) -> Int32 {
    var info = stat()
    if stat(folder, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR ? 0 : ENOTDIR }
    let parent = (folder as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != folder {
      let code = makeFolders(parent)
      if code != 0 { return code }
    }
    return mkdir(folder, 0o777) == 0 || errno == EEXIST ? 0 : errno
  }

  private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
