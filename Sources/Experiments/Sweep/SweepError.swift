import SimKernel

/// A sweep that cannot go on, told so that a researcher can act: bad input (exit 2) such as
/// a changed sweep, a missing shard or parts of different sweeps, or an environment failure
/// (exit 3) such as a full disk while writing a record.
public struct SweepError: Error, CustomStringConvertible, Equatable, Sendable {
  public var message: String
  /// 2 for bad input, 3 for the environment.
  public var exitCode: Int

  public init(message: String, exitCode: Int) {
    self.message = message
    self.exitCode = exitCode
  }

  public static func input(_ message: String) -> SweepError { SweepError(message: message, exitCode: 2) }
  public static func environment(_ message: String) -> SweepError { SweepError(message: message, exitCode: 3) }

  public var description: String { message }
}

extension SweepError: ClassifiedError {
  /// Exit code 3 is the environment; anything else a sweep refuses is bad input.
  public var failureKind: FailureKind { exitCode == 3 ? .environment : .badInput }
}
