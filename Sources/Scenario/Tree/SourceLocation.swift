/// Where a value came from: a file (as the planner named it), a line and a column, both from 1.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file path as given to the loader (or a label such as `<override site.x>`).
  public var file: String
  /// Line number, starting at 1.
  public var line: Int
  /// Column number, starting at 1 (counted in Unicode scalars).
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}
