/// The fixed tables a recycling run derives from its configuration: return sources with
/// their access, pickup jobs, stores and line servers, fleets and vehicles, all as plain
/// arrays indexed by integers.
struct RecyclingPlan {
  /// One Poisson stream of lots per (district, category) with a positive return rate.
  struct Source {
    var district: Int
    var category: Int
    /// Tonnes per hour.
    var rate: Double
    /// Nearest point accepting the category (−1 when none) and the capture probability.
    var point: Int
    var distanceKm: Double
    var capture: Double
  }
  /// A point's collection by one fleet of its centre: the categories that fleet takes there.
  struct Job {
    var point: Int
    var fleet: Int
    var categories: [Int]
  }
  /// A fleet with its centre (fleets of all centres in one list).
  struct Fleet {
    var centre: Int
    var config: CollectionFleet
  }

  let categoryCount: Int
  var sources: [Source] = []
  var jobs: [Job] = []
  var jobsOfPoint: [[Int]]
  var fleets: [Fleet] = []
  var vehicleFleet: [Int] = []
  /// Store (centre × category with a line): its centre, category and line.
  var storeCentre: [Int] = []
  var storeCategory: [Int] = []
  var storeLine: [ProcessingLine] = []
  /// `storeOf[centre * categoryCount + category]`, −1 where the centre has no line.
  var storeOf: [Int]
  var serverStore: [Int] = []

  init(_ config: RecyclingConfig) {
    let nc = config.categories.count
    categoryCount = nc
    jobsOfPoint = Array(repeating: [], count: config.points.count)
    storeOf = Array(repeating: -1, count: config.centres.count * nc)
    for (k, centre) in config.centres.enumerated() {
      for line in centre.lines where storeOf[k * nc + line.category] < 0 {
        storeOf[k * nc + line.category] = storeCentre.count
        storeCentre.append(k)
        storeCategory.append(line.category)
        storeLine.append(line)
        for _ in 0..<line.parallelLines { serverStore.append(storeCentre.count - 1) }
      }
      for f in centre.fleets {
        fleets.append(Fleet(centre: k, config: f))
        for _ in 0..<f.vehicles { vehicleFleet.append(fleets.count - 1) }
      }
    }
    for (p, point) in config.points.enumerated() {
      for (f, fleet) in fleets.enumerated() where fleet.centre == point.centre {
        let carried = point.categories.filter { fleet.config.categories.contains($0) }
        if !carried.isEmpty && fleet.config.vehicles > 0 {
          jobsOfPoint[p].append(jobs.count)
          jobs.append(Job(point: p, fleet: f, categories: carried))
        }
      }
    }
    for (d, district) in config.districts.enumerated() {
      for c in 0..<nc where district.returnRate[c] > 0 {
        let access = RecyclingPlan.access(config, district: d, category: c)
        sources.append(
          Source(
            district: d, category: c, rate: district.returnRate[c], point: access.point,
            distanceKm: access.distanceKm, capture: access.capture))
      }
    }
  }

  /// The nearest point accepting `category` from a district (ties: lowest index), its road
  /// distance and the capture probability of the access model.
  static func access(_ config: RecyclingConfig, district d: Int, category c: Int) -> (point: Int, distanceKm: Double, capture: Double) {
    let district = config.districts[d]
    var best = -1
    var bestKm = Double.infinity
    for (p, point) in config.points.enumerated() where point.categories.contains(c) {
      let km = config.roadKm(
        latitude1: district.latitude, longitude1: district.longitude,
        latitude2: point.latitude, longitude2: point.longitude)
      if km < bestKm {
        best = p
        bestKm = km
      }
    }
    guard best >= 0 else { return (-1, .infinity, 0) }
    let perWeek = 168 / config.points[best].collectionInterval
    let capture = config.access.captureProbability(
      ceiling: config.categories[c].captureCeiling, distanceKm: bestKm, collectionsPerWeek: perWeek)
    return (best, bestKm, capture)
  }
}

extension RecyclingConfig {
  /// The access of every district to the formal system, per category: the nearest point
  /// accepting it (nil when none), its road distance and the capture probability.
  public func accessTable() -> [[(point: String?, distanceKm: Double, capture: Double)]] {
    districts.indices.map { d in
      categories.indices.map { c in
        let a = RecyclingPlan.access(self, district: d, category: c)
        return (a.point >= 0 ? points[a.point].name : nil, a.distanceKm, a.capture)
      }
    }
  }
}
