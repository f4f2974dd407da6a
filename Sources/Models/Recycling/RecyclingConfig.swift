import SimKernel

/// Reverse logistics under extended producer responsibility (EPR): end-of-life returns by
/// product category and district, collection points on the road network, collection
/// vehicles per centre, and sorting/processing centres with storage limits.
/// Masses in tonnes, times in hours, distances in km.
public struct RecyclingConfig: Sendable, Equatable {
  /// The product categories (`weee`, `elv`, `lead_acid`, `packaging`, ...): scenario data.
  public var categories: [RecyclingCategory]
  /// Where returns arise.
  public var districts: [RecyclingDistrict]
  /// Sorting and processing centres with their lines and collection fleets.
  public var centres: [RecyclingCentre]
  /// Collection points, each served by one centre.
  public var points: [CollectionPoint]
  /// How access (distance, collection frequency) sets the formal capture probability.
  public var access: CaptureModel
  /// Road km per great-circle km between two sites.
  public var detourFactor: Double
  /// Vehicle speed over the day on every recycling road link.
  public var speedStartHours: [Double]
  public var speedKmPerHour: [Double]

  public init(
    categories: [RecyclingCategory], districts: [RecyclingDistrict], centres: [RecyclingCentre],
    points: [CollectionPoint], access: CaptureModel, detourFactor: Double = 1.3,
    speedStartHours: [Double] = [0], speedKmPerHour: [Double] = [40]
  ) {
    self.categories = categories
    self.districts = districts
    self.centres = centres
    self.points = points
    self.access = access
    self.detourFactor = detourFactor
    self.speedStartHours = speedStartHours
    self.speedKmPerHour = speedKmPerHour
  }

  /// Road distance in km between two sites given in degrees: great-circle × detour factor.
  public func roadKm(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
    GreatCircle.distanceKm(latitude1: latitude1, longitude1: longitude1, latitude2: latitude2, longitude2: longitude2)
      * detourFactor
  }
}

/// A product category under EPR with its collection target, lot sizes and recovery yields.
public struct RecyclingCategory: Sendable, Equatable {
  public var name: String
  /// The EPR collection-rate target (a KPI reference, not a control).
  public var eprTarget: Double
  /// The capture probability with perfect access (a point at the door, collected very often).
  public var captureCeiling: Double
  /// Mass of one returned lot in tonnes, drawn when the lot is created.
  public var lotMass: Distribution
  /// Recovered material fractions (name, mass yield per tonne processed); the rest is residue.
  public var fractions: [RecoveryFraction]

  public init(name: String, eprTarget: Double, captureCeiling: Double, lotMass: Distribution, fractions: [RecoveryFraction]) {
    self.name = name
    self.eprTarget = eprTarget
    self.captureCeiling = captureCeiling
    self.lotMass = lotMass
    self.fractions = fractions
  }

  /// The residue share per tonne processed: `1 − Σ yields`.
  public var residueShare: Double { Swift.max(0, 1 - fractions.reduce(0) { $0 + $1.yield }) }
}

/// One recovered material of a category, e.g. lead at 0.63 t per t of spent batteries.
public struct RecoveryFraction: Sendable, Equatable {
  public var name: String
  public var yield: Double
  public init(name: String, yield: Double) {
    self.name = name
    self.yield = yield
  }
}

/// A district where products reach end of life, located by its centroid.
public struct RecyclingDistrict: Sendable, Equatable {
  public var name: String
  public var latitude: Double
  public var longitude: Double
  /// End-of-life returns in tonnes per hour, by category index (0 where none).
  public var returnRate: [Double]
  public init(name: String, latitude: Double, longitude: Double, returnRate: [Double]) {
    self.name = name
    self.latitude = latitude
    self.longitude = longitude
    self.returnRate = returnRate
  }
}

/// A sorting/processing centre: one processing line group and one store per category it
/// accepts, and the collection fleets based there.
public struct RecyclingCentre: Sendable, Equatable {
  public var name: String
  public var latitude: Double
  public var longitude: Double
  public var lines: [ProcessingLine]
  public var fleets: [CollectionFleet]
  public init(name: String, latitude: Double, longitude: Double, lines: [ProcessingLine], fleets: [CollectionFleet]) {
    self.name = name
    self.latitude = latitude
    self.longitude = longitude
    self.lines = lines
    self.fleets = fleets
  }

  /// The line for a category index, if the centre has one.
  public func line(for category: Int) -> ProcessingLine? { lines.first { $0.category == category } }
}

