/// A fingerprint file that cannot be read or written, told so that a developer can act:
/// bad input (exit 2) such as a malformed entry or a missing file, or an environment
/// failure (exit 3) such as a full disk while writing it.
public struct FingerprintError: Error, CustomStringConvertible, Equatable, Sendable {
  public var message: String
  /// 2 for bad input, 3 for the environment.
  public var exitCode: Int

  public init(message: String, exitCode: Int) {
    self.message = message
    self.exitCode = exitCode
  }

  public static func input(_ message: String) -> FingerprintError { FingerprintError(message: message, exitCode: 2) }

  public var description: String { message }
}
