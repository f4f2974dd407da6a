import SimKernel

/// Sea-rail intermodal links between the port and its hinterland (海铁联运) and the
/// continental land bridge (大陆桥): corridors with timetabled block trains, the rail yard at
/// the port, and the truck alternative each laden box compares by generalised cost.
/// Times in hours, distances in km, money in CNY, emissions in kg CO₂.
public struct RailConfig: Sendable, Equatable {
  /// Corridors to inland dry ports and border crossings, each with its own trains.
  public var corridors: [RailCorridor]
  /// Share of laden boxes bound to (or coming from) destinations without a rail corridor:
  /// they always use trucks. With the corridors' demand shares it sums to 1.
  public var roadOnlyShare: Double
  /// Mean one-way road km of those road-only boxes (for truck emissions and cost).
  public var roadOnlyKm: Double
  /// The rail container yard at the port.
  public var yard: RailYardConfig
  /// How a box chooses between rail and truck.
  public var choice: RailModeChoice
  /// Emission factors of trains and trucks.
  public var emissions: RailEmissionFactors

  public init(
    corridors: [RailCorridor], roadOnlyShare: Double, roadOnlyKm: Double = 50,
    yard: RailYardConfig = RailYardConfig(), choice: RailModeChoice = RailModeChoice(),
    emissions: RailEmissionFactors = RailEmissionFactors()
  ) {
    self.corridors = corridors
    self.roadOnlyShare = roadOnlyShare
    self.roadOnlyKm = roadOnlyKm
    self.yard = yard
    self.choice = choice
    self.emissions = emissions
  }
}

/// What a corridor leads to.
public enum RailCorridorKind: String, Sendable, Equatable, CaseIterable {
  /// An inland dry port (无水港) in China.
  case dryPort = "dry_port"
  /// A land-bridge border crossing (gauge change, inspection, closures).
  case border
}

/// Whom a departing train at the port takes first from the rail yard.
public enum RailLoadingOrder: String, Sendable, Equatable, CaseIterable {
  /// In the order the boxes entered the rail yard.
  case fifo
  /// Earliest due (the consignee's pick-up time) first.
  case due
}

/// A corridor: block trains on a timetable in both directions, the rail and road distances,
/// and at border crossings the crossing delay and closures.
public struct RailCorridor: Sendable, Equatable {
  public var name: String
  public var kind: RailCorridorKind
  /// Share of the port's laden import and export boxes bound to this corridor's hinterland.
  public var demandShare: Double
  /// Rail km port ⇄ dry port or border crossing (the part of the journey in China).
  public var railKm: Double
  /// Road km of the truck alternative over the same journey.
  public var roadKm: Double
  /// Road km between the dry port (or crossing) and the customer's door.
  public var drayageKm: Double
  /// Departures, the same in both directions (outbound from the port, inbound from the origin).
  public var timetable: RailTimetable
  public var wagons: Int
  public var teuPerWagon: Double
  /// Running time port ⇄ dry port or border, drawn per train.
  public var transit: Distribution
  /// Gauge change and inspection at a border crossing, drawn per train (0 for dry ports).
  public var crossingDelay: Distribution
  /// Time beyond the crossing to the final destination of imports (e.g. Ulaanbaatar,
  /// Moscow): in their door-to-door time, not in the choice (both modes need it). Exports
  /// from beyond the border enter the model at the crossing.
  public var onwardTime: SimTime
  /// Calendar closures of the line or crossing (a train waits until it reopens).
  public var closures: [Range<SimTime>]
  /// Random closures per year (Poisson) and their duration.
  public var randomClosuresPerYear: Double
  public var closureDuration: Distribution
  /// Subsidy per TEU on this corridor, overriding the section's (nil: the section's).
  public var subsidyPerTEU: Double?

  public init(
    name: String, kind: RailCorridorKind = .dryPort, demandShare: Double, railKm: Double, roadKm: Double,
    drayageKm: Double = 30, timetable: RailTimetable, wagons: Int = 50, teuPerWagon: Double = 2,
    transit: Distribution, crossingDelay: Distribution = .constant(0), onwardTime: SimTime = 0,
    closures: [Range<SimTime>] = [], randomClosuresPerYear: Double = 0, closureDuration: Distribution = .constant(24),
    subsidyPerTEU: Double? = nil
  ) {
    self.name = name
    self.kind = kind
    self.demandShare = demandShare
    self.railKm = railKm
    self.roadKm = roadKm
    self.drayageKm = drayageKm
    self.timetable = timetable
    self.wagons = wagons
    self.teuPerWagon = teuPerWagon
    self.transit = transit
    self.crossingDelay = crossingDelay
    self.onwardTime = onwardTime
    self.closures = closures
    self.randomClosuresPerYear = randomClosuresPerYear
    self.closureDuration = closureDuration
    self.subsidyPerTEU = subsidyPerTEU
  }

  /// TEU one train carries at most: wagons × TEU per wagon.
  public var capacityTEU: Double { Double(wagons) * teuPerWagon }
}

/// Departure times repeating every `cycle` hours: departure `k` leaves at
/// `⌊k / n⌋ · cycle + offsets[k mod n]` (n offsets, sorted, within one cycle).
public struct RailTimetable: Sendable, Equatable {
  public var cycle: SimTime
  public var offsets: [SimTime]

  /// Departures at explicit times within a repeating cycle (times are sorted and taken
  /// modulo the cycle).
  public init(cycle: SimTime, offsets: [SimTime]) {
    precondition(cycle > 0 && !offsets.isEmpty, "a timetable needs a positive cycle and at least one departure")
    self.cycle = cycle
    self.offsets = offsets.map { $0 - ($0 / cycle).rounded(.down) * cycle }.sorted()
  }

