/// Rules for the text a scenario may hold in names and other text fields.
enum _TextRules {
  /// Why `text` cannot be a name or text value, or nil if it can: a NUL character (written
  /// `\0` or `\u0000` in a double-quoted YAML string) ends a string in C, so HDF5 labels,
  /// attributes and printed tables would silently cut the name there.
  static func nulProblem(_ text: String, what: String) -> String? {
    guard text.unicodeScalars.contains("\u{0}") else { return nil }
    let shown = text.unicodeScalars.map { $0 == "\u{0}" ? "\\0" : String($0) }.joined()
    return "\(what) '\(shown)' holds a NUL character (\\0 or \\u0000); HDF5 labels and printed tables would cut it there: remove it"
  }
}
