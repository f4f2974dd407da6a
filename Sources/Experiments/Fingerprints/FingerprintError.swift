import SimKernel

/// A fingerprint file that cannot be read or written, told so that a developer can act:
/// bad input (exit 2) such as a malformed entry or a missing file, or an environment
/// failure (exit 3) such as a full disk while writing it.
public struct FingerprintError: ClassifiedError, Equatable, Sendable {
  public var message: String
  /// Bad input or the environment; ``ErrorClassification`` turns it into the exit code.
  public var failureKind: FailureKind

  public init(message: String, kind: FailureKind) {
    self.message = message
    self.failureKind = kind
  }

  public static func input(_ message: String) -> FingerprintError { FingerprintError(message: message, kind: .badInput) }

  public var description: String { message }
}
