/// A route found through a ``RoadNetwork``.
public struct Route: Sendable, Equatable {
  /// The nodes visited, from origin to destination.
  public let nodes: [Int]
  /// The links taken, in order (one fewer than the nodes).
  public let links: [Int]
  /// The simulation time of departure from the origin.
  public let departure: SimTime
  /// The simulation time of arrival at the destination.
  public let arrival: SimTime
  /// The total length in km.
  public let distanceKm: Double
  /// `arrival − departure`, in hours.
  public var travelTime: SimTime { arrival - departure }
}

extension RoadNetwork {
  /// The simulation time at which a vehicle entering `link` at `departure` leaves it.
  /// - Precondition: `link` is a valid index.
  public func arrivalTime(link: Int, departure: SimTime) -> SimTime {
    let l = links[link]
    return profiles[l.profile].arrival(distanceKm: l.distanceKm, departureClock: departure + clockOffset)
      - clockOffset
  }

  /// The time in hours to traverse `link` when entering it at `departure` (FIFO: departing
  /// later never arrives earlier).
  /// - Precondition: `link` is a valid index.
  public func travelTime(link: Int, departure: SimTime) -> SimTime {
    arrivalTime(link: link, departure: departure) - departure
  }

  /// The arrival time after following `links` in order from `departure`, without waiting.
  public func arrivalTime(following links: [Int], departure: SimTime) -> SimTime {
    var t = departure
    for l in links { t = arrivalTime(link: l, departure: t) }
    return t
  }

  /// Earliest arrival times at every node when leaving `origin` at `departure`
  /// (`+∞` for unreachable nodes), by time-dependent Dijkstra; exact because every link is FIFO.
  public func earliestArrivals(from origin: Int, departure: SimTime) -> [SimTime] {
    search(from: origin, departure: departure, target: nil).arrival
  }

  /// The earliest-arrival route from `origin` to `destination` leaving at `departure`, or
  /// `nil` if the destination cannot be reached.
  ///
  /// Time-dependent Dijkstra on arrival time, exact because links are FIFO (waiting never
  /// helps). Deterministic: nodes with equal arrival times are settled in index order, and
  /// a node keeps the first predecessor that reaches it earliest (links relaxed in index order).
  /// - Complexity: O((nodes + links) log nodes).
  public func shortestPath(from origin: Int, to destination: Int, departure: SimTime) -> Route? {
    let s = search(from: origin, departure: departure, target: destination)
    guard s.arrival[destination].isFinite else { return nil }
    var pathLinks: [Int] = []
    var node = destination
    var km = 0.0
    while node != origin {
      let l = s.predecessor[node]
      pathLinks.append(l)
      km += links[l].distanceKm
      node = links[l].from
    }
    pathLinks.reverse()
    var pathNodes = [origin]
    pathNodes.append(contentsOf: pathLinks.map { links[$0].to })
    return Route(
      nodes: pathNodes, links: pathLinks, departure: departure,
      arrival: s.arrival[destination], distanceKm: km)
  }

  /// Dijkstra on arrival time; stops when `target` is settled.
  func search(from origin: Int, departure: SimTime, target: Int?) -> (arrival: [SimTime], predecessor: [Int]) {
    precondition(nodes.indices.contains(origin), "RoadNetwork: unknown origin node \(origin)")
    var arrival = Array(repeating: SimTime.infinity, count: nodes.count)
    var predecessor = Array(repeating: -1, count: nodes.count)
    var settled = Array(repeating: false, count: nodes.count)
    var heap = _MinHeap<_ArrivalEntry>()
    arrival[origin] = departure
    heap.push(_ArrivalEntry(time: departure, node: origin))
    while let entry = heap.pop() {
      let t = entry.time, u = entry.node
      if settled[u] || t > arrival[u] { continue }
      settled[u] = true
      if u == target { break }
      for l in outgoing[u] {
        let v = links[l].to
        if settled[v] { continue }
        let tv = arrivalTime(link: l, departure: t)
        if tv < arrival[v] {
          arrival[v] = tv
          predecessor[v] = l
          heap.push(_ArrivalEntry(time: tv, node: v))
        }
      }
    }
    return (arrival, predecessor)
  }
}

/// A router frontier entry, ordered by time then node index (deterministic ties).
struct _ArrivalEntry: _HeapOrdered {
  var time: Double
  var node: Int
  @inline(__always) func precedes(_ o: _ArrivalEntry) -> Bool {
    time < o.time || (time == o.time && node < o.node)
  }
}
