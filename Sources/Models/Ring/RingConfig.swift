import SimKernel

/// The one-hour fresh-produce supply ring around the capital (环首都1小时鲜活农产品流通圈):
/// production bases and imported reefer containers supply cold-storage / wholesale hubs,
/// Beijing destinations order from the hubs, and every lot's quality decays with the
/// temperature it experiences (cold chain, 冷链); tagged lots record a trace (追溯).
/// Masses in tonnes, times in hours, temperatures in °C, distances in km.
public struct RingConfig: Sendable, Equatable {
  /// Produce categories (leafy vegetables, fruit, meat, aquatic, dairy): scenario data.
  public var categories: [RingCategory]
  /// Q10 per temperature band above 0 °C, ascending (the decay model of ``QualityModel``).
  public var bands: [TemperatureBand]
  /// Outdoor temperature over the year and the day.
  public var ambient: AmbientProfile
  /// Roads between the ring's sites (and junctions), with time-of-day speeds.
  public var roads: RoadDescription
  public var bases: [RingBase]
  public var hubs: [RingHub]
  public var destinations: [RingDestination]
  public var fleets: [RingFleet]
  /// Imported food in reefer containers trucked from the port to a hub (port → ring), or nil.
  public var portSupply: PortFoodSupply?
  /// Which hub stock an order takes first (and which base lots, when bases ship direct).
  public var dispatchPolicy: DispatchPolicy
  /// Whether a base ships direct to a destination what the hubs cannot supply.
  public var baseDispatch: BaseDispatch
  /// Probability that one step of a tagged lot's trace is not recorded (a lost record).
  public var recordLoss: Double
  /// The ring's delivery target: an order delivered within this time of being placed (h).
  public var targetLeadTime: Double
  /// Longest a lot stays in a hub's stock before it is sold on to other channels (h), or nil
  /// for no limit (surplus then piles up whenever supply exceeds demand and nothing spoils).
  public var hubMaxDwell: Double?
  /// Keep every tagged lot's steps for `--trace ring` (set by the caller, not the scenario).
  public var recordTraces: Bool

  public init(
    categories: [RingCategory], bands: [TemperatureBand], ambient: AmbientProfile, roads: RoadDescription,
    bases: [RingBase], hubs: [RingHub], destinations: [RingDestination], fleets: [RingFleet],
    portSupply: PortFoodSupply? = nil, dispatchPolicy: DispatchPolicy = .fefo,
    baseDispatch: BaseDispatch = .shortfall, recordLoss: Double = 0,
    targetLeadTime: Double = 1, hubMaxDwell: Double? = nil, recordTraces: Bool = false
  ) {
    self.categories = categories
    self.bands = bands
    self.ambient = ambient
    self.roads = roads
    self.bases = bases
    self.hubs = hubs
    self.destinations = destinations
    self.fleets = fleets
    self.portSupply = portSupply
    self.dispatchPolicy = dispatchPolicy
    self.baseDispatch = baseDispatch
    self.recordLoss = recordLoss
    self.targetLeadTime = targetLeadTime
    self.hubMaxDwell = hubMaxDwell
    self.recordTraces = recordTraces
  }

  /// The decay model of category `c`.
  public func quality(_ c: Int) -> QualityModel {
    QualityModel(category: categories[c], bands: bands)
  }
}

/// Which lot of a hub's stock goes out first.
public enum DispatchPolicy: String, Sendable, Equatable, CaseIterable {
  /// First in, first out: the lot that reached the hub first.
  case fifo
  /// First expiry, first out: the lot nearest its spoilage threshold.
  case fefo
}

/// Whether orders the hubs cannot fill are met by dispatch from production bases.
public enum BaseDispatch: String, Sendable, Equatable, CaseIterable {
  /// Orders are met from hub stock only; the rest is unmet demand.
  case never
  /// What the hubs cannot supply is taken from the bases' waiting lots (nearest base first)
  /// and trucked direct to the destination by the base's trucks.
  case shortfall
}

