import Foundation

/// Reads a scenario file: bounded YAML parsing, `extends` chains, overrides, optional schema
/// validation, and the canonical text and hash of the result.
///
/// ```swift
/// let scenario = try ScenarioLoader(schema: ChainSimSchema.root)
///   .load(path: "scenarios/variants/green-clearance.yaml",
///         overrides: [ScenarioOverride(keyPath: "site.servers_per_station", value: "3")])
/// ```
public struct ScenarioLoader: Sendable {
  /// Size, depth, node-count and chain-length limits (per file).
  public var limits: ScenarioLimits
  /// If set, the resolved tree is validated against it, and overrides may set keys the
  /// file leaves to their defaults.
  public var schema: Schema?
  /// Where files (the one loaded and those it extends) are read from: the file system
  /// unless set.
  public var reader: ScenarioSourceReader

  /// Creates a loader.
  public init(limits: ScenarioLimits = .default, schema: Schema? = nil, reader: ScenarioSourceReader = .fileSystem) {
    self.limits = limits
    self.schema = schema
    self.reader = reader
  }

  /// Creates a loader with a byte limit and otherwise default limits.
  public init(maxBytes: Int, schema: Schema? = nil) {
    self.init(limits: ScenarioLimits(maxBytes: maxBytes), schema: schema)
  }

  /// Loads a scenario file and everything it extends, then applies overrides (after
  /// `extends`, before validation).
  ///
  /// - Throws: `ScenarioError` with file, line, column and key path.
  public func load(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError)
    -> ResolvedScenario
  {
    var files: [String] = []
    do {
      let merged = try loadChain(path: path, from: nil, chain: [], files: &files)
      let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      return try finish(merged, fallbackName: stem, path: path, files: files, overrides: overrides)
    } catch {
      // An error in a base file names the file the planner loaded, too.
      guard let file = error.location?.file, file != path, !file.hasPrefix("<override"), !error.message.contains(path) else {
        throw error
      }
      var noted = error
      noted.message += " (in a base scenario that \(path) extends)"
      throw noted
    }
  }

  /// `load(path:overrides:)` with `(keyPath, value)` pairs.
  public func load(path: String, overrides: [(keyPath: String, value: String)]) throws(ScenarioError)
    -> ResolvedScenario
  {
    try load(path: path, overrides: overrides.map { ScenarioOverride(keyPath: $0.keyPath, value: $0.value) })
  }

  /// Loads a scenario from text in memory (for tools and fuzzing).
  ///
  /// - Parameters:
  ///   - text: the YAML text.
  ///   - name: the label used in error locations and as the fallback scenario name.
  ///   - baseDirectory: where `extends` paths are resolved from; `nil` refuses `extends`.
  ///   - overrides: applied after `extends`.
  public func load(
    text: String, name: String, baseDirectory: String? = nil, overrides: [ScenarioOverride] = []
  ) throws(ScenarioError) -> ResolvedScenario {
    var node = try parseRoot(text, file: name)
    var files: [String] = []
    if let extends = node["extends"] {
      guard let baseDirectory else {
        throw ScenarioError(
          location: extends.location, keyPath: "extends",
          message: "extends is not available for text given in memory; load the file by its path")
      }
      let pseudoPath = (baseDirectory as NSString).appendingPathComponent(name)
      node = try resolveExtends(node, path: pseudoPath, chain: [(_Paths.absolute(pseudoPath), name)], files: &files)
    }
    return try finish(node, fallbackName: name, path: nil, files: files, overrides: overrides)
  }

  // MARK: - Internals

  private func finish(
    _ merged: ScenarioNode, fallbackName: String, path: String?, files: [String],
    overrides: [ScenarioOverride]
  ) throws(ScenarioError) -> ResolvedScenario {
    let root = try merged.applying(overrides: overrides, schema: schema)
    if let schema { try schema.validate(root) }
    let canonical = root.canonicalYAML
    let declared = root["name"]?.scalar.flatMap { $0.isNull ? nil : $0.text }
    return ResolvedScenario(
      name: declared ?? fallbackName, path: path, root: root, canonicalText: canonical,
      sha256: ScenarioNode.sha256Hex(canonical), files: files)
  }

  private func parseRoot(_ text: String, file: String) throws(ScenarioError) -> ScenarioNode {
    let node = try ScenarioNode.parse(yaml: text, file: file, limits: limits)
    if node.isNull {
      throw ScenarioError(
        location: SourceLocation(file: file, line: 1, column: 1),
        message: "the file is empty (no keys, only comments, blank lines or '---')")
    }
    guard node.mapping != nil else {
      throw ScenarioError(
        location: node.location,
        message: "expected a mapping of keys at the top of the file, found \(node.shapeDescription)")
    }
    return node
  }

