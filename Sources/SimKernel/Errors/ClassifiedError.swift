/// Whose fault a failure is: the one classification every ChainSim library error carries,
/// from which the command line takes its exit code (DESIGN.md, "Command line and exit
/// codes"; the mapping is `ErrorClassification` in Experiments).
public enum FailureKind: String, Sendable, Equatable, CaseIterable {
  /// The input is wrong: a scenario or sweep error, a file that is not a ChainSim file, is
  /// damaged or does not fit the others, a path that must not be written. Exit code 2.
  case badInput
  /// The machine failed us: disk full, permission denied, an I/O error. Exit code 3.
  case environment
  /// The simulation broke one of its own invariants (what entered a subsystem has not left
  /// it nor stayed inside). Exit code 1, after the results are written with the failure.
  case failedInvariant
}

/// An error that says whose fault it is (``failureKind``) and, as its `description`, what
/// a planner should read.
public protocol ClassifiedError: Error, CustomStringConvertible {
  /// Whose fault the failure is.
  var failureKind: FailureKind { get }
}
