import ArgumentParser

/// `chainsim-bench`: the Swift side of `Benchmarks/run`. Each subcommand runs one benchmark
/// once and prints one JSON line (`entities`, `events`, `seconds` of the timed part, extras);
/// the orchestrator repeats, alternates and takes medians.
@main
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chainsim-bench",
    abstract: "ChainSim's kernel and scenario benchmarks (see Benchmarks/README.md).",
    subcommands: [HoldBench.self, MMCBench.self, PortBench.self])
}
