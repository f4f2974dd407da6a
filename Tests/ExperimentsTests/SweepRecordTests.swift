import Foundation
import SimKernel
import Testing

@testable import Experiments

/// Records round-trip exactly (NaN payloads included), damaged ones are dropped to be run
/// again, and a records folder of another sweep is refused.
@Suite struct SweepRecordTests {
  static func output(_ r: Int) -> ReplicationOutput {
    let axis = LabelAxis(name: "terminal", labels: ["UICT", "五洲 Wuzhou"])
    let series = SeriesOutput(info: MetricInfo(name: "queue", longName: "Queue", units: "1", axis: axis), values: [1, .nan, 3.25, -0.0])
    let kpi = KPIOutput(info: MetricInfo(name: "wait", longName: "Wait", units: "h", better: .lower), values: [Double(r) + 0.1])
    let check = CheckOutput(name: "balance", longName: "vessels", units: "1", entered: 10, left: 8, remained: 2)
    return ReplicationOutput(
      replication: r, fingerprint: 0xDEAD_BEEF, events: 42,
      subsystems: [SubsystemOutput(name: "port", series: [series], kpis: [kpi], checks: [check])])
  }

  @Test func recordsRoundTripAndDamagedOnesAreDropped() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-rec-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("x.h5").path
    let sha = String(repeating: "a", count: 64)
    let store = try SweepRecordStore(output: out, sweepSHA256: sha, sweepName: "x")
    try store.write(point: 3, output: Self.output(0))
    try store.write(point: 3, output: Self.output(1))
    var loaded = store.load()
    let back = try #require(loaded[3]?[1])
    #expect(back.subsystems[0].series[0].values.map(\.bitPattern) == Self.output(1).subsystems[0].series[0].values.map(\.bitPattern))
    #expect(
      back.subsystems[0].kpis == Self.output(1).subsystems[0].kpis && back.subsystems[0].checks == Self.output(1).subsystems[0].checks)
    // Flip one byte of a record: its checksum fails, so it is removed and will be run again.
    let path = store.folder + "/" + SweepRecordStore.fileName(point: 3, replication: 0)
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[bytes.count / 2] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    loaded = store.load()
    #expect(loaded[3]?[0] == nil && loaded[3]?[1] != nil)
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect { try SweepRecordStore(output: out, sweepSHA256: String(repeating: "b", count: 64), sweepName: "x") } throws: {
      ($0 as? SweepError)?.exitCode == 2 && "\($0)".contains("different sweep")
    }
  }
}
