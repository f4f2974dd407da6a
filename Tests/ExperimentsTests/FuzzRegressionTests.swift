import Experiments
import Foundation
import Scenario
import Testing

/// Inputs that crashed, ran out of memory or hung in `chainsim validate` (found with
/// chainsim-fuzz, scripts/fuzz, and by reading the code it pointed at). Each must now be a
/// located error (exit 2) and return quickly. The inputs live in memory next to the shipped
/// baseline, as the fuzz target sees them.
@Suite struct FuzzRegressionTests {
  static let baseline: String = {
    let url = packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  func reader(_ input: String) -> ScenarioSourceReader {
    .inMemory([
      "scenarios/tianjin-2024.yaml": Self.baseline, "scenarios/variants/base.yaml": Self.baseline,
      "scenarios/variants/input.yaml": input,
    ])
  }

  /// The error `validate` would print for a scenario input.
  func scenarioError(_ input: String) -> ScenarioError? {
    do {
      _ = try ScenarioPreparation.prepare(path: "scenarios/variants/input.yaml", overrides: [], reader: reader(input))
      return nil
    } catch { return error }
  }

  /// The error `validate` would print for a sweep input.
  func sweepError(_ input: String) -> String? {
    do {
      _ = try SweepPreparation.prepare(path: "scenarios/variants/input.yaml", reader: reader(input))
      return nil
    } catch { return ErrorClassification(error)?.message ?? "\(error)" }
  }

  @Test func hugeTrainCountIsAnErrorNotATrap() {
    // Int(1e300) trapped in RailConfig.timetable; 1e9 a day allocated 8 GB of departure times.
    for count in ["1e300", "1e9", "1441"] {
      let error = scenarioError("extends: base.yaml\nrail:\n  corridors:\n    - name: Beijing\n      departures_per_day: \(count)\n")
      #expect(error?.keyPath == "rail.corridors[name=Beijing].departures_per_day")
      // The schema's bound (Issue 17: every number has one), which the reader also checks.
      #expect(error?.message.hasPrefix("expected a number between 1e-09 and 1440, found") == true, "\(String(describing: error))")
      #expect(error?.location?.line == 5)
    }
    let weekly = scenarioError(
      "extends: base.yaml\nrail:\n  corridors:\n    - name: Weekly\n      demand_share: 0\n      rail_km: 100km\n      road_km: 100km\n      transit: 5h\n      departures_per_week: 1e20\n"
    )
    #expect(weekly?.message.hasPrefix("expected a number between 1e-09 and 10080, found 1e20") == true, "\(String(describing: weekly))")
    #expect(scenarioError("extends: base.yaml\nrail:\n  corridors:\n    - name: Beijing\n      departures_per_day: 1440\n") == nil)
  }

  @Test func hugeResourceCountsAreErrorsNotOverflowsOrOutOfMemory() throws {
    // berths × max_cranes_per_vessel overflowed Int in the port's load warnings; 8e15
    // recycling lines or vehicles were expanded one by one in the recycling plan (out of memory).
    let cases: [(String, String)] = [
      (
        "port:\n  terminals:\n    - name: UICT\n      berths: 8000000000000000\n      max_cranes_per_vessel: 8000\n",
        "port.terminals[name=UICT].berths"
      ),
      (
        "recycling:\n  centres:\n    - name: Binhai\n      lines:\n        - name: packaging\n          parallel_lines: 8000000000000000\n",
        "recycling.centres[name=Binhai].lines[name=packaging].parallel_lines"
      ),
      (
        "recycling:\n  centres:\n    - name: Binhai\n      fleets:\n        - name: packaging trucks\n          vehicles: 8000000000000000\n",
        "recycling.centres[name=Binhai].fleets[name=packaging trucks].vehicles"
      ),
    ]
    for (input, keyPath) in cases {
      let error = scenarioError("extends: base.yaml\n" + input)
      #expect(error?.keyPath == keyPath)
      // The schema's bound ("between 0 and 10000") or the reader's ("≤ 10000").
      #expect(error?.message.contains("10000, found 8000000000000000") == true, "\(String(describing: error))")
    }
    // At the bound the warnings are computed in floating point: no overflow.
    let most = "port:\n  terminals:\n    - name: UICT\n      berths: 10000\n      max_cranes_per_vessel: 10000\n      quay_cranes: 10000\n"
    let p = try ScenarioPreparation.prepare(
      path: "scenarios/variants/input.yaml", overrides: [], reader: reader("extends: base.yaml\n" + most))
    #expect(p.config.port?.terminals.first { $0.name == "UICT" }?.berths == 10_000)
  }

  let sweepHead =
    "sweep: s\nscenario: ../tianjin-2024.yaml\nset: {ring.enabled: false}\nparameters:\n  - name: a\n    path: port.customs.import_inspection_rate\n"

  @Test func hugeRangeCountIsAnError() {
    // (0..<count).map asked for 10^12 values.
    let message = sweepError(sweepHead + "    range: {from: 0, to: 1, count: 1000000000000}\n")
    #expect(
      message?.contains("parameters[name=a].range.count: expected at most 10000 values, found 1000000000000") == true, "\(message ?? "nil")"
    )
  }

