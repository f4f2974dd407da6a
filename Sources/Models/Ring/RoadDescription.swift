import SimKernel

/// A road network as a scenario describes it, by site names: named speed profiles, junctions
/// and links, each link with a profile and optionally a truck-entry window. Independent of
/// the ring's domain, so other road users (recycling collection) can build on the same
/// description: ``build(sites:)`` adds their sites as nodes and links them by name.
public struct RoadDescription: Sendable, Equatable {
  /// Road km per great-circle km, for links without a stated length.
  public var detourFactor: Double
  public var profiles: [NamedSpeedProfile]
  /// Nodes that are not sites: interchanges, ring-road entries.
  public var junctions: [RoadSite]
  public var links: [RoadLinkSpec]

  public init(detourFactor: Double = 1.3, profiles: [NamedSpeedProfile], junctions: [RoadSite] = [], links: [RoadLinkSpec]) {
    self.detourFactor = detourFactor
    self.profiles = profiles
    self.junctions = junctions
    self.links = links
  }

  /// The kernel network: `sites` first (in order, so site `i` is node `i`), then the
  /// junctions; one directed link per spec and direction. Also returns, per kernel link,
  /// its truck-entry window (nil = open all day).
  /// - Throws: ``RoadNetworkError`` for an unknown node name (as `unknownNode(-1)` is not
  ///   helpful, the scenario reader checks names first), a duplicate name or a bad profile.
  public func build(sites: [RoadSite]) throws(RoadNetworkError) -> (network: RoadNetwork, windows: [EntryWindow?]) {
    var roads = RoadNetwork()
    var profileIndex: [Int] = []
    for p in profiles { profileIndex.append(roads.addProfile(try SpeedProfile(startHours: p.startHours, speeds: p.speeds))) }
    let all = sites + junctions
    for s in all { try roads.addNode(s.name, location: .geographic(latitude: s.latitude, longitude: s.longitude)) }
    var windows: [EntryWindow?] = []
    for l in links {
      guard let a = roads.node(named: l.from) else { throw .invalidLocation(node: l.from, reason: "no site or junction of this name") }
      guard let b = roads.node(named: l.to) else { throw .invalidLocation(node: l.to, reason: "no site or junction of this name") }
      let km = l.km ?? (roads.straightLineDistanceKm(from: a, to: b) ?? 0) * detourFactor
      try roads.addLink(from: a, to: b, distanceKm: km, profile: profileIndex[l.profile])
      windows.append(l.entryWindow)
      if l.twoWay {
        try roads.addLink(from: b, to: a, distanceKm: km, profile: profileIndex[l.profile])
        // The window restricts entry into the city: it applies to the forward direction only.
        windows.append(nil)
      }
    }
    return (roads, windows)
  }
}

/// A named speed profile: km/h in intervals of the day.
public struct NamedSpeedProfile: Sendable, Equatable {
  public var name: String
  public var startHours: [Double]
  public var speeds: [Double]
  public init(name: String, startHours: [Double], speeds: [Double]) {
    self.name = name
    self.startHours = startHours
    self.speeds = speeds
  }
}

/// A located road node.
public struct RoadSite: Sendable, Equatable {
  public var name: String
  public var latitude: Double
  public var longitude: Double
  public init(name: String, latitude: Double, longitude: Double) {
    self.name = name
    self.latitude = latitude
    self.longitude = longitude
  }
}

/// A road link between two named nodes.
public struct RoadLinkSpec: Sendable, Equatable {
  public var from: String
  public var to: String
  /// Length in km; nil = great-circle × detour factor.
  public var km: Double?
  /// Index into ``RoadDescription/profiles``.
  public var profile: Int
  /// Hours of the day trucks without a permit may enter the link (from → to direction).
  public var entryWindow: EntryWindow?
  /// Also add the link to → from (without the window).
  public var twoWay: Bool
  public init(from: String, to: String, km: Double? = nil, profile: Int = 0, entryWindow: EntryWindow? = nil, twoWay: Bool = true) {
    self.from = from
    self.to = to
    self.km = km
    self.profile = profile
    self.entryWindow = entryWindow
    self.twoWay = twoWay
  }
}

/// A daily window `[start, end)` in hours of the day; it wraps midnight when `end < start`
/// (e.g. 22h–6h, Beijing's truck-entry hours inside the ring roads).
public struct EntryWindow: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public init(start: Double, end: Double) {
    self.start = start
    self.end = end
  }

  /// The earliest time ≥ `t` (hours since midnight of day 0) inside the window. Waiting
  /// before entering keeps links FIFO: a later arrival at the entrance never enters earlier.
  public func nextOpen(atOrAfter t: Double) -> Double {
    let dayStart = (t / 24).rounded(.down) * 24
    let hour = t - dayStart
    let inside = start <= end ? (hour >= start && hour < end) : (hour >= start || hour < end)
    if inside || start == end { return t }
    return hour < start ? dayStart + start : dayStart + 24 + start
  }
}
