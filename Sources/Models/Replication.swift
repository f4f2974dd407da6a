import SimKernel

/// One replication of a scenario: builds the models on a fresh simulation, runs it to the
/// horizon and collects every subsystem's output.
public enum Replication {
  /// Runs replication `index` with the run's seed and returns its output.
  public static func run(_ config: ChainSimConfig, index: Int) -> ReplicationOutput {
    runWithTraces(config, index: index).output
  }

  /// Runs replication `index` and also returns the traces of models that keep them
  /// (``TraceProducing``, e.g. the ring with `recordTraces`).
  /// - Parameter gauge: receives the simulated time reached about once a simulated day, for
  ///   progress displays (the trajectory is the same with or without it).
  public static func runWithTraces(
    _ config: ChainSimConfig, index: Int, gauge: SimulatedTimeGauge? = nil
  ) -> (output: ReplicationOutput, traces: [TraceTable]) {
    let r = config.run
    let sim = Simulation(sampleInterval: r.sampleInterval, horizon: r.horizon, warmup: r.warmup)
    let accounts = SharedAccounts(simulation: sim)
    let context = ModelContext(simulation: sim, seed: r.seed, replication: index, accounts: accounts, horizon: r.horizon)
    let models = ChainModels(config, context: context).all
    for m in models { m.start() }
    sim.run(until: r.horizon, reportingTo: gauge)
    var outputs = models.map { $0.finish(at: r.horizon) }
    if !accounts.isUnused { outputs.append(accounts.finish(at: r.horizon)) }
    let traces = models.compactMap { ($0 as? TraceProducing)?.traceTable() }
    return (ReplicationOutput(replication: index, fingerprint: sim.fingerprint.value, events: sim.eventCount, subsystems: outputs), traces)
  }
}