  @Test func tinyStepIsAnErrorNotAHang() {
    // A step too small to reach `to` (or to move a large `from` at all) looped for ever.
    for range in ["{from: 0, to: 1e300, step: 1e-300}", "{from: 1e300, to: 1e300, step: 1}", "{from: 0, to: 100000, step: 1}"] {
      let message = sweepError(sweepHead + "    range: \(range)\n")
      #expect(message?.contains("parameters[name=a].range") == true, "\(range): \(message ?? "nil")")
      let tooMany = ["makes more than 10000 values", "values; a sweep has at most 10000 points"]
      #expect(tooMany.contains { message?.contains($0) == true }, "\(range): \(message ?? "nil")")
    }
  }

  @Test func hugeGridAndLHSAreErrors() {
    let grid =
      sweepHead + "    range: {from: 0, to: 999, step: 1}\n  - name: b\n    path: run.seed\n    range: {from: 0, to: 999, step: 1}\n"
    #expect(sweepError(grid)?.contains("the grid has 1000000 points (1000 × 1000); a sweep has at most 10000") == true)
    let lhs =
      sweepHead.replacingOccurrences(of: "parameters:", with: "design: {type: lhs, points: 1000000000000, seed: 1}\nparameters:")
      + "    range: {from: 0, to: 1}\n"
    #expect(sweepError(lhs)?.contains("design.points: expected at most 10000 points, found 1000000000000") == true)
  }

  @Test func deeplyNestedConstraintIsAnErrorNotAStackOverflow() {
    // The recursive-descent parser overflowed the stack on 20,000 nested parentheses.
    let deep = String(repeating: "(", count: 20_000) + "a" + String(repeating: ")", count: 20_000) + " > 0"
    let message = sweepError(sweepHead + "    values: [1, 2]\nconstraints:\n  - \"\(deep)\"\n")
    #expect(message?.contains("a condition may have at most 256 names, numbers and symbols") == true)
    let long = Array(repeating: "a", count: 200).joined(separator: " + ") + " > 0"
    #expect(sweepError(sweepHead + "    values: [1, 2]\nconstraints:\n  - \"\(long)\"\n")?.contains("at most 256") == true)
    let fine = "((a + 1) * 2 > 0) and not (a == 3)"
    let definition = try? SweepDefinition(
      root: ScenarioNode.parse(yaml: sweepHead + "    values: [1, 2]\nconstraints:\n  - \"\(fine)\"\n", file: "s.yaml"),
      path: "scenarios/variants/s.yaml")
    #expect((try? definition?.points())?.count == 2)
  }
}
