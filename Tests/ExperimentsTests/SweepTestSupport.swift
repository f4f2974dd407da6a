import Foundation

/// Writes a sweep file into a fresh temporary folder, with `BASE` replaced by the absolute
/// path of the baseline scenario; returns its path.
func writeSweepFile(_ text: String, name: String = "sweep.yaml") throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-sweep-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let path = dir.appendingPathComponent(name).path
  let base = packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml").path
  try text.replacingOccurrences(of: "BASE", with: base).write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

/// A grid of 2 × 2 points, 2 replications, 10 days.
let smallSweep = """
  sweep: small
  scenario: BASE
  set:
    run.horizon: 10d
    run.warmup: 7d
  replications: 2
  parameters:
    - name: import_inspection_rate
      path: port.customs.import_inspection_rate
      values: [2, 8]
      format: "{}%"
    - name: uict_berths
      path: port.terminals[name=UICT].berths
      range: {from: 3, to: 4, step: 1}
  """
