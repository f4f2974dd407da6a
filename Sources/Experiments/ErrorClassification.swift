import Results
import Scenario
import SimKernel

/// How a failure maps to the command line's exit codes (DESIGN.md): 2 for bad input,
/// 3 for the environment. The message is what a planner should read.
public struct ErrorClassification: Sendable {
  public var message: String
  public var exitCode: Int

  /// Classifies the errors ChainSim's libraries throw; nil for any other error.
  public init?(_ error: Error) {
    switch error {
    case let e as ScenarioError:
      message = e.description
      exitCode = 2
    case let e as ResultsError:
      message = e.description
      exitCode = Int(e.exitCode)
    case let e as SweepError:
      message = e.message
      exitCode = e.exitCode
    case let e as FingerprintError:
      message = e.message
      exitCode = e.exitCode
    case let e as StatisticsError:
      message = e.description
      exitCode = 2
    default:
      return nil
    }
  }
}
