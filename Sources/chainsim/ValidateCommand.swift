import ArgumentParser
import Experiments
import Foundation

extension ChainSim {
  /// `chainsim validate`: check scenario files without running them.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check scenario and sweep files without running them.",
      discussion: """
        Reports the first error of each file with its file, line, column and key path (exit 2), and \
        warns about queues offered a load at or above capacity, warm-ups shorter than a schedule \
        cycle, more cranes per vessel than a terminal has, and terminals that no service calls at.
        """)

    @Argument(help: "Scenario or sweep files (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String] = ["scenarios/tianjin-2024.yaml"]

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario key (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Flag(help: "Print the result as JSON on stdout.")
    var json = false

    func run() throws {
      var failures: [String] = []
      var entries: [[String: Any]] = []
      for file in files {
        do {
          if SweepPreparation.isSweepFile(path: file) {
            let s = try SweepPreparation.prepare(path: file)
            entries.append([
              "file": file, "valid": true, "kind": "sweep", "name": s.definition.name, "points": s.points.count,
              "sweep_sha256": s.sha256, "warnings": s.warnings,
            ])
            if !json {
              printLine(
                "\(file): ok (sweep \(s.definition.name): \(s.points.count) points × \(s.definition.replications) replications, \(s.definition.design.name))"
              )
              for w in s.warnings { printLine("  warning: \(w)") }
            }
            continue
          }
          let p = try ScenarioPreparation.prepare(path: file, overrides: overrides)
          entries.append(["file": file, "valid": true, "name": p.name, "scenario_sha256": p.sha256, "warnings": p.warnings])
          if !json {
            printLine("\(file): ok (\(p.name), sha256 \(p.sha256.prefix(12)))")
            for w in p.warnings { printLine("  warning: \(w)") }
          }
        } catch {
          let message = ErrorClassification(error)?.message ?? "\(error)"
          failures.append(message)
          entries.append(["file": file, "valid": false, "error": message])
          if !json { printError("error: \(message)") }
        }
      }
      if json {
        let data = try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
      }
      if !failures.isEmpty { throw ExitCode(2) }
    }
  }
}