  /// `n` departures evenly spaced over `cycle`, the first at `first`.
  public static func evenly(_ n: Int, every cycle: SimTime, first: SimTime = 0) -> RailTimetable {
    RailTimetable(cycle: cycle, offsets: (0..<n).map { first + Double($0) * cycle / Double(n) })
  }

  /// Mean time between departures.
  public var headway: SimTime { cycle / Double(offsets.count) }

  /// The time of departure number `k` (k ≥ 0).
  public func departure(_ k: Int) -> SimTime {
    let n = offsets.count
    return Double(k / n) * cycle + offsets[k % n]
  }

  /// The number of the first departure at or after `t` (t ≥ 0).
  /// Beyond 2⁴⁰ cycles (a time no run reaches: the horizon is at most 100 years) it returns
  /// the first departure of cycle 2⁴⁰ without stepping, so a huge or infinite `t` never traps.
  public func firstDeparture(atOrAfter t: SimTime) -> Int {
    let n = offsets.count
    let cycles = (t / cycle).rounded(.down)
    guard cycles < 0x1p40 else { return Int(clamping: 0x1p40, to: 0...(Int.max / n)) * n }
    var k = Int(clamping: cycles, to: 0...(1 << 40)) * n
    while departure(k) < t { k += 1 }
    // Floating point: step back while the previous departure is still not before t.
    while k > 0 && departure(k - 1) >= t { k -= 1 }
    return k
  }
}

/// The rail container yard at the port: room in TEU (imports wait in the port yard while it
/// is full) and handling equipment shared by imports (port yard → rail yard) and exports
/// (train → terminal).
public struct RailYardConfig: Sendable, Equatable {
  public var capacityTEU: Double
  /// Handling units working in parallel (reach stackers, gantry cranes with their transfer trucks).
  public var handlers: Int
  /// Time to move one batch between the terminal and the rail yard, drawn per batch.
  public var handlingTime: Distribution
  public var loadingOrder: RailLoadingOrder

  public init(
    capacityTEU: Double = 5_000, handlers: Int = 10, handlingTime: Distribution = .constant(3),
    loadingOrder: RailLoadingOrder = .fifo
  ) {
    self.capacityTEU = capacityTEU
    self.handlers = handlers
    self.handlingTime = handlingTime
    self.loadingOrder = loadingOrder
  }
}

/// Mode choice by generalised cost per TEU: price − subsidy + value of time × door-to-door
/// time (for rail including the expected wait, half the headway). With a positive `scale` a
/// box takes rail with the logit probability `1 / (1 + exp((GC_rail − GC_truck) / scale))`;
/// with scale 0 it takes rail exactly when rail is cheaper.
public struct RailModeChoice: Sendable, Equatable {
  /// CNY per TEU-hour of door-to-door time.
  public var valueOfTime: Double
  /// Logit scale in CNY (0: deterministic).
  public var scale: Double
  public var subsidyPerTEU: Double
  public var truckSpeedKmh: Double
  /// Truck freight price per truck-km of the laden leg (the return is in the price).
  public var truckCNYPerKm: Double
  public var teuPerTruck: Double
  public var railCNYPerTEUKm: Double
  /// Rail terminal and handling charges per TEU (both ends).
  public var railTerminalCNY: Double

  public init(
    valueOfTime: Double = 20, scale: Double = 300, subsidyPerTEU: Double = 0, truckSpeedKmh: Double = 55,
    truckCNYPerKm: Double = 7, teuPerTruck: Double = 1.66, railCNYPerTEUKm: Double = 1, railTerminalCNY: Double = 800
  ) {
    self.valueOfTime = valueOfTime
    self.scale = scale
    self.subsidyPerTEU = subsidyPerTEU
    self.truckSpeedKmh = truckSpeedKmh
    self.truckCNYPerKm = truckCNYPerKm
    self.teuPerTruck = teuPerTruck
    self.railCNYPerTEUKm = railCNYPerTEUKm
    self.railTerminalCNY = railTerminalCNY
  }
}

/// Emission factors: trains per train-km plus per TEU-km carried (a half-empty train emits
/// more per box than a full one), trucks per laden truck-km and per empty return km.
public struct RailEmissionFactors: Sendable, Equatable {
  public var trainKgPerKm: Double
  public var trainKgPerTEUKm: Double
  public var truckKgPerKm: Double
  public var truckEmptyKgPerKm: Double
  /// Share of truck trips that drive back empty.
  public var emptyReturnShare: Double

  public init(
    trainKgPerKm: Double = 3.8, trainKgPerTEUKm: Double = 0.038, truckKgPerKm: Double = 0.86,
    truckEmptyKgPerKm: Double = 0.6, emptyReturnShare: Double = 1
  ) {
    self.trainKgPerKm = trainKgPerKm
    self.trainKgPerTEUKm = trainKgPerTEUKm
    self.truckKgPerKm = truckKgPerKm
    self.truckEmptyKgPerKm = truckEmptyKgPerKm
    self.emptyReturnShare = emptyReturnShare
  }

  /// kg CO₂ of trucks carrying `teu` TEU over `km` road km (laden leg and empty returns).
  public func truckKg(teu: Double, km: Double, teuPerTruck: Double) -> Double {
    teu / teuPerTruck * km * (truckKgPerKm + emptyReturnShare * truckEmptyKgPerKm)
  }
}
