import Foundation
import SimKernel
import Testing

@testable import Results

/// Issue 18, one HDF5 chokepoint: a failure at any HDF5 call, while writing a run file or a
/// sweep file or reading either back, ends in a ``ResultsError``: no crash, every handle
/// closed (counted by the fault plan and by HDF5 itself) and no file, not even a
/// temporary one, left behind.
@Suite(.serialized) struct FaultInjectionTests {
  /// One subsystem with a labelled and a plain series, a labelled KPI and a check: every
  /// part of the layout, as few calls as possible (the test repeats the operation per call).
  static func small(_ index: Int) -> ReplicationOutput {
    var output = SampleRun.replication(index)
    output.subsystems = [output.subsystems[0]]
    output.subsystems[0].kpis = [output.subsystems[0].kpis[1]]
    return output
  }

  /// Two points × two slots, the second slot of point 1 unused; one numeric and one text parameter.
  static func smallSweep() -> SweepResults {
    var metadata = SampleRun.metadata(replications: 2)
    metadata.fingerprint = "feedfacefeedface"
    return SweepResults(
      metadata: metadata, definitionText: "sweep: small\n", sweepSHA256: String(repeating: "cd", count: 32), design: "grid",
      parameters: [
        SweepParameterColumn(name: "berths", keyPaths: ["port.berths"], units: "1", numbers: [3, 4], texts: ["3", "4"]),
        SweepParameterColumn(name: "mode", keyPaths: ["rail.mode"], units: "1", numbers: nil, texts: ["a", "b"]),
      ],
      points: [0, 1], pointScenarioSHA256: ["h0", "h1"], replicationsUsed: [2, 1],
      cells: [[small(0), small(1)], [small(0), nil]])
  }

  /// Runs `operation` once counting its HDF5 calls, then once per call with that call failing.
  /// `afterSuccess` runs after the counting run, `after` after each failed attempt (to check
  /// the folder).
  func failEveryCall(
    _ name: String, classification: ResultsError.Classification, afterSuccess: () throws -> Void = {},
    _ operation: () throws -> Void, after: () throws -> Void
  ) throws {
    let counting = HDF5FaultPlan(failingCall: nil)
    try counting.run(operation)
    #expect(counting.calls > 100, "\(name) makes \(counting.calls) calls")
    #expect(counting.openHandles == 0, "\(name) leaves \(counting.openHandles) handles open")
    try afterSuccess()
    for call in 1...counting.calls {
      let plan = HDF5FaultPlan(failingCall: call)
      let error = #expect(throws: ResultsError.self, "\(name): call \(call) of \(counting.calls) fails") { try plan.run(operation) }
      #expect(error?.classification == classification, "\(name), call \(call): \(String(describing: error))")
      #expect(error?.message.isEmpty == false)
      #expect(plan.injected, "\(name): call \(call) was reached")
      #expect(plan.openHandles == 0, "\(name), call \(call): \(plan.openHandles) handles left open")
      let open = try HDF5.serialized { () throws(HDF5Failure) in try HDF5.openObjectCount() }
      #expect(open == 0, "\(name), call \(call): HDF5 counts \(open) open identifiers")
      try after()
      if plan.openHandles != 0 || open != 0 || error == nil { break }  // one report is enough
    }
  }

  @Test func writingARunFileFailsCleanlyAtEveryCall() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    let table = TraceTable(
      name: "ring", longName: "steps",
      columns: [
        TraceColumn(name: "lot", values: .int([7, 8])), TraceColumn(name: "step", values: .string(["harvest", "deliver"])),
      ])
    let replications = [Self.small(1), Self.small(0)]
    let removeOutput = { try FileManager.default.removeItem(atPath: path) }
    try failEveryCall("writing a run file", classification: .environment, afterSuccess: removeOutput) {
      try ResultsWriter.write(metadata: SampleRun.metadata(replications: 2), replications: replications, traces: [table], to: path)
    } after: {
      let entries = try folder.entries()
      #expect(entries.isEmpty, "no file, not even a temporary one: \(entries)")
    }
  }

  @Test func writingASweepFileFailsCleanlyAtEveryCall() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("sweep.h5")
    let sweep = Self.smallSweep()
    let removeOutput = { try FileManager.default.removeItem(atPath: path) }
    try failEveryCall("writing a sweep file", classification: .environment, afterSuccess: removeOutput) {
      try ResultsWriter.writeSweep(sweep, to: path)
    } after: {
      let entries = try folder.entries()
      #expect(entries.isEmpty, "no file, not even a temporary one: \(entries)")
    }
  }

  @Test func readingARunFileFailsCleanlyAtEveryCall() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(replications: 2), replications: [Self.small(0), Self.small(1)], to: path)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try failEveryCall("reading a run file", classification: .input) {
      _ = try ResultsFile.read(path: path)
    } after: {
      let entries = try folder.entries()
      let now = try Data(contentsOf: URL(fileURLWithPath: path))
      #expect(entries == ["run.h5"])
      #expect(now == bytes, "reading changes nothing")
    }
  }

  @Test func readingASweepFileFailsCleanlyAtEveryCall() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("sweep.h5")
    try ResultsWriter.writeSweep(Self.smallSweep(), to: path)
    try failEveryCall("reading a sweep file", classification: .input) {
      _ = try ResultsFile.readSweep(path: path)
    } after: {
      let entries = try folder.entries()
      #expect(entries == ["sweep.h5"])
    }
  }

  @Test func aFailedCallIsNamedInTheError() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let plan = HDF5FaultPlan(failingCall: 1)
    let error = #expect(throws: ResultsError.self) {
      try plan.run {
        try ResultsWriter.write(
          metadata: SampleRun.metadata(replications: 1), replications: [SampleRun.replication(0)], to: folder.path("a.h5"))
      }
    }
    #expect(error?.message == "cannot build the results file: create file-creation property list failed")
    #expect(error?.detail?.contains("injected failure of call 1 (H5Pcreate)") == true)
  }

  /// Every HDF5 C function (and every shim for an HDF5 macro) is called in
  /// `Internals/HDF5/HDF5Calls.swift` only.
  @Test func everyHDF5CallGoesThroughTheChokepoint() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let sources = root.appendingPathComponent("Sources/Results")
    let call = try Regex(#"\b(cs_)?H5[A-Za-z0-9_]*\s*\("#)
    var offenders: [String] = []
    let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
    for file in files where file.hasSuffix(".swift") && !file.hasSuffix("HDF5/HDF5Calls.swift") {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        for match in code.matches(of: call) where !code[match.range].hasSuffix("_t(") {
          offenders.append("\(file):\(number + 1): \(code[match.range])")
        }
      }
    }
    #expect(offenders.isEmpty, "HDF5 called outside the chokepoint: \(offenders)")
  }
}
