/// Where a road node is: geographic (degrees) or planar (km on a local grid).
public enum NodeLocation: Sendable, Equatable, Hashable {
  /// Latitude and longitude in degrees (WGS84).
  case geographic(latitude: Double, longitude: Double)
  /// Kilometres east and north on a local grid.
  case planar(xKm: Double, yKm: Double)

  /// The straight-line distance in km to `other`: great-circle (haversine) between two
  /// geographic locations, Euclidean between two planar ones, `nil` for a mixed pair.
  public func distanceKm(to other: NodeLocation) -> Double? {
    switch (self, other) {
    case let (.geographic(la1, lo1), .geographic(la2, lo2)):
      return GreatCircle.distanceKm(latitude1: la1, longitude1: lo1, latitude2: la2, longitude2: lo2)
    case let (.planar(x1, y1), .planar(x2, y2)):
      let dx = x2 - x1
      let dy = y2 - y1
      return (dx * dx + dy * dy).squareRoot()
    default:
      return nil
    }
  }
}

/// A road node: a depot, hub, production base, collection point or junction.
public struct RoadNode: Sendable, Equatable, Hashable {
  /// A unique name.
  public let name: String
  /// Where it is, if known.
  public let location: NodeLocation?
}

/// A directed road link.
public struct RoadLink: Sendable, Equatable, Hashable {
  /// The node it leaves.
  public let from: Int
  /// The node it enters.
  public let to: Int
  /// Its length in km.
  public let distanceKm: Double
  /// Its speed profile, an index into ``RoadNetwork/profiles``.
  public let profile: Int
}

/// A directed road network with time-of-day speeds, shared by the fresh-produce ring and
/// recycling collection.
///
/// Nodes, links and speed profiles live in arrays and are addressed by `Int` index, in the
/// order they were added; every query is deterministic (ties broken by index). Times are
/// simulation times in hours; ``clockOffset`` says what hour of the day simulation time 0 is,
/// so a link's speed at simulation time `t` is its profile's speed at clock `t + clockOffset`.
public struct RoadNetwork: Sendable {
  /// The hour of the day at simulation time 0 (0 = the run starts at midnight).
  public let clockOffset: SimTime
  /// The nodes, by index.
  public private(set) var nodes: [RoadNode] = []
  /// The links, by index.
  public private(set) var links: [RoadLink] = []
  /// The speed profiles, by index (links share them).
  public private(set) var profiles: [SpeedProfile] = []
  /// Outgoing link indices per node, in the order the links were added.
  var outgoing: [[Int]] = []
  /// Name lookup only; never iterated, so hashing order cannot reach any result.
  private var indexByName: [String: Int] = [:]

  /// An empty network.
  /// - Parameter clockOffset: the hour of the day at simulation time 0.
  public init(clockOffset: SimTime = 0) {
    self.clockOffset = clockOffset
  }

  /// Adds a node and returns its index.
  /// - Throws: ``RoadNetworkError/duplicateNode(_:)`` for a name already used,
  ///   ``RoadNetworkError/invalidLocation(node:reason:)`` for an impossible coordinate.
  @discardableResult
  public mutating func addNode(_ name: String, location: NodeLocation? = nil) throws(RoadNetworkError) -> Int {
    guard indexByName[name] == nil else { throw .duplicateNode(name) }
    switch location {
    case let .geographic(lat, lon)?:
      guard lat.isFinite, lon.isFinite, abs(lat) <= 90, abs(lon) <= 180 else {
        throw .invalidLocation(node: name, reason: "latitude must be within ±90° and longitude within ±180°, got \(lat), \(lon)")
      }
    case let .planar(x, y)?:
      guard x.isFinite, y.isFinite else {
        throw .invalidLocation(node: name, reason: "coordinates must be finite km, got \(x), \(y)")
      }
    case nil:
      break
    }
    let index = nodes.count
    nodes.append(RoadNode(name: name, location: location))
    outgoing.append([])
    indexByName[name] = index
    return index
  }

  /// Adds a speed profile and returns its index.
  @discardableResult
  public mutating func addProfile(_ profile: SpeedProfile) -> Int {
    profiles.append(profile)
    return profiles.count - 1
  }

  /// Adds a directed link and returns its index.
  /// - Throws: ``RoadNetworkError/unknownNode(_:)``, ``RoadNetworkError/unknownProfile(_:)``,
  ///   or ``RoadNetworkError/invalidDistance(from:to:km:)``.
  @discardableResult
  public mutating func addLink(from: Int, to: Int, distanceKm: Double, profile: Int) throws(RoadNetworkError) -> Int {
    guard nodes.indices.contains(from) else { throw .unknownNode(from) }
    guard nodes.indices.contains(to) else { throw .unknownNode(to) }
    guard profiles.indices.contains(profile) else { throw .unknownProfile(profile) }
    guard distanceKm >= 0, distanceKm.isFinite else {
      throw .invalidDistance(from: nodes[from].name, to: nodes[to].name, km: distanceKm)
    }
    let index = links.count
    links.append(RoadLink(from: from, to: to, distanceKm: distanceKm, profile: profile))
    outgoing[from].append(index)
    return index
  }

  /// The index of the node with this name, if any.
  public func node(named name: String) -> Int? { indexByName[name] }

  /// The links leaving `node`, in the order they were added.
  public func outgoingLinks(of node: Int) -> [Int] { outgoing[node] }

  /// The straight-line distance in km between two nodes' locations (great-circle for
  /// geographic ones), or `nil` when either has no location or they are of different kinds.
  public func straightLineDistanceKm(from a: Int, to b: Int) -> Double? {
    guard let la = nodes[a].location, let lb = nodes[b].location else { return nil }
    return la.distanceKm(to: lb)
  }
}
