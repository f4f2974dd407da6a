import Collections
import Yams

extension ScenarioNode {
  /// Parses YAML text into a tree, after checking the size, depth and node-count limits.
  ///
  /// - Parameters:
  ///   - text: the YAML text.
  ///   - file: the name to put in locations and errors.
  ///   - limits: the bounds to enforce before parsing.
  /// - Throws: `ScenarioError` for an empty or oversized input, a syntax error, a
  ///   duplicate key, a non-text key, an explicit tag (`!!str`, `!!binary`: the loader reads
  ///   values by their key and does not honour tags), or input beyond the limits.
  public static func parse(
    yaml text: String, file: String, limits: ScenarioLimits = .default
  ) throws(ScenarioError) -> ScenarioNode {
    let size = text.utf8.count
    if size > limits.maxBytes {
      throw ScenarioError(
        location: SourceLocation(file: file, line: 1, column: 1),
        message: "the file is \(size) bytes; the limit is \(limits.maxBytes) bytes")
    }
    let tag = try _YAMLPrescan.check(text, file: file, limits: limits)
    let composed: Node?
    do {
      composed = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw translate(error, file: file)
    } catch {
      throw ScenarioError(location: nil, message: "cannot read \(file): \(error)")
    }
    guard let composed else {
      throw ScenarioError(
        location: SourceLocation(file: file, line: 1, column: 1),
        message: "the file is empty (no keys, only comments or blank lines)")
    }
    let tree = try convert(composed, file: file)
    if let tag { throw refusal(of: tag, in: tree) }
    return tree
  }

  /// The error for an explicit tag, located and with the key path of the tagged value.
  private static func refusal(of tag: _YAMLPrescan.ExplicitTag, in tree: ScenarioNode) -> ScenarioError {
    ScenarioError(
      location: tag.location, keyPath: tree.keyPath(of: tag.location)?.description ?? "",
      message: "the YAML tag '\(tag.tag)' is not honoured: ChainSim reads each value by its key, never by a tag; "
        + "remove the tag (quote the value to keep it as text)")
  }

  private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
    SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  private static func convert(_ node: Node, file: String) throws(ScenarioError) -> ScenarioNode {
    switch node {
    case .scalar(let scalar):
      let quoted = !(scalar.style == .plain || scalar.style == .any)
      return .scalar(scalar.string, quoted: quoted, at: location(scalar.mark, file))
    case .alias(let alias):
      throw ScenarioError(
        location: location(alias.mark, file), message: "unresolved alias '*\(alias.anchor.rawValue)'")
    case .sequence(let sequence):
      var items: [ScenarioNode] = []
      items.reserveCapacity(sequence.count)
      for item in sequence { items.append(try convert(item, file: file)) }
      return ScenarioNode(.sequence(items), at: location(sequence.mark, file))
    case .mapping(let mapping):
      var entries = OrderedDictionary<String, ScenarioMappingEntry>()
      var merged: [(String, ScenarioMappingEntry)] = []
      for (key, value) in mapping {
        guard case .scalar(let keyScalar) = key else {
          throw ScenarioError(
            location: location(key.mark, file), message: "a key must be plain text, not a list or mapping")
        }
        let keyLocation = location(keyScalar.mark, file)
        let converted = try convert(value, file: file)
        if keyScalar.string == "<<" && keyScalar.style != .singleQuoted
          && keyScalar.style != .doubleQuoted
        {
          merged += try mergeSources(converted, at: keyLocation)
          continue
        }
        entries[keyScalar.string] = ScenarioMappingEntry(keyLocation: keyLocation, value: converted)
      }
      for (key, entry) in merged where entries[key] == nil {
        entries[key] = entry
      }
      return ScenarioNode(.mapping(entries), at: location(mapping.mark, file))
    }
  }

  /// The entries a YAML merge key (`<<: *defaults` or `<<: [*a, *b]`) brings in; earlier
  /// sources win, and keys written next to `<<` win over all of them.
  private static func mergeSources(_ node: ScenarioNode, at location: SourceLocation)
    throws(ScenarioError) -> [(String, ScenarioMappingEntry)]
  {
    let sources = node.sequence ?? [node]
    var result: [(String, ScenarioMappingEntry)] = []
    var seen = Set<String>()
    for source in sources {
      guard let mapping = source.mapping else {
        throw ScenarioError(
          location: location, message: "'<<' merges mappings; found \(source.shapeDescription)")
      }
      for (key, entry) in mapping where !seen.contains(key) {
        seen.insert(key)
        result.append((key, entry))
      }
    }
    return result
  }

  private static func translate(_ error: YamlError, file: String) -> ScenarioError {
    switch error {
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return ScenarioError(
        location: location(context.mark, file),
        message: "key \(names) appears twice in the same mapping")
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ScenarioError(location: location(mark, file), message: "YAML syntax error: \(problem)")
    default:
      return ScenarioError(location: nil, message: "cannot read \(file): \(error)")
    }
  }
}
