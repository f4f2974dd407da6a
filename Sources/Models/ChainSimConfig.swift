import SimKernel

/// Run settings shared by every subsystem. Times in hours.
public struct RunSettings: Sendable, Equatable {
  public var seed: UInt64
  public var replications: Int
  public var horizon: SimTime
  public var warmup: SimTime
  public var sampleInterval: SimTime
  public init(seed: UInt64, replications: Int, horizon: SimTime, warmup: SimTime, sampleInterval: SimTime) {
    self.seed = seed
    self.replications = replications
    self.horizon = horizon
    self.warmup = warmup
    self.sampleInterval = sampleInterval
  }
}

/// A whole scenario as the models need it: run settings and each enabled subsystem.
public struct ChainSimConfig: Sendable, Equatable {
  public var name: String
  public var run: RunSettings
  /// The port, or nil when disabled.
  public var port: PortConfig?
  /// Reverse logistics and recycling centres, or nil when disabled.
  public var recycling: RecyclingConfig?
  /// Sea-rail links and the land bridge (the port's landside), or nil when disabled.
  public var rail: RailConfig?
  /// The fresh-produce ring around the capital, or nil when disabled.
  public var ring: RingConfig?
  public init(name: String, run: RunSettings, port: PortConfig?, recycling: RecyclingConfig? = nil, rail: RailConfig? = nil, ring: RingConfig? = nil) {
    self.name = name
    self.run = run
    self.port = port
    self.recycling = recycling
    self.rail = rail
    self.ring = ring
  }
}

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
    let context = ModelContext(simulation: sim, seed: r.seed, replication: index, accounts: accounts)
    var models: [SubsystemModel] = []
    // The port comes first: the hinterland models couple to it (rail as its landside, the
    // ring as an observer of imports leaving by road).
    var port: PortModel?
    if let portConfig = config.port {
      let model = PortModel(config: portConfig, simulation: sim, seed: r.seed, replication: index)
      port = model
      models.append(model)
    }
    // Rail: the port's landside (without a port there is nothing to carry: left out).
    if let rail = config.rail, port != nil {
      let model = RailModel(config: rail, context: context, port: port)
      port?.landside = model
      models.append(model)
    }
    // Ring: observes laden imports leaving the port by road (its reefer share feeds the hubs).
    if let ring = config.ring {
      let model = RingModel(config: ring, context: context)
      port?.importObservers.append(model)
      models.append(model)
    }
    if let recycling = config.recycling {
      models.append(RecyclingModel(config: recycling, context: context))
    }
    for m in models { m.start() }
    sim.run(until: r.horizon, reportingTo: gauge)
    var outputs = models.map { $0.finish(at: r.horizon) }
    if !accounts.isUnused { outputs.append(accounts.finish(at: r.horizon)) }
    let traces = models.compactMap { ($0 as? TraceProducing)?.traceTable() }
    return (ReplicationOutput(replication: index, fingerprint: sim.fingerprint.value, events: sim.eventCount, subsystems: outputs), traces)
  }
}
