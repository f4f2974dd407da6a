/// How text that came from a user's file (a value, a name, a label, a line of source) is
/// shown in messages and tables: invisible and bidirectional characters escaped, and long
/// values cut to a line a planner can read.
///
/// Every place that prints a user string goes through these functions, so that
/// `UI\u{200B}CT` never looks like `UICT`, a right-to-left override cannot reorder a
/// message, and extending `/etc/passwd` quotes one line of it, not the whole file.
///
/// ```swift
/// DisplayText.escaped("UI\u{200B}CT")            // UI\u{200B}CT
/// DisplayText.quoted(String(repeating: "9", count: 100_000))
/// // '99999999…' (100000 characters)
/// ```
public enum DisplayText {
  /// Characters of a quoted value shown before it is cut.
  public static let quoteLimit = 80

  /// `text` with every invisible, control, format (bidirectional controls, zero-width
  /// characters, byte order marks), non-ASCII space and line or paragraph separator
  /// written as `\u{XXXX}` (tab, newline and carriage return as `\t`, `\n`, `\r`).
  /// Visible text is unchanged, and escaping twice gives the same text as escaping once.
  /// - Parameter keepingLineBreaks: leave `\n` as a line break (for multi-line output).
  /// - Complexity: O(*n*) in the length of `text`.
  public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out += "\\u{" + hex(scalar.value) + "}"
      }
    }
    return out
  }

  /// A value quoted for a message: `'text'`, escaped, with only the first line and at most
  /// `limit` characters of it; a cut value ends in `…` and gives its total length, e.g.
  /// `'root:x:0:0:root:/root:/bin/bash…' (1,835 characters, 31 lines)`.
  public static func quoted(_ text: String, limit: Int = quoteLimit) -> String {
    "'" + shortened(text, limit: limit) + "'" + lengthNote(text, limit: limit)
  }

  /// `text` escaped and cut like ``quoted(_:limit:)``, without quotes or the length note.
  public static func shortened(_ text: String, limit: Int = quoteLimit) -> String {
    let firstLine = text.prefix { !$0.isNewline }
    let cut = firstLine.count > limit || firstLine.endIndex != text.endIndex
    let kept = String(firstLine.prefix(limit))
    return escaped(kept) + (cut ? "…" : "")
  }

  /// ` (N characters)` or ` (N characters, L lines)` when ``shortened(_:limit:)`` cuts
  /// `text`; empty otherwise.
  public static func lengthNote(_ text: String, limit: Int = quoteLimit) -> String {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }).count
    let characters = text.count
    guard lines > 1 || characters > limit else { return "" }
    let count = grouped(characters) + (characters == 1 ? " character" : " characters")
    return lines > 1 ? " (\(count), \(grouped(lines)) lines)" : " (\(count))"
  }

  /// A message for the terminal: escaped (line breaks kept), and no line longer than
  /// `maxLineLength` characters, so that nothing a file holds can flood the screen however a
  /// message quoted it. A longer line keeps its start and its end (where the reason usually
  /// is) around `…(N characters left out)…`.
  public static func message(_ text: String, maxLineLength: Int = 2_000) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let shown = escaped(String(line))
      guard shown.count > maxLineLength else { return shown }
      let tail = max(0, maxLineLength / 4)
      let head = max(0, maxLineLength - tail)
      return String(shown.prefix(head)) + "…(\(grouped(shown.count - head - tail)) characters left out)…" + String(shown.suffix(tail))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - Internals

  private static func needsEscape(_ s: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
    if s.value < 0x20 { return !(keepingLineBreaks && s == "\n") }
    if s.value < 0x7F { return false }
    if s.value <= 0x9F { return true }  // DEL and C1 controls
    switch s.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .privateUse,
      .surrogate, .unassigned:
      return true
    default:
      // Letters drawn as nothing (Hangul fillers, the Khmer inherent vowels, the braille
      // blank) and variation selectors.
      return [0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFFA0].contains(s.value)
        || (0xFE00...0xFE0F).contains(s.value) || (0xE0100...0xE01EF).contains(s.value)
    }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// `1835` as `1,835`.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }
}
