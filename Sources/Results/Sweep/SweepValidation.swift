import SimKernel

/// Checks a sweep's shape before any byte is written.
enum SweepValidation {
  static func validate(_ sweep: SweepResults, path: String) throws(ResultsError) {
    let rows = sweep.points.count
    let slots = sweep.metadata.replications
    guard rows > 0 else { throw .input(path, "the sweep has no points to write") }
    guard slots > 0 else { throw .input(path, "the sweep has no replication slots") }
    guard zip(sweep.points, sweep.points.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw .input(path, "point indices must be distinct and ascending")
    }
    guard sweep.cells.count == rows, sweep.cells.allSatisfy({ $0.count == slots }),
      sweep.replicationsUsed.count == rows, sweep.pointScenarioSHA256.count == rows
    else { throw .input(path, "the sweep's cells do not have \(rows) points × \(slots) replication slots") }
    for p in sweep.parameters {
      guard Layout.isIdentifier(p.name), !SweepLayout.reserved.contains(p.name) else {
        throw .input(path, "parameter name \(String(reflecting: p.name)) is not a snake_case identifier free for /sweep")
      }
      guard p.texts.count == rows, p.numbers.map({ $0.count == rows }) ?? true else {
        throw .input(path, "parameter \(p.name) does not have one value per point")
      }
    }
    guard let template = sweep.cells.lazy.flatMap({ $0 }).compactMap({ $0 }).first else {
      throw .input(path, "the sweep has no finished replication to write")
    }
    for (row, cells) in sweep.cells.enumerated() {
      for (slot, cell) in cells.enumerated() {
        guard let cell else { continue }
        guard cell.replication == slot else {
          throw .input(path, "point \(sweep.points[row]): slot \(slot) holds replication \(cell.replication)")
        }
        guard SweepValidation.sameStructure(template, cell) else {
          throw .input(path, "point \(sweep.points[row]) replication \(slot) has different subsystems, metrics or checks")
        }
        for s in cell.subsystems {
          for m in s.series where m.values.count != m.info.width * sweep.metadata.sampleTimes.count {
            throw .input(path, "series \(s.name).\(m.info.name) of point \(sweep.points[row]) has the wrong length")
          }
          for k in s.kpis where k.values.count != k.info.width {
            throw .input(path, "KPI \(s.name).\(k.info.name) of point \(sweep.points[row]) has the wrong width")
          }
        }
      }
    }
  }

  static func sameStructure(_ a: ReplicationOutput, _ b: ReplicationOutput) -> Bool {
    a.subsystems.count == b.subsystems.count
      && zip(a.subsystems, b.subsystems).allSatisfy { x, y in
        x.name == y.name && x.series.map(\.info) == y.series.map(\.info) && x.kpis.map(\.info) == y.kpis.map(\.info)
          && x.checks.map { [$0.name, $0.longName, $0.units] } == y.checks.map { [$0.name, $0.longName, $0.units] }
      }
  }
}

/// Names of the sweep layout.
enum SweepLayout {
  static let point = "point"
  static let sweep = "sweep"
  static let definition = "definition"
  static let replicationsUsed = "replications_used"
  static let scenarioSHA256 = "scenario_sha256"
  static let reserved: Set<String> = [definition, replicationsUsed, scenarioSHA256, point]
  enum Root {
    static let sweepSHA256 = "sweep_sha256"
    static let points = "points"
    static let design = "design"
  }
}