  /// Reads `path` and the chain below it; `chain` holds the files above it (absolute path
  /// for cycle detection, path as written for messages).
  private func loadChain(
    path: String, from extends: ScenarioNode?, chain: [(absolute: String, shown: String)],
    files: inout [String]
  )
    throws(ScenarioError) -> ScenarioNode
  {
    let absolute = _Paths.absolute(path)
    let text = try readFile(path, extendsNode: extends, chain: chain)
    files.append(path)
    let node = try parseRoot(text, file: path)
    return try resolveExtends(node, path: path, chain: chain + [(absolute, path)], files: &files)
  }

  private func resolveExtends(
    _ node: ScenarioNode, path: String, chain: [(absolute: String, shown: String)],
    files: inout [String]
  ) throws(ScenarioError) -> ScenarioNode {
    guard let extends = node["extends"] else { return node }
    guard let relative = extends.scalar?.text, !extends.isNull, !relative.isEmpty else {
      throw ScenarioError(
        location: extends.location, keyPath: "extends",
        message: "expected the path of the base scenario, e.g. extends: ../baseline.yaml, found \(extends.shapeDescription)")
    }
    let basePath = _Paths.join((path as NSString).deletingLastPathComponent, relative)
    let absolute = _Paths.absolute(basePath)
    if chain.contains(where: { $0.absolute == absolute }) {
      let names = chain.map(\.shown) + [basePath]
      throw ScenarioError(
        location: extends.location, keyPath: "extends",
        message: "extends makes a cycle: \(names.joined(separator: " → "))")
    }
    if chain.count >= limits.maxExtendsChain {
      throw ScenarioError(
        location: extends.location, keyPath: "extends",
        message: "the extends chain is longer than \(limits.maxExtendsChain) files")
    }
    let base = try loadChain(path: basePath, from: extends, chain: chain, files: &files)
    return try base.merged(with: node.removingKey("extends"))
  }

  private func readFile(
    _ path: String, extendsNode: ScenarioNode?, chain: [(absolute: String, shown: String)]
  ) throws(ScenarioError)
    -> String
  {
    func fail(_ why: String) -> ScenarioError {
      var message = "cannot read '\(path)': \(why)"
      if !chain.isEmpty {
        message += " (extends chain: \(chain.map(\.shown).joined(separator: " → ")) → \(path))"
      }
      return ScenarioError(
        location: extendsNode?.location, keyPath: extendsNode == nil ? "" : "extends", message: message)
    }
    if case .custom(let read) = reader.kind {
      guard let text = read(path) else { throw fail("no such file") }
      let size = text.utf8.count
      if size > limits.maxBytes {
        throw ScenarioError(
          location: SourceLocation(file: path, line: 1, column: 1),
          message: "the file is \(size) bytes; the limit is \(limits.maxBytes) bytes")
      }
      return text
    }
    let data: Data
    switch _RegularFile.contents(of: path, maxBytes: limits.maxBytes) {
    case .success(let bytes): data = bytes
    case .failure(.tooLarge(let bytes, let limit)):
      throw ScenarioError(
        location: SourceLocation(file: path, line: 1, column: 1),
        message: _RegularFile.Refusal.tooLarge(bytes: bytes, limit: limit).why)
    case .failure(.resultsFile):
      // Inside an extends chain the error points at the `extends:` line; at the top, at the file.
      if extendsNode != nil { throw fail(_TextEncoding.resultsFileReason(path)) }
      throw ScenarioError(
        location: SourceLocation(file: path, line: 1, column: 1),
        message: "cannot read the file: \(_TextEncoding.resultsFileReason(path))")
    case .failure(let refusal):
      throw fail(refusal.why)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      // Inside an extends chain the error points at the `extends:` line; at the top, at the
      // first byte that is not UTF-8.
      if extendsNode != nil { throw fail(_TextEncoding.notUTF8(data).why) }
      let (why, line, column) = _TextEncoding.notUTF8(data)
      throw ScenarioError(location: SourceLocation(file: path, line: line, column: column), message: "cannot read the file: \(why)")
    }
    return text
  }
}

/// Path arithmetic that keeps paths as the planner wrote them where it can.
enum _Paths {
  /// `dir` + `relative`, with `.` and `..` folded (an absolute `relative` wins).
  static func join(_ directory: String, _ relative: String) -> String {
    if relative.hasPrefix("/") { return normalize(relative) }
    if directory.isEmpty { return normalize(relative) }
    return normalize(directory + "/" + relative)
  }

  static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
        continue
      }
      if part == "..", absolute { continue }
      parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
  }

  static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? normalize(path) : join(FileManager.default.currentDirectoryPath, path)
  }
}
