import Experiments
import Foundation
import Scenario
import Testing

/// A constraint that divides by zero is an error naming the constraint (and the point),
/// never a point kept or dropped silently (Issue 17).
struct SweepConstraintDivisionTests {
  let location = SourceLocation(file: "s.yaml", line: 9, column: 5)

  func refusal(_ text: String) -> ScenarioError? {
    do throws(ScenarioError) {
      _ = try SweepConstraint(parsing: text, parameters: ["a", "b"], location: location)
      return nil
    } catch {
      return error
    }
  }

  @Test func aDivisorWithoutParametersThatIsZeroIsRefusedAtLoad() {
    for text in ["a / 0 > 1", "a / (1 - 1) > 1", "a / -0 > 1", "(a + b / (2 * 0)) >= 3"] {
      let e = refusal(text)
      #expect(e?.location == location && e?.keyPath == "constraints", "\(text)")
      #expect(e?.message.contains("in '\(text)': it divides by zero") == true, "\(text): \(String(describing: e))")
    }
    #expect(refusal("a / 2 > b") == nil)
    #expect(refusal("a / b > 1") == nil, "a divisor with parameters is checked point by point")
  }

  @Test func aZeroDivisorAtAPointIsThrownAndShortCircuitsAreNot() throws {
    let c = try SweepConstraint(parsing: "a / b > 1", parameters: ["a", "b"], location: location)
    #expect(try c.holds([3, 2]))
    #expect(throws: SweepConstraint.DivisionByZero.self) { try c.holds([3, 0]) }
    #expect(throws: SweepConstraint.DivisionByZero.self) { try c.holds([0, 0]) }
    let guarded = try SweepConstraint(parsing: "b != 0 and a / b > 1", parameters: ["a", "b"], location: location)
    #expect(try guarded.holds([3, 0]) == false, "the division is not evaluated when b == 0")
  }

  @Test func thePointsOfAGridNameTheConstraintAndThePoint() throws {
    let path = try writeSweepFile(smallSweep + "\nconstraints:\n  - \"import_inspection_rate / (uict_berths - 4) < 10\"\n")
    let definition = try SweepDefinition(path: path)
    do throws(ScenarioError) {
      _ = try definition.points()
      Issue.record("expected a division by zero at uict_berths = 4")
    } catch {
      #expect(error.keyPath == "constraints")
      #expect(error.message.contains("it divides by zero at the point import_inspection_rate = 2, uict_berths = 4"), "\(error)")
    }
  }
}
