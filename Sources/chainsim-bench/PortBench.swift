import ArgumentParser
import Experiments
import Foundation
import SimKernel

/// A scenario run on one worker, timed in-process: the replications alone (no output), or
/// the whole `chainsim run` pipeline with the HDF5 results file.
struct PortBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenario", abstract: "Run a scenario's replications on one worker, with or without HDF5 output.")

  @Option(help: "Scenario file.") var scenario = "scenarios/tianjin-2024.yaml"
  @Option(name: .customLong("set"), help: "key.path=value overrides (repeatable).") var overrides: [String] = []
  @Option(help: "HDF5 results file to write (omit for no output).") var output: String?

  func run() async throws {
    let prepared: PreparedRun
    do {
      prepared = try ScenarioPreparation.prepare(path: scenario, overrides: overrides)
    } catch {
      throw ValidationError(error.description)
    }
    let start = ContinuousClock.now
    let outputs: [ReplicationOutput]
    if let path = output {
      do {
        outputs = try await ScenarioRunner.run(prepared, jobs: 1, outputPath: path).outputs
      } catch {
        throw ValidationError(error.description)
      }
    } else {
      outputs = await ReplicationSet.run(prepared.config, jobs: 1)
    }
    let elapsed = seconds(ContinuousClock.now - start)
    let events = outputs.reduce(0) { $0 + $1.events }
    // Vessels (or whatever the first subsystem's first flow-balance check counts) that entered.
    var vessels = 0.0
    for o in outputs {
      if let check = o.subsystems.first?.checks.first { vessels += check.entered }
    }
    var r = BenchReport()
    r.add("benchmark", "scenario")
    r.add("replications", outputs.count)
    r.add("entities", Int(vessels))
    r.add("events", events)
    r.add("seconds", elapsed)
    r.add("fingerprint", ReplicationSet.combinedFingerprint(outputs))
    print(r.json)
  }
}
