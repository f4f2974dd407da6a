import Experiments
import Foundation
import Scenario
import Testing

/// Sweep files: points of grid and LHS designs, constraints, and clear errors for bad input.
@Suite struct SweepDefinitionTests {
  @Test func gridVariesFirstParameterSlowestAndConstraintsFilter() throws {
    let path = try writeSweepFile(smallSweep + "\nconstraints:\n  - \"not (import_inspection_rate == 8 and uict_berths == 4)\"\n")
    let sweep = try SweepPreparation.prepare(path: path)
    let points = sweep.points.map { $0.values.map(\.text) }
    #expect(points == [["2", "3"], ["2", "4"], ["8", "3"]])
    #expect(sweep.points[2].prepared.canonicalText.contains("import_inspection_rate: 8%"))
    #expect(sweep.slots == 2)
  }

  @Test func rangeWithCountAndStepAvoidsBinaryNoise() throws {
    let p = SweepParameter(
      name: "x", keyPaths: ["a"], values: .range(from: 0.1, to: 0.3, step: 0.1, count: nil),
      format: nil, units: "1", integer: false,
      location: SourceLocation(file: "f", line: 1, column: 1), pathLocation: SourceLocation(file: "f", line: 1, column: 1))
    #expect(p.gridValues.map(\.text) == ["0.1", "0.2", "0.3"])
    var q = p
    q.values = .range(from: 10, to: 20, step: nil, count: 3)
    #expect(q.gridValues.map(\.text) == ["10", "15", "20"])
  }

  @Test func lhsIsStratifiedAndReproducible() throws {
    let text =
      smallSweep.replacingOccurrences(of: "values: [2, 8]", with: "range: {from: 0, to: 10}")
      .replacingOccurrences(of: "range: {from: 3, to: 4, step: 1}", with: "range: {from: 2, to: 6}\n    integer: true")
      + "\ndesign: {type: lhs, points: 5, seed: 11}\n"
    let a = try SweepDefinition(path: try writeSweepFile(text))
    let points = try a.points()
    #expect(points.count == 5)
    let strata = points.map { Int(($0[0].number ?? -1) / 2) }.sorted()
    #expect(strata == [0, 1, 2, 3, 4], "each fifth of the range is used once")
    #expect(points.allSatisfy { ($0[1].number ?? 0) == ($0[1].number ?? 0).rounded() })
    #expect(try SweepDefinition(path: try writeSweepFile(text)).points() == points)
    let other = try SweepDefinition(path: try writeSweepFile(text.replacingOccurrences(of: "seed: 11", with: "seed: 12"))).points()
    #expect(other != points)
  }

  @Test func unknownParameterPathNamesTheLineAndTheNearestPath() throws {
    let path = try writeSweepFile(
      smallSweep.replacingOccurrences(of: "port.customs.import_inspection_rate", with: "port.customs.import_inspecton_rate"))
    do {
      _ = try SweepPreparation.prepare(path: path)
      Issue.record("an unknown key path must be refused")
    } catch let error as ScenarioError {
      #expect(error.location?.file == path)
      #expect(error.location?.line == 9)
      #expect(error.suggestion == "port.customs.import_inspection_rate", "\(error)")
      #expect(ErrorClassification(error)?.exitCode == 2)
    }
  }

  @Test func emptyRangeUnknownKeyAndLHSConstraintsAreRefused() throws {
    let empty = try writeSweepFile(smallSweep.replacingOccurrences(of: "from: 3, to: 4, step: 1", with: "from: 5, to: 4, step: 1"))
    #expect { try SweepDefinition(path: empty) } throws: { "\($0)".contains("the range is empty") }
    let typo = try writeSweepFile(smallSweep.replacingOccurrences(of: "replications: 2", with: "replicatons: 2"))
    #expect { try SweepDefinition(path: typo) } throws: { ($0 as? ScenarioError)?.suggestion == "replications" }
    let lhs = try writeSweepFile(
      smallSweep.replacingOccurrences(of: "values: [2, 8]", with: "range: {from: 1, to: 8}")
        + "\ndesign: {type: lhs, points: 4, seed: 1}\nconstraints: [\"uict_berths > 3\"]\n")
    #expect { try SweepDefinition(path: lhs) } throws: { "\($0)".contains("stratification") }
    let badName = try writeSweepFile(smallSweep + "\nconstraints: [\"uict_bert > 3\"]\n")
    #expect { try SweepDefinition(path: badName) } throws: { ($0 as? ScenarioError)?.suggestion == "uict_berths" }
  }

  @Test func shardsCoverThePointsOnceAndRefuseBadIndices() throws {
    let slices = try (1...3).map { try SweepShard(index: $0, count: 3).points(of: 7) }
    #expect(slices.flatMap { $0 }.sorted() == Array(0..<7))
    #expect(slices[0] == [0, 3, 6])
    #expect { try SweepShard(parsing: "4/3") } throws: { "\($0)".contains("out of range") }
    #expect { try SweepShard(parsing: "0/3") } throws: { ($0 as? SweepError)?.exitCode == 2 }
    #expect { try SweepShard(index: 1, count: 8).points(of: 7) } throws: { "\($0)".contains("at most 7") }
  }

  @Test func shippedSweepsPrepare() throws {
    let folder = packageRoot.appendingPathComponent("scenarios/sweeps").path
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(!files.isEmpty)
    for f in files {
      let sweep = try SweepPreparation.prepare(path: folder + "/" + f)
      #expect(sweep.points.count >= 2, "\(f)")
      #expect(Set(sweep.points.map(\.prepared.sha256)).count == sweep.points.count, "every point is a different scenario")
    }
  }
}
