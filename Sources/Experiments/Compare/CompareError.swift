import Results
import SimKernel

/// Why two results files could not be compared, in words a planner understands.
///
/// Errors are data: the command line prints ``description`` and exits with ``exitCode``.
public struct CompareError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Whether the input or the environment is at fault (exit 2 or 3).
  public var classification: ResultsError.Classification
  /// The whole message, naming the file(s) concerned and what differs.
  public var message: String

  public init(_ classification: ResultsError.Classification, _ message: String) {
    self.classification = classification
    self.message = message
  }

  /// A file that cannot be read keeps its own classification and message.
  public init(_ error: ResultsError) {
    self.init(error.classification, error.description)
  }

  /// The exit code DESIGN.md assigns: 2 for bad input, 3 for an environment failure.
  public var exitCode: Int { classification == .input ? 2 : 3 }

  public var description: String { message }

  static func incompatible(_ a: String, _ b: String, _ what: String) -> CompareError {
    CompareError(.input, "\(a) and \(b) cannot be compared: \(what)")
  }
}

extension CompareError: ClassifiedError {
  /// ``ResultsError/Classification/input`` is bad input, `.environment` the environment.
  public var failureKind: FailureKind { classification == .input ? .badInput : .environment }
}
