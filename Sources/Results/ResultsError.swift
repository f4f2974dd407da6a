import SimKernel

/// Why a results file could not be written or read, in words a planner understands.
///
/// Errors are data: the command line renders ``description`` and exits with ``exitCode``.
public struct ResultsError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Whose fault a failure is, which decides the command line's exit code.
  public enum Classification: String, Sendable, Equatable {
    /// The input is wrong: not a ChainSim results file, damaged, incompatible, or results
    /// that do not fit together. Exit code 2.
    case input
    /// The machine failed us: disk full, permission denied, an I/O error. Exit code 3.
    case environment
  }

  /// Whether the input or the environment is at fault.
  public var classification: Classification
  /// The file concerned (the final name when writing).
  public var path: String
  /// What is wrong, as one sentence without the path.
  public var message: String
  /// The HDF5 library's own account of the failure, when there is one.
  public var detail: String?

  public init(_ classification: Classification, path: String, message: String, detail: String? = nil) {
    self.classification = classification
    self.path = path
    self.message = message
    self.detail = detail
  }

  /// The exit code DESIGN.md assigns: 2 for bad input, 3 for an environment failure.
  public var exitCode: Int32 { classification == .input ? 2 : 3 }

  public var description: String {
    var text = "\(path): \(message)"
    if let detail, !detail.isEmpty { text += " (HDF5: \(detail))" }
    return DisplayText.message(text)
  }

  static func input(_ path: String, _ message: String, detail: String? = nil) -> ResultsError {
    ResultsError(.input, path: path, message: message, detail: detail)
  }

  static func environment(_ path: String, _ message: String, detail: String? = nil) -> ResultsError {
    ResultsError(.environment, path: path, message: message, detail: detail)
  }
}

extension ResultsError: ClassifiedError {
  /// ``Classification/input`` is bad input, ``Classification/environment`` the environment.
  public var failureKind: FailureKind { classification == .input ? .badInput : .environment }
}
