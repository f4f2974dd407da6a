import Foundation
import Testing

/// What a folder holds, entry by entry (recursively): each entry's file type and its bytes
/// (a link's target, nothing for a FIFO or folder), to prove a refused command changed
/// nothing and wrote nothing.
struct FolderSnapshot: Equatable, CustomStringConvertible {
  struct Entry: Equatable {
    var type: mode_t
    var bytes: Data
  }

  var entries: [String: Entry] = [:]

  init(_ folder: URL) throws {
    try walk(folder.path, prefix: "")
  }

  private mutating func walk(_ folder: String, prefix: String) throws {
    for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
      let path = (folder as NSString).appendingPathComponent(name)
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      let type = info.st_mode & S_IFMT
      var bytes = Data()
      switch type {
      case S_IFREG: bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      case S_IFLNK: bytes = Data(try FileManager.default.destinationOfSymbolicLink(atPath: path).utf8)
      default: break
      }
      entries[prefix + name] = Entry(type: type, bytes: bytes)
      if type == S_IFDIR { try walk(path, prefix: prefix + name + "/") }
    }
  }

  var description: String {
    entries.keys.sorted().map { "\($0) (type \(String(entries[$0]?.type ?? 0, radix: 8)), \(entries[$0]?.bytes.count ?? 0) bytes)" }
      .joined(separator: ", ")
  }
}

/// A device node's identity (file type and device number), to prove it is still the device.
struct DeviceNode: Equatable {
  var type: mode_t
  var device: dev_t

  init(_ path: String) {
    var info = stat()
    _ = lstat(path, &info)
    type = info.st_mode & S_IFMT
    device = info.st_rdev
  }

  /// Puts the character device back at `path` if a regressed writer replaced it with a
  /// regular file (the defect these tests guard against breaks `/dev/null` for the whole
  /// machine); as root only. Returns whether it had to.
  @discardableResult
  func restore(at path: String) -> Bool {
    guard DeviceNode(path) != self, type == S_IFCHR, geteuid() == 0 else { return false }
    _ = unlink(path)
    _ = mknod(path, S_IFCHR | 0o666, device)
    _ = chmod(path, 0o666)
    return true
  }
}

/// A folder with a copy of the baseline as `S.yaml` (and a variant `V.yaml` that extends it),
/// where output paths are tried; commands run with it as the working folder.
struct OutputPathBench {
  let folder: URL
  /// A run that takes under a second in a debug build.
  static let short = ["--horizon", "2d", "--set", "run.warmup=1d", "--replications", "1", "-j", "1", "--quiet"]

  init() throws {
    folder = try temporaryDirectory()
    let baseline = try String(contentsOf: packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml"), encoding: .utf8)
    try baseline.write(to: url("S.yaml"), atomically: false, encoding: .utf8)
    try "extends: S.yaml\nname: variant\n".write(to: url("V.yaml"), atomically: false, encoding: .utf8)
  }

  func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
  func path(_ name: String) -> String { url(name).path }

  /// `chainsim ARGUMENTS` run in the folder.
  func chainsim(_ arguments: [String]) throws -> CommandResult {
    try runProgram(chainsimBinary, arguments, in: folder)
  }

  /// `chainsim run SCENARIO <short> -o OUTPUT` in the folder.
  func run(_ scenario: String = "S.yaml", output: String) throws -> CommandResult {
    try chainsim(["run", scenario] + Self.short + ["-o", output])
  }

  /// A two-point sweep of `scenario` (one replication each) as `sweep.yaml`, with `output`.
  func writeSweep(scenario: String = "S.yaml", output: String? = nil) throws {
    var text = """
      sweep: tiny
      scenario: \(scenario)
      set: {run.horizon: 2d, run.warmup: 1d}
      replications: 1
      parameters:
        - name: uict_berths
          path: port.terminals[name=UICT].berths
          values: [3, 4]

      """
    if let output { text += "output: \(output)\n" }
    try text.write(to: url("sweep.yaml"), atomically: false, encoding: .utf8)
  }

  func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The one line a refused output path gives: the path, the reason, and what may be written.
func refusal(_ path: String, _ reason: String, kind: String = "ChainSim results file") -> String {
  "error: \(path): \(reason): ChainSim writes only to a new file, an empty file or an older \(kind); "
    + "choose another -o (nothing was written)"
}

/// The line for an existing file that ChainSim did not write.
func foreignFile(_ path: String, kind: String = "ChainSim results file") -> String {
  "error: \(path): exists and is not a \(kind): remove it or choose another -o (nothing was written)"
}

/// Expects a refusal: exit 2, exactly `message` on stderr, the folder as it was.
func expectRefused(
  _ result: CommandResult, _ message: String, folder: URL, before: FolderSnapshot,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  #expect(result.exitCode == 2, "\(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == message, sourceLocation: sourceLocation)
  let after = try FolderSnapshot(folder)
  #expect(after == before, "before: \(before)\nafter: \(after)", sourceLocation: sourceLocation)
}
