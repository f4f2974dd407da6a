import ArgumentParser
import Experiments
import Foundation

extension ChainSim {
  /// `chainsim merge`: assembles the part files of a sharded sweep into its results file.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Merge the part files of a sharded sweep (chainsim sweep --shard K/N) into one HDF5 file.",
      discussion: """
        The result is byte-identical to the sweep run in one go. Parts of different sweeps, a missing or \
        repeated shard, or a damaged part are refused (exit 2).
        """)

    @Argument(help: "Part files, one per shard, in any order.")
    var parts: [String]

    @Option(name: .shortAndLong, help: "Results file to write.")
    var output: String

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
      let results = try SweepRunner.merge(parts: parts, outputPath: output)
      if !quiet {
        printLine(
          "merged \(parts.count) parts: \(results.points.count) points × \(results.metadata.replications) replications -> \(output)")
      }
    }
  }
}
