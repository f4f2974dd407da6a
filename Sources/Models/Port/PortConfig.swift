import SimKernel

/// The port: terminals with berths, quay cranes, yard and gate; the vessel services that
/// call at them; and, when `containers` is set, the boxes behind the moves (yard, customs,
/// gate) and the disruptions of the channel and the cranes. Times in hours; productivity
/// in moves per crane-hour.
public struct PortConfig: Sendable, Equatable {
  public var terminals: [TerminalConfig]
  public var services: [VesselServiceConfig]
  /// How each terminal's anchorage queue is served.
  public var berthDiscipline: QueueDiscipline
  /// Boxes, yard, customs and gate; nil models the berth core only (a vessel's moves are
  /// worked in one piece and no box is tracked).
  public var containers: ContainerConfig?
  /// Customs clearance of import and export boxes (used with `containers`).
  public var customs: CustomsConfig
  /// The approach channel: transit times and closures.
  public var channel: ChannelConfig
  /// A vessel whose home terminal's expected wait exceeds this is sent to the alternative
  /// with the shortest expected wait (hours; infinity: never divert).
  public var divertAboveWait: SimTime

  public init(
    terminals: [TerminalConfig], services: [VesselServiceConfig], berthDiscipline: QueueDiscipline = .fifo,
    containers: ContainerConfig? = nil, customs: CustomsConfig = CustomsConfig(), channel: ChannelConfig = ChannelConfig(),
    divertAboveWait: SimTime = .infinity
  ) {
    self.terminals = terminals
    self.services = services
    self.berthDiscipline = berthDiscipline
    self.containers = containers
    self.customs = customs
    self.channel = channel
    self.divertAboveWait = divertAboveWait
  }
}

/// A container terminal: berths sharing a pool of quay cranes, a yard and a gate.
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
  /// Yard: blocks × TEU per block (stacking capacity; used with `containers`).
  public var yardBlocks: Int
  public var yardBlockTEU: Double
  /// Gate lanes open in the daily working hours `[opensAt, closesAt)` (hours of the day;
  /// 0 and 24 for round the clock), and the time one truck holds a lane.
  public var gateLanes: Int
  public var gateOpensAt: SimTime
  public var gateClosesAt: SimTime
  public var gateTransaction: Distribution
  /// Time a truck spends inside the terminal after the gate (to the stack and back).
  public var truckYardTime: Distribution
  /// Crane breakdowns: mean time between failures of one crane and the repair time
  /// (nil: no breakdowns).
  public var craneMTBF: SimTime?
  public var craneRepair: Distribution

  public init(
    name: String, berths: Int, cranes: Int, minCranesPerVessel: Int, maxCranesPerVessel: Int, craneProductivity: Distribution,
    yardBlocks: Int = 1, yardBlockTEU: Double = .infinity, gateLanes: Int = 1, gateOpensAt: SimTime = 0, gateClosesAt: SimTime = 24,
    gateTransaction: Distribution = .constant(0.05), truckYardTime: Distribution = .constant(0.5),
    craneMTBF: SimTime? = nil, craneRepair: Distribution = .constant(2)
  ) {
    self.name = name
    self.berths = berths
    self.cranes = cranes
    self.minCranesPerVessel = minCranesPerVessel
    self.maxCranesPerVessel = maxCranesPerVessel
    self.craneProductivity = craneProductivity
    self.yardBlocks = yardBlocks
    self.yardBlockTEU = yardBlockTEU
    self.gateLanes = gateLanes
    self.gateOpensAt = gateOpensAt
    self.gateClosesAt = gateClosesAt
    self.gateTransaction = gateTransaction
    self.truckYardTime = truckYardTime
    self.craneMTBF = craneMTBF
    self.craneRepair = craneRepair
  }

  /// The yard's capacity in TEU.
  public var yardCapacityTEU: Double { Double(yardBlocks) * yardBlockTEU }

  /// Gate lanes by hour of day as a kernel schedule.
  public var gateSchedule: CapacitySchedule {
    if gateOpensAt <= 0 && gateClosesAt >= 24 { return .constant(gateLanes) }
    return CapacitySchedule(
      period: 24,
      steps: [
        .init(offset: 0, capacity: 0), .init(offset: gateOpensAt, capacity: gateLanes), .init(offset: gateClosesAt, capacity: 0),
      ].filter { $0.offset < 24 })
  }
}

/// How a service's vessels arrive.
public enum VesselArrivals: Sendable, Equatable {
  /// A weekly schedule of `callsPerWeek` evenly spaced calls, each vessel arriving at its
  /// scheduled time plus a jitter (hours; may be negative, bounded by the call notice).
  case weekly(callsPerWeek: Int, jitter: Distribution)
  /// Random arrivals with the given inter-arrival time.
  case random(interarrival: Distribution)
}

/// A liner service (or a class of vessels) calling at one terminal.
public struct VesselServiceConfig: Sendable, Equatable {
  public var name: String
  /// Index into `PortConfig.terminals`: the terminal the service's line or alliance uses.
  public var terminal: Int
  /// Terminals its vessels may be sent to when the home terminal is congested.
  public var alternatives: [Int]
  public var arrivals: VesselArrivals
  /// Container moves (discharge + load) per call, drawn when the vessel is created.
  public var moves: Distribution
  /// Berth priority (lower first) when the discipline is `.priority`.
  public var priority: Int

  public init(name: String, terminal: Int, alternatives: [Int] = [], arrivals: VesselArrivals, moves: Distribution, priority: Int = 0) {
    self.name = name
    self.terminal = terminal
    self.alternatives = alternatives
    self.arrivals = arrivals
    self.moves = moves
    self.priority = priority
  }
}

/// The approach channel: every vessel transits it in and out; closures (fog, wind) stop
/// all movements. Closures come from a calendar and/or a random process.
public struct ChannelConfig: Sendable, Equatable {
  /// Transit between the anchorage and the berth, each way.
  public var transit: Distribution
  /// Fixed closures `[start, end)` in hours from the start of the run.
  public var closures: [Range<SimTime>]
  /// Random closures per year (0: none) and their duration.
  public var randomClosuresPerYear: Double
  public var closureDuration: Distribution

  public init(
    transit: Distribution = .constant(0), closures: [Range<SimTime>] = [], randomClosuresPerYear: Double = 0,
    closureDuration: Distribution = .constant(6)
  ) {
    self.transit = transit
    self.closures = closures
    self.randomClosuresPerYear = randomClosuresPerYear
    self.closureDuration = closureDuration
  }
}
