import Foundation

/// One of the fingerprint files under `scenarios/`: where it is, which scenarios it must
/// cover, the settings a new one starts with, and its text (comment header, then a
/// `fingerprints:` list of entries with six keys each, always in the same order).
///
/// The settings of an existing file are those its entries record (see ``settings(of:)``);
/// the ones written here are used only when the file has no entry yet.
public struct FingerprintBook: Sendable {
  /// The file, relative to the folder that holds `scenarios/`.
  public var path: String
  /// Whether every shipped scenario (``ShippedScenarios``) must have entries; otherwise the
  /// file covers the scenarios its entries list.
  public var coversEveryShippedScenario: Bool
  /// The comment lines at the top of the file, each without its line break.
  var header: [String]
  /// The scenarios of a file with no entry yet (when it does not cover every shipped one).
  var firstScenarios: [String]
  /// The settings of a file with no entry yet.
  var firstSettings: [FingerprintSettings]

  /// `scenarios/fingerprints.yaml`: every shipped scenario and variant, seeds 2024 and 7,
  /// 2 replications × 3 days after a 1-day warm-up. `swift test` checks it.
  public static let threeDays = FingerprintBook(
    path: "scenarios/fingerprints.yaml",
    coversEveryShippedScenario: true,
    header: [
      "# Expected event-trajectory fingerprints of the shipped scenarios (as OMNeT++'s fingerprints.ini).",
      "# Each entry runs the scenario with the given seed, replications and horizon; the fingerprint",
      "# hashes every replication's trajectory (event times, subsystems, kinds) in index order.",
      "# A change that alters a trajectory changes these: it must be deliberate. To regenerate all",
      "# (every shipped scenario, seeds 2024 and 7): scripts/update-fingerprints, then review the diff.",
      "# The test suite (ExperimentsTests/FingerprintTests) checks every entry.",
    ],
    firstScenarios: [],
    firstSettings: [2024, 7].map { FingerprintSettings(seed: $0, replications: 2, horizon: "3d", warmup: "1d") })

  /// `scenarios/fingerprints-full-year.yaml`: the default scenario over a whole year, one
  /// replication, so that drift after day 3 is seen too. Too slow for a debug build: CI
  /// checks it from the release binary (`chainsim fingerprints --check --full-year`).
  public static let fullYear = FingerprintBook(
    path: "scenarios/fingerprints-full-year.yaml",
    coversEveryShippedScenario: false,
    header: [
      "# Expected event-trajectory fingerprint of the default scenario over a whole simulated year,",
      "# one replication (scenarios/fingerprints.yaml covers every shipped scenario, but over 3 days",
      "# only, so drift after day 3 passes unseen there). Too slow for a debug build: CI checks it",
      "# from the release binary (.ci/run: chainsim fingerprints --check --full-year). To regenerate:",
      "# chainsim fingerprints --update --full-year, then review the diff.",
    ],
    firstScenarios: ["scenarios/tianjin-2024.yaml"],
    firstSettings: [FingerprintSettings(seed: 2024, replications: 1, horizon: "365d", warmup: "14d")])

  /// Every fingerprint file: none of them is a scenario.
  public static let all = [threeDays, fullYear]

  /// The settings every covered scenario runs with: those the entries record, in the order
  /// they first appear (today seeds 2024 and 7 with the same replications, horizon and
  /// warm-up), or the first settings when there is no entry.
  public func settings(of entries: [FingerprintEntry]) -> [FingerprintSettings] {
    var seen: [FingerprintSettings] = []
    for e in entries where !seen.contains(e.run.settings) { seen.append(e.run.settings) }
    return seen.isEmpty ? firstSettings : seen
  }

  /// The runs the file must hold, in the file's order: each scenario it covers (every shipped
  /// one, or those its entries list) with each of its settings.
  public func runs(of entries: [FingerprintEntry], shipped: [String]) -> [FingerprintRun] {
    var scenarios: [String]
    if coversEveryShippedScenario {
      scenarios = shipped
    } else {
      scenarios = []
      for e in entries where !scenarios.contains(e.run.scenario) { scenarios.append(e.run.scenario) }
      if scenarios.isEmpty { scenarios = firstScenarios }
    }
    let settings = settings(of: entries)
    return scenarios.flatMap { s in settings.map { FingerprintRun(scenario: s, settings: $0) } }
  }

  /// The file's full text for `entries`: the header, then every entry.
  public func text(of entries: [FingerprintEntry]) -> String {
    var lines = header
    lines.append("fingerprints:")
    for e in entries {
      lines.append("  - scenario: \(Self.yamlScalar(e.run.scenario))")
      lines.append("    seed: \(e.run.settings.seed)")
      lines.append("    replications: \(e.run.settings.replications)")
      lines.append("    horizon: \(Self.yamlScalar(e.run.settings.horizon))")
      lines.append("    warmup: \(Self.yamlScalar(e.run.settings.warmup))")
      lines.append("    fingerprint: \(e.fingerprint)")
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// `text` as YAML: plain when it is made of letters, digits and `._/-` only, otherwise
  /// double-quoted with `"` and `\` escaped.
  static func yamlScalar(_ text: String) -> String {
    let plain =
      !text.isEmpty && !text.hasPrefix("-")
      && text.unicodeScalars.allSatisfy {
        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._/-".unicodeScalars.contains($0))
      }
    if plain { return text }
    var quoted = "\""
    for s in text.unicodeScalars {
      switch s {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      default:
        if s.value < 0x20 { quoted += "\\x" + String(format: "%02x", s.value) } else { quoted.unicodeScalars.append(s) }
      }
    }
    return quoted + "\""
  }
}
