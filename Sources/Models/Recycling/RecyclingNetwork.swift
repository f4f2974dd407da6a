import SimKernel

/// The recycling road network: one node per centre and per collection point, a link both
/// ways between every pair of sites with length great-circle × detour factor, all on one
/// time-of-day speed profile. (A shared city network can replace it without changing the
/// model: vehicles only ask for shortest paths between site nodes.)
struct RecyclingNetwork {
  var roads: RoadNetwork
  /// Node of each centre and of each point.
  let centreNode: [Int]
  let pointNode: [Int]

  init(_ config: RecyclingConfig) {
    var roads = RoadNetwork()
    var sites: [(name: String, lat: Double, lon: Double)] = []
    for k in config.centres { sites.append(("centre:" + k.name, k.latitude, k.longitude)) }
    for p in config.points { sites.append(("point:" + p.name, p.latitude, p.longitude)) }
    do {
      let profile = roads.addProfile(try SpeedProfile(startHours: config.speedStartHours, speeds: config.speedKmPerHour))
      for s in sites { try roads.addNode(s.name, location: .geographic(latitude: s.lat, longitude: s.lon)) }
      for a in sites.indices {
        for b in sites.indices where a != b {
          let km = config.roadKm(latitude1: sites[a].lat, longitude1: sites[a].lon, latitude2: sites[b].lat, longitude2: sites[b].lon)
          try roads.addLink(from: a, to: b, distanceKm: km, profile: profile)
        }
      }
    } catch {
      // The config reader has checked names, coordinates and the profile.
      preconditionFailure("recycling road network: \(error)")
    }
    self.roads = roads
    paths = Array(repeating: nil, count: sites.count * sites.count)
    pathKm = Array(repeating: 0, count: sites.count * sites.count)
    centreNode = Array(0..<config.centres.count)
    pointNode = Array(config.centres.count..<(config.centres.count + config.points.count))
  }

  /// Links of the shortest path per (origin, destination), found once. Exact here: every
  /// link shares one speed profile and lengths obey the triangle inequality, so the fastest
  /// path between two sites is the same at every departure time.
  private var paths: [[Int]?]
  private var pathKm: [Double]

  /// The arrival time and road km of a trip between two nodes leaving at `departure`
  /// (the network's earliest-arrival shortest path).
  mutating func trip(from a: Int, to b: Int, departure: SimTime) -> (arrival: SimTime, km: Double) {
    let key = a * roads.nodes.count + b
    if paths[key] == nil {
      guard let r = roads.shortestPath(from: a, to: b, departure: departure) else {
        preconditionFailure("recycling road network: no route between nodes \(a) and \(b)")
      }
      paths[key] = r.links
      pathKm[key] = r.distanceKm
    }
    return (roads.arrivalTime(following: paths[key] ?? [], departure: departure), pathKm[key])
  }
}
