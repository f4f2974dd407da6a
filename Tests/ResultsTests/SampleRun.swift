import Foundation
import SimKernel

/// A small two-subsystem run with labelled and unlabelled metrics, built deterministically.
enum SampleRun {
  static let sampleTimes: [Double] = [0, 6, 12, 18, 24, 30]
  static let terminals = LabelAxis(name: "terminal", labels: ["UICT", "Pacific International", "五洲 Wuzhou"])
  static let corridors = LabelAxis(name: "corridor", labels: ["Erenhot 二连浩特", "Manzhouli"])

  static func metadata(replications: Int = 3) -> RunMetadata {
    RunMetadata(
      softwareVersion: "0.1.0-test", scenarioName: "tianjin-2024", scenarioSHA256: String(repeating: "ab", count: 32),
      scenarioText: "port:\n  berths: 4 # 泊位\nrail:\n  enabled: true\n", seed: 0xDEAD_BEEF_CAFE_F00D,
      streamScheme: "gsl-mt19937/v1", replications: replications, horizon: 30, warmup: 6, timeUnit: "h",
      sampleInterval: 6, sampleTimes: sampleTimes, fingerprint: "0123456789abcdef")
  }

  static func value(_ replication: Int, _ time: Int, _ label: Int, _ salt: Double) -> Double {
    salt + Double(replication) * 10.5 + Double(time) * 0.25 + Double(label) / 3
  }

  static func series(_ info: MetricInfo, replication: Int, salt: Double) -> SeriesOutput {
    let values = sampleTimes.indices.flatMap { t in (0..<info.width).map { value(replication, t, $0, salt) } }
    return SeriesOutput(info: info, values: values)
  }

  static func kpi(_ info: MetricInfo, replication: Int, salt: Double) -> KPIOutput {
    KPIOutput(info: info, values: (0..<info.width).map { value(replication, 0, $0, salt) })
  }

  static func replication(_ index: Int, terminals: LabelAxis = terminals) -> ReplicationOutput {
    let anchor = MetricInfo(name: "vessels_at_anchor", longName: "Vessels waiting at anchor", units: "1")
    let berths = MetricInfo(name: "berth_occupancy", longName: "Occupied berths", units: "1", axis: terminals)
    let wait = MetricInfo(name: "vessel_wait_mean", longName: "Mean vessel wait for a berth", units: "h", better: .lower)
    let utilisation = MetricInfo(name: "berth_utilisation", longName: "Berth utilisation", units: "1", better: .higher, axis: terminals)
    let yard = MetricInfo(name: "rail_yard_teu", longName: "Containers in the rail yard", units: "TEU")
    let fill = MetricInfo(name: "train_fill", longName: "Train fill rate", units: "1", axis: corridors)
    let share = MetricInfo(name: "rail_share", longName: "Rail share of hinterland moves", units: "1", better: .higher, axis: corridors)
    let port = SubsystemOutput(
      name: "port",
      series: [series(anchor, replication: index, salt: 1), series(berths, replication: index, salt: 2)],
      kpis: [kpi(wait, replication: index, salt: 3), kpi(utilisation, replication: index, salt: 0.5)],
      checks: [
        CheckOutput(
          name: "vessel_balance", longName: "vessels", units: "1", entered: 40 + Double(index), left: 38, remained: 2 + Double(index))
      ])
    let rail = SubsystemOutput(
      name: "rail",
      series: [series(yard, replication: index, salt: 100), series(fill, replication: index, salt: 0.125)],
      kpis: [kpi(share, replication: index, salt: 0.3)],
      checks: [
        CheckOutput(name: "container_balance", longName: "containers", units: "TEU", entered: 1000.5, left: 900.25, remained: 100.25)
      ])
    return ReplicationOutput(
      replication: index, fingerprint: 0xF00D_0000 + UInt64(index), events: 12_345 + index, subsystems: [port, rail])
  }

  /// Replications 0, 1, 2 handed over out of order, as parallel workers finish.
  static func replications() -> [ReplicationOutput] { [replication(2), replication(0), replication(1)] }
}

/// A fresh temporary folder, removed by `cleanUp()`.
struct TemporaryFolder {
  let url: URL
  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-results-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
  func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
  func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// Runs a command and captures its exit status and output.
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [executable] + arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The project's own layout conformance check (`scripts/check-layout` in the package root):
/// the tests need nothing outside the repository.
func checkerScript() -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scripts/check-layout").path
}
