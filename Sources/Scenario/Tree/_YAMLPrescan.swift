import CLibYAML

/// Walks libyaml's event stream once, without building anything, to enforce the
/// nesting-depth and node-count limits (counting what every alias would expand to) and to
/// report syntax errors with their location. Runs in time linear in the input size.
/// It also notes explicit YAML tags (`!!str`, `!!binary`, `!local`), which the loader does
/// not honour, so that the caller can refuse them with their key path.
///
/// The events come from libyaml's public C API (the `CLibYAML` system library): Yams offers
/// no event API, and its bundled copy of libyaml is an internal module of that package.
/// (Linked into one program, Yams' copy of the same functions is the one called; its
/// structures are laid out as libyaml 0.2.5's.)
enum _YAMLPrescan {
  /// An explicit tag written in the file: where its node starts, and the tag as written
  /// (`!!str` for `tag:yaml.org,2002:str`).
  struct ExplicitTag: Equatable {
    var location: SourceLocation
    var tag: String
  }

  private struct Frame {
    var nodes: Int
    var height: Int
    var anchor: String?
  }

  /// Checks the limits and the syntax; returns the first explicit tag, if any.
  @discardableResult
  static func check(
    _ text: String, file: String, limits: ScenarioLimits
  ) throws(ScenarioError) -> ExplicitTag? {
    var bytes = Array(text.utf8)
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw ScenarioError(location: nil, message: "out of memory while reading \(file)")
    }
    defer { yaml_parser_delete(&parser) }
    var outcome: ScenarioError?
    var firstTag: ExplicitTag?
    bytes.withUnsafeMutableBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      outcome = walk(&parser, text: text, file: file, limits: limits, firstTag: &firstTag)
    }
    if let outcome { throw outcome }
    return firstTag
  }

  private static func walk(
    _ parser: inout yaml_parser_t, text: String, file: String, limits: ScenarioLimits,
    firstTag: inout ExplicitTag?
  ) -> ScenarioError? {
    var stack: [Frame] = []
    var anchors: [String: (nodes: Int, height: Int)] = [:]
    var total = 0
    var documents = 0
    let cap = limits.maxNodes + 1
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        return syntaxError(parser, text: text, file: file)
      }
      defer { yaml_event_delete(&event) }
      let mark = SourceLocation(
        file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
      var finished: (nodes: Int, height: Int, anchor: String?)?
      if firstTag == nil, let tag = explicitTag(event) {
        firstTag = ExplicitTag(location: mark, tag: tag)
      }
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return nil
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          return ScenarioError(
            location: mark, message: "a scenario file holds one YAML document; found a second '---'")
        }
      case YAML_SCALAR_EVENT:
        finished = (1, 0, string(event.data.scalar.anchor))
      case YAML_ALIAS_EVENT:
        let name = string(event.data.alias.anchor) ?? ""
        guard let size = anchors[name] else {
          return ScenarioError(location: mark, message: "alias '*\(name)' refers to no anchor '&\(name)' above it")
        }
        finished = (size.nodes, size.height, nil)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let anchor =
          event.type == YAML_SEQUENCE_START_EVENT
          ? string(event.data.sequence_start.anchor) : string(event.data.mapping_start.anchor)
        stack.append(Frame(nodes: 1, height: 1, anchor: anchor))
        if stack.count > limits.maxDepth {
          return ScenarioError(
            location: mark,
            message: "nesting is deeper than \(limits.maxDepth) levels; scenario files are never that deep")
        }
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        if let frame = stack.popLast() {
          finished = (frame.nodes, frame.height, frame.anchor)
        }
      default:
        break
      }
      guard let node = finished else { continue }
      if let anchor = node.anchor { anchors[anchor] = (node.nodes, node.height) }
      if stack.isEmpty {
        total = min(cap, total + node.nodes)
      } else {
        let top = stack.count - 1
        stack[top].nodes = min(cap, stack[top].nodes + node.nodes)
        stack[top].height = max(stack[top].height, node.height + 1)
        if stack.count - 1 + stack[top].height > limits.maxDepth {
          return ScenarioError(
            location: mark,
            message: "nesting (with aliases expanded) is deeper than \(limits.maxDepth) levels")
        }
      }
      let pending = stack.reduce(total) { min(cap, $0 + $1.nodes) }
      if pending > limits.maxNodes {
        return ScenarioError(
          location: mark,
          message:
            "more than \(limits.maxNodes) values once aliases are expanded; is this an alias bomb?")
      }
    }
  }

  /// The tag written on a scalar, sequence or mapping (libyaml gives none for untagged
  /// nodes), with the standard `tag:yaml.org,2002:` prefix shown as `!!`.
  private static func explicitTag(_ event: yaml_event_t) -> String? {
    let pointer: UnsafeMutablePointer<yaml_char_t>?
    switch event.type {
    case YAML_SCALAR_EVENT: pointer = event.data.scalar.tag
    case YAML_SEQUENCE_START_EVENT: pointer = event.data.sequence_start.tag
    case YAML_MAPPING_START_EVENT: pointer = event.data.mapping_start.tag
    default: return nil
    }
    guard let tag = string(pointer) else { return nil }
    let standard = "tag:yaml.org,2002:"
    return tag.hasPrefix(standard) ? "!!" + tag.dropFirst(standard.count) : tag
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private static func syntaxError(_ parser: yaml_parser_t, text: String, file: String)
    -> ScenarioError
  {
    let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
    if parser.error == YAML_READER_ERROR {
      // libyaml gives a byte offset, not a mark, for characters it cannot read.
      let (line, column) = lineAndColumn(text, byteOffset: Int(parser.problem_offset))
      let value = parser.problem_value
      let found = value >= 0 ? String(format: " (found the byte 0x%02X)", value) : ""
      return ScenarioError(
        location: SourceLocation(file: file, line: line, column: column),
        message: "the file is not plain text: \(problem)\(found); a scenario file holds UTF-8 text only")
    }
    let mark = parser.problem_mark
    let line = Int(mark.line) + 1
    let column = Int(mark.column) + 1
    if problem.hasPrefix("Maximum nesting level") {
      return ScenarioError(
        location: SourceLocation(file: file, line: line, column: column),
        message: "nesting is deeper than libyaml's limit of 1000 levels; scenario files are never that deep")
    }
    var message = "YAML syntax error: \(problem)"
    if let context = parser.context.map({ String(cString: $0) }) {
      message += " (\(context))"
    }
    let location = SourceLocation(file: file, line: line, column: column)
    if lineText(text, line).utf8.dropFirst(column - 1).first == UInt8(ascii: "\t") {
      return ScenarioError(location: location, message: message + "; a tab: indent with spaces, YAML does not allow tabs there")
    }
    if problem.contains("mapping values are not allowed"), lineText(text, line).contains("(") {
      return ScenarioError(
        location: location,
        message: message
          + "; a distribution with named arguments must be quoted, e.g. \"exp(mean: 6h)\", or written with '=', e.g. exp(mean=6h)"
      )
    }
    return ScenarioError(location: location, message: message)
  }

  /// 1-based line and column (in characters) of a byte offset into `text`.
  private static func lineAndColumn(_ text: String, byteOffset: Int) -> (Int, Int) {
    let prefix = text.utf8.prefix(max(0, byteOffset))
    let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) } ?? text.utf8.startIndex
    let column = String(decoding: text.utf8[lineStart..<prefix.endIndex], as: UTF8.self).count + 1
    return (line, column)
  }

  private static func lineText(_ text: String, _ line: Int) -> Substring {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return line >= 1 && line <= lines.count ? lines[line - 1] : ""
  }
}
