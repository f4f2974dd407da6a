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
    switch kind {
    case .custom(let read): return read(path)
    case .fileSystem:
      guard let data = FileManager.default.contents(atPath: path) else { return nil }
      return String(decoding: data, as: UTF8.self)
    }
  }
}
