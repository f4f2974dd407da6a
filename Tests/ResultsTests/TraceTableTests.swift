import Foundation
import SimKernel
import Testing

@testable import Results

/// Trace tables written as named compound datasets under /traces.
@Suite(.serialized) struct TraceTableTests {
  @Test func appendingKeepsColumnsAndRows() {
    let a = TraceTable(
      name: "ring", longName: "x",
      columns: [
        TraceColumn(name: "lot", values: .int([1, 2])),
        TraceColumn(name: "step", values: .string(["a", "b"])),
      ])
    let b = a.appending(a)
    #expect(b.rowCount == 4)
    #expect(b.columns[1].values == .string(["a", "b", "a", "b"]))
  }

  @Test func compoundDatasetHasNamedFieldsForH5py() throws {
    let output = ReplicationOutput(
      replication: 0, fingerprint: 1, events: 1,
      subsystems: [
        SubsystemOutput(name: "ring", kpis: [KPIOutput(info: MetricInfo(name: "k", longName: "k", units: "1"), values: [1])])
      ])
    let meta = RunMetadata(
      softwareVersion: "t", scenarioName: "t", scenarioSHA256: "0", scenarioText: "x: 1", seed: 1,
      streamScheme: "s", replications: 1, horizon: 1, warmup: 0, timeUnit: "h", sampleInterval: 1,
      sampleTimes: [0, 1], fingerprint: "0")
    let table = TraceTable(
      name: "ring", longName: "steps",
      columns: [
        TraceColumn(name: "lot", values: .int([7, 8, 9])),
        TraceColumn(name: "step", values: .string(["harvest", "deliver", "spoil"])),
        TraceColumn(name: "time", units: "h", values: .float([0.5, 2.25, 3])),
      ])
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.h5").path
    try ResultsWriter.write(metadata: meta, replications: [output], traces: [table], to: path)
    let script = """
      import h5py, sys
      d = h5py.File(sys.argv[1], "r")["/traces/ring"]
      assert d.dtype.names == ("lot", "step", "time"), d.dtype.names
      assert list(d["lot"]) == [7, 8, 9]
      assert [s.decode() for s in d["step"]] == ["harvest", "deliver", "spoil"]
      assert list(d["time"]) == [0.5, 2.25, 3.0]
      print("ok")
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, path]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    // The contents still read back (traces are optional for the reader).
    #expect(try ResultsFile.read(path: path).subsystems.map(\.name) == ["ring"])
  }
}
