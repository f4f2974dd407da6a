import SimKernel

/// The ring's roads on the kernel ``RoadNetwork``: node `i` is site `i` in the order hubs,
/// bases, destinations, the port (then junctions). Routes between sites are the fastest
/// paths at 03:00 (off-peak), found once per pair; trucks then drive them link by link.
///
/// No overtaking: each link remembers when its last truck left it, and a truck never leaves
/// a link before the truck that entered it earlier (a slower truck ahead holds it back).
/// Trucks without a permit wait at the entrance of a link with a truck-entry window until it
/// opens; waiting at the entrance also keeps the order of arrival.
struct RingNetwork {
  let roads: RoadNetwork
  let windows: [EntryWindow?]
  let hubNode: [Int]
  let baseNode: [Int]
  let destinationNode: [Int]
  let portNode: Int
  /// When the last truck left each link.
  var lastExit: [SimTime]
  private var routeOf: [Int32]
  private(set) var routes: [[Int]] = []
  private(set) var routeKm: [Double] = []

  /// The hour routes are chosen at (off-peak).
  static let routingHour = 3.0

  init(_ config: RingConfig) throws(RoadNetworkError) {
    var sites = config.hubs.map { RoadSite(name: $0.name, latitude: $0.latitude, longitude: $0.longitude) }
    sites += config.bases.map { RoadSite(name: $0.name, latitude: $0.latitude, longitude: $0.longitude) }
    sites += config.destinations.map { RoadSite(name: $0.name, latitude: $0.latitude, longitude: $0.longitude) }
    if let p = config.portSupply { sites.append(RoadSite(name: p.node, latitude: p.latitude, longitude: p.longitude)) }
    let built = try config.roads.build(sites: sites)
    roads = built.network
    windows = built.windows
    let h = config.hubs.count, b = config.bases.count, d = config.destinations.count
    hubNode = Array(0..<h)
    baseNode = Array(h..<(h + b))
    destinationNode = Array((h + b)..<(h + b + d))
    portNode = config.portSupply == nil ? -1 : h + b + d
    lastExit = Array(repeating: -.infinity, count: roads.links.count)
    routeOf = Array(repeating: -1, count: roads.nodes.count * roads.nodes.count)
  }

  /// The route index from node `a` to `b`, found on first use; nil if `b` cannot be reached.
  mutating func route(from a: Int, to b: Int) -> Int? {
    let key = a * roads.nodes.count + b
    if routeOf[key] >= 0 { return Int(routeOf[key]) }
    guard let r = roads.shortestPath(from: a, to: b, departure: Self.routingHour) else { return nil }
    routes.append(r.links)
    routeKm.append(r.distanceKm)
    routeOf[key] = Int32(routes.count - 1)
    return routes.count - 1
  }

  /// Off-peak travel time (h) from `a` to `b` for a truck at profile speed, `+∞` if unreachable.
  func offPeakHours(from a: Int, to b: Int) -> Double {
    guard let r = roads.shortestPath(from: a, to: b, departure: Self.routingHour) else { return .infinity }
    return r.travelTime
  }

  /// A truck enters `link` at `t`: the time it leaves the link (entry window, speed factor, no overtaking).
  mutating func traverse(link: Int, entering t: SimTime, speedFactor: Double, permit: Bool) -> SimTime {
    var start = t
    if !permit, let w = windows[link] { start = w.nextOpen(atOrAfter: t) }
    let free = roads.arrivalTime(link: link, departure: start)
    let exit = Swift.max(start + (free - start) / speedFactor, lastExit[link])
    lastExit[link] = exit
    return exit
  }

  /// Names of site pairs that the network does not connect, as "A → B".
  static func unreachable(_ config: RingConfig) -> [String] {
    guard var net = try? RingNetwork(config) else { return [] }
    var out: [String] = []
    func need(_ a: Int, _ b: Int) {
      if net.route(from: a, to: b) == nil { out.append("\(net.roads.nodes[a].name) → \(net.roads.nodes[b].name)") }
      if net.route(from: b, to: a) == nil { out.append("\(net.roads.nodes[b].name) → \(net.roads.nodes[a].name)") }
    }
    for (i, base) in config.bases.enumerated() { need(net.baseNode[i], net.hubNode[base.hub]) }
    for h in net.hubNode { for d in net.destinationNode { need(h, d) } }
    if let p = config.portSupply { need(net.portNode, net.hubNode[p.hub]) }
    return out
  }
}
