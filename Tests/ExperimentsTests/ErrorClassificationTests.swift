import Foundation
import Results
import SimKernel
import Testing

@testable import Experiments
@testable import Scenario

/// Issue 18: every library error type carries one ``FailureKind``, and the exit code comes
/// from it in one place (``ErrorClassification``): 1 failed invariant, 2 bad input,
/// 3 environment (DESIGN.md).
@Suite struct ErrorClassificationTests {
  @Test func eachKindHasItsExitCode() {
    #expect(ErrorClassification.exitCode(for: .failedInvariant) == 1)
    #expect(ErrorClassification.exitCode(for: .badInput) == 2)
    #expect(ErrorClassification.exitCode(for: .environment) == 3)
    #expect(ErrorClassification(message: "invariant failed: x", kind: .failedInvariant).exitCode == 1)
  }

  /// Each error type ChainSim's libraries throw, with the exit code the command line gives it.
  static func cases() -> [(name: String, error: any ClassifiedError, exitCode: Int)] {
    let distribution: DistributionParser.Failure
    switch DistributionParser.parse("exp(mean: ", unit: .duration) {
    case .failure(let failure): distribution = failure
    case .success: distribution = DistributionParser.Failure(message: "unexpected", offset: 0)
    }
    return [
      (
        "ScenarioError",
        ScenarioError(location: SourceLocation(file: "s.yaml", line: 3, column: 5), keyPath: "port.berths", message: "expected a count"), 2
      ),
      ("DistributionParser.Failure", distribution, 2),
      ("_RegularFile.Refusal", _RegularFile.Refusal.fifo, 2),
      ("ResultsError input", ResultsError(.input, path: "a.h5", message: "this is not a ChainSim results file"), 2),
      ("ResultsError environment", ResultsError(.environment, path: "a.h5", message: "cannot write the file: No space left on device"), 3),
      ("SweepError input", SweepError.input("parts of different sweeps"), 2),
      ("SweepError environment", SweepError.environment("cannot write the record"), 3),
      ("SweepConstraint.DivisionByZero", SweepConstraint.DivisionByZero(), 2),
      ("_ByteReader.Truncated", _ByteReader.Truncated(), 2),
      ("CompareError input", CompareError(.input, "a.h5 and b.h5 cannot be compared: different horizons"), 2),
      ("CompareError environment", CompareError(.environment, "a.h5: cannot read the file"), 3),
      ("ReportError input", ReportError("the run files have no subsystem in common"), 2),
      ("ReportError environment", ReportError("page.html: cannot write the report", exitCode: 3), 3),
      ("StatisticsError", StatisticsError.invalidLevel(1.5), 2),
      ("RoadNetworkError", RoadNetworkError.duplicateNode("Hub"), 2),
    ]
  }

  @Test func everyLibraryErrorTypeGetsItsExitCodeAndItsOwnMessage() {
    for c in Self.cases() {
      let classified = ErrorClassification(c.error)
      #expect(classified?.exitCode == c.exitCode, "\(c.name)")
      #expect(classified?.message == c.error.description, "\(c.name)")
      #expect(classified?.message.isEmpty == false, "\(c.name)")
    }
  }

  /// The exit codes each type had before it carried a kind: its own `exitCode` agrees.
  @Test func theKindAgreesWithEachTypesOwnExitCode() {
    let results = [ResultsError(.input, path: "a", message: "m"), ResultsError(.environment, path: "a", message: "m")]
    for e in results { #expect(ErrorClassification(e)?.exitCode == Int(e.exitCode)) }
    for e in [SweepError.input("m"), SweepError.environment("m")] { #expect(ErrorClassification(e)?.exitCode == e.exitCode) }
    for e in [CompareError(.input, "m"), CompareError(.environment, "m")] { #expect(ErrorClassification(e)?.exitCode == e.exitCode) }
    for e in [ReportError("m"), ReportError("m", exitCode: 3)] { #expect(ErrorClassification(e)?.exitCode == Int(e.exitCode)) }
  }

  /// A sweep refusal made from a results refusal keeps its kind.
  @Test func aResultsErrorToldAsASweepErrorKeepsItsKind() {
    let full = ResultsError(.environment, path: "s.h5", message: "cannot write the file: File too large")
    #expect(SweepError(full).failureKind == .environment)
    #expect(SweepError(ResultsError(.input, path: "s.h5", message: "is a folder")).failureKind == .badInput)
  }

  @Test func anErrorOfNoLibraryIsNotClassified() {
    struct Elsewhere: Error {}
    #expect(ErrorClassification(Elsewhere()) == nil)
    #expect(ErrorClassification(CocoaError(.fileNoSuchFile)) == nil)
  }
}
