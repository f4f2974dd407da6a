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
  public init(
    name: String, run: RunSettings, port: PortConfig?, recycling: RecyclingConfig? = nil, rail: RailConfig? = nil, ring: RingConfig? = nil
  ) {
    self.name = name
    self.run = run
    self.port = port
    self.recycling = recycling
    self.rail = rail
    self.ring = ring
  }
}
