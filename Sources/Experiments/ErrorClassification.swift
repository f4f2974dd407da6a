import Results
import Scenario
import SimKernel

/// How a failure maps to the command line's exit codes (DESIGN.md): the one place where
/// an error's ``FailureKind`` becomes an exit code. The message is what a planner should
/// read (the error's `description`).
public struct ErrorClassification: Sendable {
  public var message: String
  public var exitCode: Int

  /// Classifies the errors ChainSim's libraries throw (every one is a ``ClassifiedError``:
  /// ``ScenarioError``, ``ResultsError``, ``SweepError``, ``CompareError``, ``ReportError``,
  /// ``StatisticsError``, ``RoadNetworkError``, ...); nil for any other error.
  public init?(_ error: Error) {
    guard let classified = error as? any ClassifiedError else { return nil }
    self.init(message: classified.description, kind: classified.failureKind)
  }

  /// A failure of `kind` told as `message`: the command line's own refusals and failed
  /// invariants take their exit code from here too.
  public init(message: String, kind: FailureKind) {
    self.message = message
    self.exitCode = Self.exitCode(for: kind)
  }

  /// The exit code DESIGN.md assigns to a kind of failure: 1 for a failed invariant, 2 for
  /// bad input, 3 for an environment failure.
  public static func exitCode(for kind: FailureKind) -> Int {
    switch kind {
    case .failedInvariant: 1
    case .badInput: 2
    case .environment: 3
    }
  }
}
