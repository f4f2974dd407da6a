import Foundation
import Results
import SimKernel
import Testing

/// `ResultsFile.readSweep` is the inverse of `ResultsWriter.writeSweep`: point count,
/// parameter values, KPI and series shapes, unused slots as nil; run files and sweep files
/// are told apart; a run file given to the sweep reader is refused as bad input.
@Suite(.serialized) struct SweepReadTests {
  /// Three points × three slots; point 1 used two replications only.
  static func sampleSweep() -> SweepResults {
    var metadata = SampleRun.metadata(replications: 3)
    metadata.fingerprint = "feedfacefeedface"
    let used = [3, 2, 3]
    let cells: [[ReplicationOutput?]] = used.enumerated().map { row, n in
      (0..<3).map { slot -> ReplicationOutput? in
        guard slot < n else { return nil }
        var output = SampleRun.replication(slot)
        output.fingerprint += UInt64(row * 100)
        output.subsystems[0].kpis[0].values[0] += Double(row) * 7
        return output
      }
    }
    return SweepResults(
      metadata: metadata, definitionText: "sweep: sample\n", sweepSHA256: String(repeating: "cd", count: 32), design: "grid",
      parameters: [
        SweepParameterColumn(
          name: "uict_berths", keyPaths: ["port.terminals[name=UICT].berths"], units: "1", numbers: [3, 4, 5], texts: ["3", "4", "5"]),
        SweepParameterColumn(name: "mode", keyPaths: ["rail.mode", "port.mode"], units: "1", numbers: nil, texts: ["a", "b 二", "c"]),
      ],
      points: [0, 1, 2], pointScenarioSHA256: ["h0", "h1", "h2"], replicationsUsed: used, cells: cells)
  }

  @Test func sweepRoundTrips() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("sweep.h5")
    let sweep = Self.sampleSweep()
    try ResultsWriter.writeSweep(sweep, to: path)
    #expect(try ResultsFile.kind(path: path) == .sweep)
    // The run reader (compare, inspect) refuses a sweep file with a reason, not a shape error.
    let asRun = #expect(throws: ResultsError.self) { _ = try ResultsFile.read(path: path) }
    #expect(asRun?.classification == .input)
    #expect(asRun?.message.contains("this is a sweep file") == true, "\(String(describing: asRun))")

    let back = try ResultsFile.readSweep(path: path)
    #expect(back.points == [0, 1, 2])
    #expect(back.metadata == sweep.metadata)
    #expect(back.definitionText == sweep.definitionText)
    #expect(back.sweepSHA256 == sweep.sweepSHA256)
    #expect(back.design == "grid")
    #expect(back.parameters == sweep.parameters)
    #expect(back.pointScenarioSHA256 == ["h0", "h1", "h2"])
    #expect(back.replicationsUsed == [3, 2, 3])
    #expect(back.cells.count == 3 && back.cells.allSatisfy { $0.count == 3 })
    #expect(back.cells[1][2] == nil, "an unused slot reads back as nil")
    for row in 0..<3 {
      for slot in 0..<3 { #expect(back.cells[row][slot] == sweep.cells[row][slot], "cell \(row),\(slot)") }
    }
    let port = try #require(back.cells[2][1]?.subsystems.first)
    #expect(port.kpis.map(\.info.name) == ["vessel_wait_mean", "berth_utilisation"])
    #expect(port.kpis[1].values.count == 3, "a KPI with a terminal axis has one value per terminal")
    #expect(port.series[1].values.count == SampleRun.sampleTimes.count * 3)
    #expect(port.kpis[0].values[0] == SampleRun.value(1, 0, 0, 3) + 14)
  }

  @Test func runFilesAreNotSweeps() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    #expect(try ResultsFile.kind(path: path) == .run)
    let error = #expect(throws: ResultsError.self) { try ResultsFile.readSweep(path: path) }
    #expect(error?.classification == .input)
    #expect(error?.message.contains("not of a sweep") == true)

    let missing = #expect(throws: ResultsError.self) { try ResultsFile.kind(path: folder.path("nope.h5")) }
    #expect(missing?.classification == .input)
    try Data("not hdf5".utf8).write(to: URL(fileURLWithPath: folder.path("text.h5")))
    let foreign = #expect(throws: ResultsError.self) { try ResultsFile.readSweep(path: folder.path("text.h5")) }
    #expect(foreign?.message.contains("not an HDF5 file") == true)
  }
}