/// A produce category: its shelf life, spoilage threshold, cold-chain set point, lot and
/// order sizes.
public struct RingCategory: Sendable, Equatable {
  public var name: String
  /// Hours from `initialQuality` to `threshold` at 0 °C (the reference shelf life).
  public var shelfLife: Double
  /// Quality of a fresh lot (1 = perfect).
  public var initialQuality: Double
  /// Quality below which a lot is spoiled (loss by weight).
  public var threshold: Double
  /// Set point of a reefer or cold room for this category (°C).
  public var coldTemperature: Double
  /// Mass of one harvested lot (t), drawn when it is created.
  public var lotMass: Distribution
  /// Size of one order (t), drawn when it is placed.
  public var orderSize: Distribution
  /// Share of the category's harvested lots kept in a hub's cold room; the rest wait on the
  /// market floor at the outdoor temperature (drawn per lot at harvest; imports are cold).
  public var coldStorageShare: Double
  /// Longest a lot outside the cold room stays in a hub's stock before it is sold on (h), or
  /// nil for the ring's `hub_max_dwell` (e.g. same-day "hot" meat).
  public var outdoorMaxDwell: Double?

  public init(
    name: String, shelfLife: Double, initialQuality: Double = 1, threshold: Double, coldTemperature: Double,
    lotMass: Distribution, orderSize: Distribution, coldStorageShare: Double = 1, outdoorMaxDwell: Double? = nil
  ) {
    self.name = name
    self.shelfLife = shelfLife
    self.initialQuality = initialQuality
    self.threshold = threshold
    self.coldTemperature = coldTemperature
    self.lotMass = lotMass
    self.orderSize = orderSize
    self.coldStorageShare = coldStorageShare
    self.outdoorMaxDwell = outdoorMaxDwell
  }
}

/// Q10 of the decay rate between the previous band's upper limit (0 °C for the first) and
/// `upper`; the last band also applies above its limit, the first below 0 °C.
public struct TemperatureBand: Sendable, Equatable {
  public var upper: Double
  public var q10: Double
  public init(upper: Double, q10: Double) {
    self.upper = upper
    self.q10 = q10
  }
}

/// A production base (a Tianjin district or a Hebei base): daily harvest by category within
/// a daily window, tracing and precooling, and the hub it ships to.
public struct RingBase: Sendable, Equatable {
  public var name: String
  public var latitude: Double
  public var longitude: Double
  /// Hub index it ships to.
  public var hub: Int
  /// Tonnes per hour harvested while the window is open, by category index.
  public var harvestRate: [Double]
  /// The daily harvest window: start (hour of day) and length (h).
  public var harvestStart: Double
  public var harvestHours: Double
  /// Probability that a lot is tagged for tracing at origin (the tracing-coverage lever).
  public var tracingCoverage: Double
  /// Share of lots precooled before shipping, and how long precooling takes (h).
  public var precoolingShare: Double
  public var precoolTime: Double
  /// A truck leaves when its load reaches this share of capacity, or when the oldest lot has waited `maxHold` h.
  public var dispatchLoad: Double
  public var maxHold: Double

  public init(
    name: String, latitude: Double, longitude: Double, hub: Int, harvestRate: [Double], harvestStart: Double = 4,
    harvestHours: Double = 12, tracingCoverage: Double = 0, precoolingShare: Double = 0, precoolTime: Double = 2,
    dispatchLoad: Double = 0.8, maxHold: Double = 3
  ) {
    self.name = name
    self.latitude = latitude
    self.longitude = longitude
    self.hub = hub
    self.harvestRate = harvestRate
    self.harvestStart = harvestStart
    self.harvestHours = harvestHours
    self.tracingCoverage = tracingCoverage
    self.precoolingShare = precoolingShare
    self.precoolTime = precoolTime
    self.dispatchLoad = dispatchLoad
    self.maxHold = maxHold
  }
}

/// A consolidation / cold-storage / wholesale hub with its storage temperature.
public struct RingHub: Sendable, Equatable {
  public var name: String
  public var latitude: Double
  public var longitude: Double
  /// Cold-room temperature (°C); `nil` = lots keep their category's set point.
  public var storageTemperature: Double?
  public init(name: String, latitude: Double, longitude: Double, storageTemperature: Double? = nil) {
    self.name = name
    self.latitude = latitude
    self.longitude = longitude
    self.storageTemperature = storageTemperature
  }
}

