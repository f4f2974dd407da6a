import Crypto
import Foundation

extension ScenarioNode {
  /// Deterministic YAML text of this tree: mapping keys sorted (by UTF-8 bytes), two-space
  /// indentation, no comments, nulls written `null`, booleans `true`/`false`, other scalars
  /// plain when that reads back the same, otherwise double-quoted. List order is kept.
  ///
  /// Two files that differ only in comments, whitespace, key order or quoting style have the
  /// same canonical text.
  public var canonicalYAML: String {
    var lines: [String] = []
    if _CanonicalEmitter.isBlock(self) {
      _CanonicalEmitter.block(self, indent: "", into: &lines)
    } else {
      lines.append(_CanonicalEmitter.inline(self))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Lowercase hex SHA-256 of ``canonicalYAML``.
  public var canonicalSHA256: String {
    ScenarioNode.sha256Hex(canonicalYAML)
  }

  static func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }
}

enum _CanonicalEmitter {
  /// Non-empty mappings and lists are written as blocks; everything else fits on a line.
  static func isBlock(_ node: ScenarioNode) -> Bool {
    switch node.content {
    case .mapping(let m): return !m.isEmpty
    case .sequence(let s): return !s.isEmpty
    case .scalar: return false
    }
  }

  static func inline(_ node: ScenarioNode) -> String {
    switch node.content {
    case .mapping: return "{}"
    case .sequence: return "[]"
    case .scalar(let s): return scalar(s)
    }
  }

  static func block(_ node: ScenarioNode, indent: String, into lines: inout [String]) {
    switch node.content {
    case .mapping(let mapping):
      let keys = mapping.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for key in keys {
        guard let value = mapping[key]?.value else { continue }
        let head = indent + keyText(key) + ":"
        if isBlock(value) {
          lines.append(head)
          block(value, indent: indent + "  ", into: &lines)
        } else {
          lines.append(head + " " + inline(value))
        }
      }
    case .sequence(let items):
      for item in items {
        if isBlock(item) {
          var inner: [String] = []
          block(item, indent: indent + "  ", into: &inner)
          if case .mapping = item.content, let first = inner.first {
            lines.append(indent + "- " + first.dropFirst(indent.count + 2))
            lines.append(contentsOf: inner.dropFirst())
          } else {
            lines.append(indent + "-")
            lines.append(contentsOf: inner)
          }
        } else {
          lines.append(indent + "- " + inline(item))
        }
      }
    case .scalar(let s):
      lines.append(indent + scalar(s))
    }
  }

  static func keyText(_ key: String) -> String {
    isPlainSafe(key) ? key : quoted(key)
  }

  static func scalar(_ s: ScenarioScalar) -> String {
    if s.isNull { return "null" }
    if !s.isQuoted {
      switch s.text {
      case "true", "True", "TRUE": return "true"
      case "false", "False", "FALSE": return "false"
      default: break
      }
    }
    if isPlainSafe(s.text) && (!s.isQuoted || !looksTyped(s.text)) { return s.text }
    return quoted(s.text)
  }

  /// Would a YAML reader take this plain text as something other than a string?
  static func looksTyped(_ text: String) -> Bool {
    let words: Set<String> = [
      "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
      "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
      "y", "Y", "n", "N", ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN",
    ]
    if words.contains(text) { return true }
    if let (_, rest) = _NumberScanner.split(text), rest.isEmpty { return true }
    return text.hasPrefix("0x") || text.hasPrefix("0o")
  }

  /// Can this text be written unquoted in block context and read back unchanged?
  static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    if first == " " || last == " " || last == ":" { return false }
    if "?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    if first == "-" {
      let second = text.unicodeScalars.dropFirst().first
      guard let second, ("0"..."9").contains(second) || second == "." else { return false }
    }
    if text.hasPrefix("...") { return false }
    if text.contains(": ") || text.contains(" #") { return false }
    return text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && $0.value != 0xFEFF }
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFEFF
          || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          out += String(format: "\\u%04X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
