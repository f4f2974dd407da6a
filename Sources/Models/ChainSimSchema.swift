import Scenario
import SimKernel

/// The keys of a whole ChainSim scenario file: run settings and one section per subsystem.
public enum ChainSimSchema {
  /// The `run` section.
  public static let run = Schema([
    .count(
      "seed", default: 1, min: 0, max: maxSeed,
      doc: "Master seed: every random stream derives from it (common random numbers across variants)"),
    .count("replications", default: 10, min: 1, max: maxReplications, doc: "Independent replications (same seed, different streams)"),
    .duration(
      "horizon", default: "365d", min: 1e-9, max: maxHorizonHours,
      doc: "Simulated length of each replication, warm-up included (at most 100 years)"),
    .duration("warmup", default: "0h", doc: "Initial period excluded from KPIs (series keep it, flagged)"),
    .duration("sample_interval", default: "1d", min: 1e-6, doc: "Interval at which time series are sampled"),
  ])

  /// The largest master seed accepted (15 digits): `--seed` and `run.seed` go from 0 to this.
  public static let maxSeed = 999_999_999_999_999
  /// The most replications accepted (`--replications`, `run.replications`).
  public static let maxReplications = 100_000

  /// The longest horizon accepted: 100 years of 365.25 days, in hours.
  public static let maxHorizonHours = 876_600.0
  /// The most time-series samples per replication (horizon ÷ sample_interval).
  public static let maxSamples = 1_000_000.0

  /// The whole file.
  public static let root = Schema([
    .string("name", default: .optional, doc: "Scenario name (default: the file name without extension)"),
    .string("description", default: .optional, doc: "What the scenario represents"),
    .section("run", run, doc: "Run settings: seed, replications, horizon, warm-up, sampling"),
    .section("port", PortSchema.schema, doc: "Tianjin Port container terminals: berths, quay cranes and vessel services"),
    .section(
      "recycling", RecyclingSchema.schema, doc: "Reverse logistics under EPR: returns, collection points and vehicles, recycling centres"),
    .section(
      "rail", RailSchema.schema, doc: "Sea-rail links and the land bridge: corridors, timetabled trains, the rail yard, mode choice"),
    .section(
      "ring", RingSchema.schema, doc: "The one-hour fresh-produce ring around Beijing: bases, hubs, destinations, cold chain, tracing"),
  ])
}

extension ChainSimConfig {
  /// Builds the run's configuration from a scenario tree validated against ``ChainSimSchema/root``.
  /// - Parameters:
  ///   - root: the resolved scenario's root node.
  ///   - name: the scenario's name.
  public init(root: ScenarioNode, name: String) throws(ScenarioError) {
    let file = ScenarioSection(root: root, schema: ChainSimSchema.root)
    let run = try file.section("run")
    let horizon = try run.duration("horizon")
    let warmup = try run.duration("warmup")
    guard warmup < horizon else {
      throw run.error("warmup", "must be shorter than the horizon (\(horizon) h), found \(warmup) h")
    }
    let sampleInterval = try run.duration("sample_interval")
    // Longer than the horizon, every series would hold one sample, at time 0 (the empty start).
    guard sampleInterval <= horizon else {
      throw run.error(
        "sample_interval",
        "\(sampleInterval) h is longer than the horizon (\(horizon) h): every time series would hold only the sample at time 0; give at most the horizon"
      )
    }
    guard horizon / sampleInterval <= ChainSimSchema.maxSamples else {
      throw run.error(
        "sample_interval",
        "\(sampleInterval) h gives \(Int(min(horizon / sampleInterval, 9e15))) samples over the horizon of \(horizon) h; the most is \(Int(ChainSimSchema.maxSamples)): sample less often"
      )
    }
    let settings = RunSettings(
      seed: UInt64(try run.count("seed")), replications: try run.count("replications"),
      horizon: horizon, warmup: warmup, sampleInterval: sampleInterval)
    let portSection = try file.section("port")
    let port: PortConfig? = try portSection.bool("enabled") ? try PortConfig(portSection) : nil
    let recyclingSection = try file.section("recycling")
    var recycling: RecyclingConfig?
    if file.isSet("recycling"), try recyclingSection.bool("enabled") { recycling = try RecyclingConfig(recyclingSection) }
    let railSection = try file.section("rail")
    var rail: RailConfig?
    if file.isSet("rail"), try railSection.bool("enabled") { rail = try RailConfig(railSection) }
    let ringSection = try file.section("ring")
    var ring: RingConfig?
    if file.isSet("ring"), try ringSection.bool("enabled") { ring = try RingConfig(ringSection) }
    self.init(name: name, run: settings, port: port, recycling: recycling, rail: rail, ring: ring)
  }

  /// Warnings for a scenario that runs but may mislead: resources offered a load at or
  /// above their capacity (an unstable queue), a warm-up shorter than one schedule cycle.
  public var warnings: [String] {
    var out: [String] = []
    if let port {
      out += port.loadWarnings()
      if port.services.contains(where: { if case .weekly = $0.arrivals { return true } else { return false } }),
        run.warmup < 168
      {
        out.append(
          "run.warmup: \(run.warmup) h is shorter than one cycle of the weekly vessel schedules (168 h); KPIs will include start-up effects"
        )
      }
    }
    if let recycling { out += recycling.loadWarnings() }
    if let rail { out += rail.loadWarnings(warmup: run.warmup, hasPort: port != nil) }
    if let ring { out += ring.loadWarnings() }
    return out
  }
}
