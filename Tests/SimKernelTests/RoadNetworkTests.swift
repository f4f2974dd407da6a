import Testing

@testable import SimKernel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct RoadNetworkTests {
  /// 60 km/h, slowed to 20 km/h in the 07:00–09:00 peak.
  static func peakProfile() throws -> SpeedProfile {
    try SpeedProfile(startHours: [0, 7, 9], speeds: [60, 20, 60])
  }

  @Test func constantSpeedLink() throws {
    var net = RoadNetwork()
    let a = try net.addNode("A")
    let b = try net.addNode("B")
    let p = net.addProfile(try SpeedProfile(constantKmPerHour: 60))
    let l = try net.addLink(from: a, to: b, distanceKm: 30, profile: p)
    for dep in stride(from: 0.0, through: 50, by: 0.37) {
      #expect(isClose(net.travelTime(link: l, departure: dep), 0.5, relative: 1e-12))
    }
    let long = try net.addLink(from: a, to: b, distanceKm: 3000, profile: p)  // 50 h: whole days skipped
    #expect(isClose(net.travelTime(link: long, departure: 5), 50, relative: 1e-12))
  }

  @Test func travelTimeIntegratesAcrossSpeedChanges() throws {
    let profile = try Self.peakProfile()
    #expect(profile.kilometresPerDay == 60 * 22 + 20 * 2)
    // Depart 06:45: 15 km at 60 by 07:00, then 15 km at 20 → arrive 07:45.
    #expect(isClose(profile.arrival(distanceKm: 30, departureClock: 6.75), 7.75))
    // Depart 08:30: 10 km at 20 by 09:00, then 20 km at 60 → arrive 09:20.
    #expect(isClose(profile.arrival(distanceKm: 30, departureClock: 8.5), 9 + 1.0 / 3))
    // Longer than a day: 1500 km from midnight = a whole day (1360 km) + 140 km at 60.
    #expect(isClose(profile.arrival(distanceKm: 1500, departureClock: 0), 24 + 140.0 / 60))
    // Across midnight: depart 23:00, 60 km by midnight, a whole day (1360 km), 30 km at 60.
    #expect(isClose(profile.arrival(distanceKm: 60 + 1360 + 30, departureClock: 23), 48 + 0.5))
    #expect(profile.arrival(distanceKm: 0, departureClock: 7.3) == 7.3)
    #expect(profile.speed(atClock: 31.5) == 20)  // 07:30 on day 2
    #expect(profile.speed(atClock: -1) == 60)  // 23:00 the day before
  }

  @Test func clockOffsetShiftsTheProfile() throws {
    var net = RoadNetwork(clockOffset: 6)  // simulation time 0 is 06:00
    let a = try net.addNode("A")
    let b = try net.addNode("B")
    let l = try net.addLink(from: a, to: b, distanceKm: 30, profile: net.addProfile(try Self.peakProfile()))
    #expect(isClose(net.arrivalTime(link: l, departure: 0.75), 1.75))  // 06:45 → 07:45
  }

  @Test func linksAreFIFOAcrossSpeedChanges() throws {
    var net = RoadNetwork(clockOffset: 0.3)
    let a = try net.addNode("A")
    let b = try net.addNode("B")
    let profiles = [
      try Self.peakProfile(),
      try SpeedProfile(startHours: [0, 6.5, 7, 9.25, 17, 19.5], speeds: [90, 35, 12, 50, 8, 70]),
      try SpeedProfile(startHours: [0, 12], speeds: [5, 200]),
    ]
    var linkIDs: [Int] = []
    for p in profiles {
      let pi = net.addProfile(p)
      for km in [0.5, 7.0, 30.0, 120.0, 2500.0] {
        linkIDs.append(try net.addLink(from: a, to: b, distanceKm: km, profile: pi))
      }
    }
    // Departures every 0.01 h over two days plus points just around each boundary.
    var departures = stride(from: 0.0, through: 48, by: 0.01).map { $0 }
    for p in profiles {
      for h in p.startHours + [24] {
        for day in [0.0, 24] {
          for eps in [-1e-9, -1e-12, 0, 1e-12, 1e-9] { departures.append(day + h - 0.3 + eps) }
        }
      }
    }
    departures.sort()
    var violations = 0
    var strictlySlower = 0
    for l in linkIDs {
      var previous = -Double.infinity
      for dep in departures {
        let arr = net.arrivalTime(link: l, departure: dep)
        #expect(arr >= dep)
        if arr < previous - 1e-9 { violations += 1 }
        previous = max(previous, arr)
      }
      if net.travelTime(link: l, departure: 6.9) != net.travelTime(link: l, departure: 3) { strictlySlower += 1 }
    }
    #expect(violations == 0)
    #expect(strictlySlower > 0)  // the grid does cross speed changes
  }

  /// A (0) → B (1) → D (3) is a ring road, fast off-peak and jammed 07:00–10:00;
  /// A → C (2) → D is an urban road at a steady 50 km/h.
  static func twoRouteNetwork() throws -> RoadNetwork {
    var net = RoadNetwork()
    let a = try net.addNode("A", location: .planar(xKm: 0, yKm: 0))
    let b = try net.addNode("B", location: .planar(xKm: 40, yKm: 0))
    let c = try net.addNode("C", location: .planar(xKm: 30, yKm: 30))
    let d = try net.addNode("D", location: .planar(xKm: 80, yKm: 0))
    _ = try net.addNode("Island")
    let ring = net.addProfile(try SpeedProfile(startHours: [0, 7, 10], speeds: [80, 20, 80]))
    let urban = net.addProfile(try SpeedProfile(constantKmPerHour: 50))
    try net.addLink(from: a, to: b, distanceKm: 40, profile: ring)
    try net.addLink(from: b, to: d, distanceKm: 40, profile: ring)
    try net.addLink(from: a, to: c, distanceKm: 60, profile: urban)
    try net.addLink(from: c, to: d, distanceKm: 30, profile: urban)
    try net.addLink(from: d, to: a, distanceKm: 80, profile: urban)
    return net
  }

  @Test func bestRouteChangesBetweenPeakAndOffPeak() throws {
    let net = try Self.twoRouteNetwork()
    let offPeak = try #require(net.shortestPath(from: 0, to: 3, departure: 12))
    #expect(offPeak.nodes == [0, 1, 3])
    #expect(offPeak.links == [0, 1])
    #expect(isClose(offPeak.travelTime, 1.0))  // 80 km at 80 km/h
    #expect(offPeak.distanceKm == 80)

    let peak = try #require(net.shortestPath(from: 0, to: 3, departure: 7))
    #expect(peak.nodes == [0, 2, 3])
    #expect(isClose(peak.arrival, 8.8))  // 90 km at 50 km/h; the ring road would take 3.25 h
    #expect(isClose(net.arrivalTime(following: [0, 1], departure: 7), 10.25))

    // Late in the peak the ring road wins again: depart 09:30 → 10 km by 10:00, 70 km at 80.
    let late = try #require(net.shortestPath(from: 0, to: 3, departure: 9.5))
    #expect(late.nodes == [0, 1, 3])
    #expect(isClose(late.arrival, 10 + 70.0 / 80))

    #expect(net.shortestPath(from: 0, to: 4, departure: 7) == nil)  // unreachable
    let trivial = try #require(net.shortestPath(from: 2, to: 2, departure: 3))
    #expect(trivial.nodes == [2] && trivial.links.isEmpty && trivial.travelTime == 0)
  }

  @Test func dijkstraMatchesExhaustiveSearch() throws {
    // A small grid with mixed profiles; compare with every simple path, over many departures.
    var net = RoadNetwork()
    let n = 6
    for i in 0..<n { try net.addNode("N\(i)") }
    let ps = [
      net.addProfile(try Self.peakProfile()),
      net.addProfile(try SpeedProfile(startHours: [0, 8, 18], speeds: [30, 90, 15])),
      net.addProfile(try SpeedProfile(constantKmPerHour: 45)),
    ]
    let edges: [(Int, Int, Double)] = [
      (0, 1, 20), (0, 2, 35), (1, 2, 10), (1, 3, 40), (2, 3, 25), (2, 4, 50),
      (3, 4, 15), (3, 5, 45), (4, 5, 20), (1, 5, 90), (4, 1, 12),
    ]
    for (k, e) in edges.enumerated() {
      try net.addLink(from: e.0, to: e.1, distanceKm: e.2, profile: ps[k % ps.count])
    }
    func bruteForce(_ u: Int, _ t: Double, _ visited: inout [Bool], _ best: inout [Double]) {
      best[u] = min(best[u], t)
      for l in net.outgoingLinks(of: u) where !visited[net.links[l].to] {
        let v = net.links[l].to
        visited[v] = true
        bruteForce(v, net.arrivalTime(link: l, departure: t), &visited, &best)
        visited[v] = false
      }
    }
    for dep in stride(from: 0.0, to: 24, by: 0.25) {
      var best = Array(repeating: Double.infinity, count: n)
      var visited = Array(repeating: false, count: n)
      visited[0] = true
      bruteForce(0, dep, &visited, &best)
      let fast = net.earliestArrivals(from: 0, departure: dep)
      for v in 0..<n { #expect(isClose(fast[v], best[v], relative: 1e-12), "departure \(dep), node \(v)") }
      let route = try #require(net.shortestPath(from: 0, to: 5, departure: dep))
      #expect(isClose(net.arrivalTime(following: route.links, departure: dep), best[5], relative: 1e-12))
    }
  }

  @Test func tiesAreBrokenByIndex() throws {
    var net = RoadNetwork()
    for name in ["A", "B", "C", "D"] { try net.addNode(name) }
    let p = net.addProfile(try SpeedProfile(constantKmPerHour: 40))
    try net.addLink(from: 0, to: 2, distanceKm: 10, profile: p)  // via C, added first
    try net.addLink(from: 0, to: 1, distanceKm: 10, profile: p)
    try net.addLink(from: 2, to: 3, distanceKm: 10, profile: p)
    try net.addLink(from: 1, to: 3, distanceKm: 10, profile: p)
    for _ in 0..<3 {
      let r = try #require(net.shortestPath(from: 0, to: 3, departure: 1))
      #expect(r.nodes == [0, 1, 3])  // B (index 1) is settled before C (index 2)
    }
  }

  @Test func greatCircleDistances() {
    // One degree along a meridian = R·π/180.
    let oneDegree = GreatCircle.distanceKm(latitude1: 39, longitude1: 117, latitude2: 40, longitude2: 117)
    #expect(isClose(oneDegree, 6371.0088 * Double.pi / 180, relative: 1e-12))
    let quarter = GreatCircle.distanceKm(latitude1: 0, longitude1: 0, latitude2: 0, longitude2: 90)
    #expect(isClose(quarter, 6371.0088 * Double.pi / 2, relative: 1e-12))
    // Beijing (Tiananmen) to Tianjin Port (Xingang): check against the spherical law of cosines.
    let (la1, lo1, la2, lo2) = (39.9087, 116.3975, 38.9860, 117.7800)
    let r = Double.pi / 180
    let sines: Double = sin(la1 * r) * sin(la2 * r)
    let cosines: Double = cos(la1 * r) * cos(la2 * r) * cos((lo2 - lo1) * r)
    let cosAngle = sines + cosines
    let expected = 6371.0088 * acos(cosAngle)
    let got = GreatCircle.distanceKm(latitude1: la1, longitude1: lo1, latitude2: la2, longitude2: lo2)
    #expect(isClose(got, expected, relative: 1e-9))
    #expect(got > 150 && got < 170)
    #expect(NodeLocation.planar(xKm: 0, yKm: 0).distanceKm(to: .planar(xKm: 3, yKm: 4)) == 5)
    #expect(NodeLocation.planar(xKm: 0, yKm: 0).distanceKm(to: .geographic(latitude: 0, longitude: 0)) == nil)
  }

  @Test func buildErrors() throws {
    var net = RoadNetwork()
    let a = try net.addNode("A", location: .geographic(latitude: 39.1, longitude: 117.2))
    #expect(throws: RoadNetworkError.duplicateNode("A")) { try net.addNode("A") }
    #expect(throws: RoadNetworkError.self) { try net.addNode("Bad", location: .geographic(latitude: 91, longitude: 0)) }
    #expect(throws: RoadNetworkError.unknownProfile(0)) { try net.addLink(from: a, to: a, distanceKm: 1, profile: 0) }
    let p = net.addProfile(try SpeedProfile(constantKmPerHour: 30))
    #expect(throws: RoadNetworkError.unknownNode(7)) { try net.addLink(from: a, to: 7, distanceKm: 1, profile: p) }
    #expect(throws: RoadNetworkError.invalidDistance(from: "A", to: "A", km: -1)) {
      try net.addLink(from: a, to: a, distanceKm: -1, profile: p)
    }
    #expect(throws: RoadNetworkError.self) { try SpeedProfile(startHours: [1], speeds: [30]) }
    #expect(throws: RoadNetworkError.self) { try SpeedProfile(startHours: [0, 5, 5], speeds: [30, 20, 10]) }
    #expect(throws: RoadNetworkError.self) { try SpeedProfile(startHours: [0, 24], speeds: [30, 20]) }
    #expect(throws: RoadNetworkError.self) { try SpeedProfile(startHours: [0], speeds: [0]) }
    #expect(throws: RoadNetworkError.self) { try SpeedProfile(startHours: [0, 3], speeds: [30]) }
    #expect(net.node(named: "A") == a && net.node(named: "Z") == nil)
  }
}