/// A Beijing destination (wholesale market, distribution centre) that orders from the hubs.
public struct RingDestination: Sendable, Equatable {
  public var name: String
  public var latitude: Double
  public var longitude: Double
  /// Mean tonnes per day ordered, by category index.
  public var dailyDemand: [Double]
  /// Relative order intensity in each hour of the day (24 weights), or one weight (flat).
  public var hourlyPattern: [Double]
  public init(name: String, latitude: Double, longitude: Double, dailyDemand: [Double], hourlyPattern: [Double] = [1]) {
    self.name = name
    self.latitude = latitude
    self.longitude = longitude
    self.dailyDemand = dailyDemand
    self.hourlyPattern = hourlyPattern
  }

  /// Order rate multiplier at an hour of the day (mean 1 over the day).
  public func intensity(atHour hour: Double) -> Double {
    guard hourlyPattern.count == 24 else { return 1 }
    let total = hourlyPattern.reduce(0, +)
    guard total > 0 else { return 1 }
    let i = Int(clamping: hour, to: 0...23)
    return hourlyPattern[i] * 24 / total
  }
}

/// Refrigerated or ambient trucks.
public enum VehicleKind: String, Sendable, Equatable, CaseIterable {
  case reefer, ambient
}

/// Trucks of one kind based at a base (trunk haul to its hub) or at a hub (delivery).
public struct RingFleet: Sendable, Equatable {
  public var name: String
  public var kind: VehicleKind
  /// Home site: a base index or a hub index, as `homeIsHub` says.
  public var home: Int
  public var homeIsHub: Bool
  public var vehicles: Int
  /// Tonnes per truck.
  public var capacity: Double
  public var loadingTime: Double
  public var unloadingTime: Double
  /// Probability that a reefer unit fails on a laden trip (an excursion to ambient).
  public var failureProbability: Double
  /// How long an excursion lasts (h), drawn when it happens.
  public var excursionDuration: Distribution
  /// Truck speed ÷ the link's speed (1 = as the profile says).
  public var speedFactor: Double
  /// Whether the trucks hold a permit (绿色通行证) to enter Beijing outside the truck windows.
  public var entryPermit: Bool
  public var co2PerKm: Double
  public var costPerKm: Double

  public init(
    name: String, kind: VehicleKind, home: Int, homeIsHub: Bool, vehicles: Int, capacity: Double,
    loadingTime: Double = 0.5, unloadingTime: Double = 0.5, failureProbability: Double = 0,
    excursionDuration: Distribution = .constant(1), speedFactor: Double = 1, entryPermit: Bool = false,
    co2PerKm: Double = 0, costPerKm: Double = 0
  ) {
    self.name = name
    self.kind = kind
    self.home = home
    self.homeIsHub = homeIsHub
    self.vehicles = vehicles
    self.capacity = capacity
    self.loadingTime = loadingTime
    self.unloadingTime = unloadingTime
    self.failureProbability = failureProbability
    self.excursionDuration = excursionDuration
    self.speedFactor = speedFactor
    self.entryPermit = entryPermit
    self.co2PerKm = co2PerKm
    self.costPerKm = costPerKm
  }
}

/// Imported food arriving in reefer containers: a share of the laden import TEU leaving the
/// port by road is food, trucked by reefer drayage from the port to one hub.
public struct PortFoodSupply: Sendable, Equatable {
  /// Road node of the port gate (a site name in the road description).
  public var node: String
  public var latitude: Double
  public var longitude: Double
  /// Share of laden import TEU leaving by road that are reefers of food for the ring.
  public var reeferShare: Double
  public var tonnesPerTEU: Double
  /// Hub index receiving them.
  public var hub: Int
  /// Share of the food tonnes by category index (sums to 1).
  public var categoryShares: [Double]
  public var tracingCoverage: Double
  public var co2PerKm: Double
  public var costPerKm: Double

  public init(
    node: String = "Tianjin Port", latitude: Double, longitude: Double, reeferShare: Double, tonnesPerTEU: Double,
    hub: Int, categoryShares: [Double], tracingCoverage: Double = 1, co2PerKm: Double = 0, costPerKm: Double = 0
  ) {
    self.node = node
    self.latitude = latitude
    self.longitude = longitude
    self.reeferShare = reeferShare
    self.tonnesPerTEU = tonnesPerTEU
    self.hub = hub
    self.categoryShares = categoryShares
    self.tracingCoverage = tracingCoverage
    self.co2PerKm = co2PerKm
    self.costPerKm = costPerKm
  }
}
