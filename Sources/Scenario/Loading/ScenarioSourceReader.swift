import Foundation

/// Where a ``ScenarioLoader`` reads scenario files from: the file system (the default), or
/// texts held in memory (for tools, tests and fuzzing, so that `extends` works without files).
///
/// ```swift
/// let reader = ScenarioSourceReader.inMemory([
///   "scenarios/tianjin-2024.yaml": baseText,
///   "scenarios/variants/mine.yaml": "extends: ../tianjin-2024.yaml\nport: {enabled: false}\n",
/// ])
/// let scenario = try ScenarioLoader(schema: ChainSimSchema.root, reader: reader)
///   .load(path: "scenarios/variants/mine.yaml")
/// ```
public struct ScenarioSourceReader: Sendable {
  enum Kind: Sendable {
    case fileSystem
    case custom(@Sendable (String) -> String?)
  }

  let kind: Kind

  /// Reads files from disk, with the loader's checks (folder, size, UTF-8) and messages.
  public static let fileSystem = ScenarioSourceReader(kind: .fileSystem)

  private init(kind: Kind) { self.kind = kind }

  /// A reader backed by a function: `readText(path)` returns the text of the file at `path`
  /// (a path as the loader resolved it: `extends` joined to the extending file's folder, with
  /// `.` and `..` folded), or nil when there is no such file.
  public init(readText: @escaping @Sendable (String) -> String?) {
    self.kind = .custom(readText)
  }

  /// A reader over files held in memory, keyed by path; keys are normalised the way the
  /// loader resolves `extends` (`a/./b/../c.yaml` is `a/c.yaml`).
  public static func inMemory(_ files: [String: String]) -> ScenarioSourceReader {
    var normalised: [String: String] = [:]
    for (path, text) in files { normalised[_Paths.normalize(path)] = text }
    let table = normalised
    return ScenarioSourceReader { table[_Paths.normalize($0)] }
  }

  /// The text of the file at `path`, or nil when it cannot be read (lossy UTF-8 for files on
  /// disk). Used by readers of files other than scenarios, such as sweep files.
  public func text(atPath path: String) -> String? {
    try? readText(atPath: path, maxBytes: ScenarioLimits.default.maxBytes)
  }

  /// The text of the file at `path` (lossy UTF-8 for files on disk), read only from a regular
  /// file of at most `maxBytes` bytes.
  /// - Throws: `ScenarioError` without a location, whose message says why the file cannot
  ///   be read: `cannot read 'PATH': it is a FIFO (a named pipe), not a scenario file`, or a
  ///   device, a folder, a results file, permission denied, no such file; a file over
  ///   `maxBytes` is located at its first line (`FILE:1:1: the file is N bytes; …`).
  public func readText(atPath path: String, maxBytes: Int) throws(ScenarioError) -> String {
    func fail(_ why: String) -> ScenarioError {
      ScenarioError(location: nil, message: "cannot read '\(path)': \(why)")
    }
    switch kind {
    case .custom(let read):
      guard let text = read(path) else { throw fail("no such file") }
      return text
    case .fileSystem:
      switch _RegularFile.contents(of: path, maxBytes: maxBytes) {
      case .failure(.tooLarge(let bytes, let limit)):
        throw ScenarioError(
          location: SourceLocation(file: path, line: 1, column: 1),
          message: _RegularFile.Refusal.tooLarge(bytes: bytes, limit: limit).why)
      case .failure(.resultsFile): throw fail(_TextEncoding.resultsFileReason(path))
      case .failure(let refusal): throw fail(refusal.why)
      case .success(let data): return String(decoding: data, as: UTF8.self)
      }
    }
  }
}
