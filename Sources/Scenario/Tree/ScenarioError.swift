import SimKernel

/// A problem with a scenario, told the way a planner can act on it.
///
/// Rendered by ``description`` as one line:
/// `scenarios/x.yaml:12:5: site.stations[name=North].servers: expected a count ≥ 0, found -2`.
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Where the problem is, if known (file, line, column).
  public var location: SourceLocation?
  /// The key path of the value at fault, e.g. `site.stations[name=North].servers`
  /// (empty for the whole file).
  public var keyPath: String
  /// What was expected and what was found, e.g. `expected a count ≥ 0, found -2`.
  public var message: String
  /// A likely fix, e.g. the key the planner probably meant.
  public var suggestion: String?

  /// Creates an error.
  public init(
    location: SourceLocation?, keyPath: String = "", message: String, suggestion: String? = nil
  ) {
    self.location = location
    self.keyPath = keyPath
    self.message = message
    self.suggestion = suggestion
  }

  /// The file named in the location, if any.
  public var file: String? { location?.file }
  /// The line named in the location, if any.
  public var line: Int? { location?.line }
  /// The column named in the location, if any.
  public var column: Int? { location?.column }

  /// One planner-readable line: `file:line:column: key.path: message; did you mean 'x'?`,
  /// with invisible characters escaped and no quoted value longer than a line
  /// (``DisplayText/message(_:maxLineLength:)``).
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    if !keyPath.isEmpty { text += "\(keyPath): " }
    text += message
    if let suggestion { text += "; did you mean '\(suggestion)'?" }
    return DisplayText.message(text)
  }
}

extension ScenarioError: ClassifiedError {
  /// A scenario or sweep file that cannot be used: always bad input.
  public var failureKind: FailureKind { .badInput }
}
