import SimKernel

/// The berth core of a port: terminals with berths and quay cranes, and the vessel services
/// that call at them. Times in hours; productivity in moves per crane-hour.
public struct PortConfig: Sendable, Equatable {
  public var terminals: [TerminalConfig]
  public var services: [VesselServiceConfig]
  /// How each terminal's anchorage queue is served.
  public var berthDiscipline: QueueDiscipline

  public init(terminals: [TerminalConfig], services: [VesselServiceConfig], berthDiscipline: QueueDiscipline = .fifo) {
    self.terminals = terminals
    self.services = services
    self.berthDiscipline = berthDiscipline
  }
}

/// A container terminal: a group of berths sharing a pool of quay cranes.
public struct TerminalConfig: Sendable, Equatable {
  public var name: String
  public var berths: Int
  /// Quay cranes in the terminal's pool.
  public var cranes: Int
  /// Cranes a vessel needs before it can start, and the most it gets.
  public var minCranesPerVessel: Int
  public var maxCranesPerVessel: Int
  /// Moves per crane-hour, drawn per vessel when it is created.
  public var craneProductivity: Distribution

  public init(name: String, berths: Int, cranes: Int, minCranesPerVessel: Int, maxCranesPerVessel: Int, craneProductivity: Distribution) {
    self.name = name
    self.berths = berths
    self.cranes = cranes
    self.minCranesPerVessel = minCranesPerVessel
    self.maxCranesPerVessel = maxCranesPerVessel
    self.craneProductivity = craneProductivity
  }
}

/// How a service's vessels arrive.
public enum VesselArrivals: Sendable, Equatable {
  /// A weekly schedule of `callsPerWeek` evenly spaced calls, each vessel arriving at its
  /// scheduled time plus a jitter (hours; may be negative, bounded by the 48 h notice).
  case weekly(callsPerWeek: Int, jitter: Distribution)
  /// Random arrivals with the given inter-arrival time.
  case random(interarrival: Distribution)
}

/// A liner service (or a class of vessels) calling at one terminal.
public struct VesselServiceConfig: Sendable, Equatable {
  public var name: String
  /// Index into `PortConfig.terminals`.
  public var terminal: Int
  public var arrivals: VesselArrivals
  /// Container moves (discharge + load) per call, drawn when the vessel is created.
  public var moves: Distribution
  /// Berth priority (lower first) when the discipline is `.priority`.
  public var priority: Int

  public init(name: String, terminal: Int, arrivals: VesselArrivals, moves: Distribution, priority: Int = 0) {
    self.name = name
    self.terminal = terminal
    self.arrivals = arrivals
    self.moves = moves
    self.priority = priority
  }
}
