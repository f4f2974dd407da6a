import ArgumentParser
import Experiments

extension ChainSim {
  /// `chainsim schema`: the scenario keys, as JSON Schema or as a Markdown reference.
  struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "schema",
      abstract: "Print the scenario file's JSON Schema or its key reference (both from the loader's own schema).")

    @Flag(help: "Print the Markdown key reference instead of the JSON Schema.")
    var reference = false

    func run() {
      print(reference ? ScenarioDocumentation.keyReference : ScenarioDocumentation.jsonSchema, terminator: "")
    }
  }
}
