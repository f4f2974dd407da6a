import Experiments
import Foundation
import Scenario
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every shipped scenario's trajectory matches `scenarios/fingerprints.yaml`.
@Suite struct FingerprintTests {
  struct Entry: Sendable, CustomStringConvertible {
    var scenario: String, seed: String, replications: String, horizon: String, warmup: String, fingerprint: String
    var description: String { "\(scenario) seed \(seed)" }
  }

  static let entries: [Entry] = {
    let path = packageRoot.appendingPathComponent("scenarios/fingerprints.yaml").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
          let root = try? ScenarioNode.parse(yaml: text, file: path),
          let list = root["fingerprints"]?.sequence else { return [] }
    return list.compactMap { e in
      guard let s = e["scenario"]?.scalar?.text, let seed = e["seed"]?.scalar?.text,
            let r = e["replications"]?.scalar?.text, let h = e["horizon"]?.scalar?.text,
            let w = e["warmup"]?.scalar?.text, let f = e["fingerprint"]?.scalar?.text else { return nil }
      return Entry(scenario: s, seed: seed, replications: r, horizon: h, warmup: w, fingerprint: f)
    }
  }()

  @Test func fileListsEveryShippedScenario() {
    #expect(Self.entries.count >= 4)
    let listed = Set(Self.entries.map(\.scenario))
    #expect(listed.contains("scenarios/tianjin-2024.yaml"))
    #expect(listed.contains("scenarios/variants/automated-cranes.yaml"))
  }

  @Test(arguments: entries)
  func trajectoryMatches(entry: Entry) async throws {
    let path = packageRoot.appendingPathComponent(entry.scenario).path
    let prepared = try ScenarioPreparation.prepare(path: path, overrides: [
      "run.seed=\(entry.seed)", "run.replications=\(entry.replications)", "run.horizon=\(entry.horizon)",
      "run.warmup=\(entry.warmup)",
    ])
    let outputs = await ReplicationSet.run(prepared.config, jobs: 2)
    let got = ReplicationSet.combinedFingerprint(outputs)
    #expect(got == entry.fingerprint, "\(entry): fingerprint \(got), expected \(entry.fingerprint) — if the change is deliberate, update scenarios/fingerprints.yaml")
  }
}