/// The processing of one category at a centre: parallel lines fed from the category's store.
public struct ProcessingLine: Sendable, Equatable {
  /// Category index.
  public var category: Int
  /// Identical lines working in parallel.
  public var parallelLines: Int
  /// Tonnes per hour of one line.
  public var capacity: Double
  /// Largest amount (t) a line takes from the store at once.
  public var batch: Double
  /// Hazardous-waste permit: tonnes on site (stored + in process) never exceed it; `nil` = none.
  public var permitCap: Double?
  /// Planning threshold (t on site); exceedances are counted, nothing is stopped. `nil` = none.
  public var planningThreshold: Double?
  /// CNY per tonne processed.
  public var costPerTonne: Double
  /// Daily shift: lines start batches only from `shiftStart` (hours after midnight) for
  /// `workingHours` hours; a batch started in the shift is finished. 24 h = always.
  public var shiftStart: Double
  public var workingHours: Double

  public init(
    category: Int, parallelLines: Int = 1, capacity: Double, batch: Double = 1, permitCap: Double? = nil,
    planningThreshold: Double? = nil, costPerTonne: Double = 0, shiftStart: Double = 0, workingHours: Double = 24
  ) {
    self.category = category
    self.parallelLines = parallelLines
    self.capacity = capacity
    self.batch = batch
    self.permitCap = permitCap
    self.planningThreshold = planningThreshold
    self.costPerTonne = costPerTonne
    self.shiftStart = shiftStart
    self.workingHours = workingHours
  }

  /// Whether the lines may start a batch at simulation time `t` (time 0 is midnight).
  public func isWorking(at t: Double) -> Bool {
    guard workingHours < 24 else { return true }
    let hour = t - (t / 24).rounded(.down) * 24
    let since = hour - shiftStart
    let offset = since < 0 ? since + 24 : since
    return offset < workingHours
  }

  /// Tonnes per hour over a whole day (all lines, shift included).
  public var dailyAverageCapacity: Double { Double(parallelLines) * capacity * Swift.min(24, workingHours) / 24 }
}

/// Collection vehicles of one kind based at a centre. With one category the fleet is
/// dedicated; with several it carries mixed loads by an explicit rule: at a point it loads
/// the categories it carries in the order of ``RecyclingConfig/categories``, each as much as
/// the vehicle's remaining capacity and the centre's permit room allow.
public struct CollectionFleet: Sendable, Equatable {
  public var name: String
  public var vehicles: Int
  /// Tonnes per vehicle.
  public var capacity: Double
  /// Category indices it carries.
  public var categories: [Int]
  /// kg CO₂ per vehicle-km (laden or empty).
  public var co2PerKm: Double
  /// CNY per vehicle-km.
  public var costPerKm: Double
  /// Time at a point to load, in hours.
  public var loadingTime: Double

  public init(
    name: String, vehicles: Int, capacity: Double, categories: [Int], co2PerKm: Double = 0,
    costPerKm: Double = 0, loadingTime: Double = 1.0 / 3
  ) {
    self.name = name
    self.vehicles = vehicles
    self.capacity = capacity
    self.categories = categories
    self.co2PerKm = co2PerKm
    self.costPerKm = costPerKm
    self.loadingTime = loadingTime
  }
}

/// What kind of place a collection point is.
public enum CollectionPointKind: String, Sendable, Equatable, CaseIterable {
  /// A retailer taking back old products when selling new ones (以旧换新).
  case retailTakeBack = "retail_take_back"
  /// A dealer or repair shop (vehicles, batteries).
  case dealer
  /// A community recycling point (社区回收点).
  case community
}

/// A collection point: accepts some categories, holds their stock until a vehicle of its
/// centre collects it on schedule or when the stock reaches the pickup threshold.
public struct CollectionPoint: Sendable, Equatable {
  public var name: String
  public var kind: CollectionPointKind
  public var latitude: Double
  public var longitude: Double
  /// Category indices accepted.
  public var categories: [Int]
  /// Index of the centre that serves it.
  public var centre: Int
  /// Hours between scheduled collections (also the access model's frequency).
  public var collectionInterval: Double
  /// Stock (t, per fleet's categories) that calls a vehicle before the schedule; `nil` = schedule only.
  public var pickupThreshold: Double?
  /// Tonnes the point can hold; a formal return that does not fit leaks. `nil` = unlimited.
  public var capacity: Double?

  public init(
    name: String, kind: CollectionPointKind, latitude: Double, longitude: Double, categories: [Int], centre: Int,
    collectionInterval: Double, pickupThreshold: Double? = nil, capacity: Double? = nil
  ) {
    self.name = name
    self.kind = kind
    self.latitude = latitude
    self.longitude = longitude
    self.categories = categories
    self.centre = centre
    self.collectionInterval = collectionInterval
    self.pickupThreshold = pickupThreshold
    self.capacity = capacity
  }
}
