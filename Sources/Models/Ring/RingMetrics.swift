import SimKernel

/// Tonnage flows of the ring by category: kept over the whole run (balance check) and
/// since the warm-up (KPIs).
struct RingFlows {
  var harvested: [Double]
  var imported: [Double]
  var delivered: [Double]
  var spoiled: [Double]
  /// Sold on to other channels after the longest hub dwell (`hub_max_dwell`).
  var soldOff: [Double]
  init(categories n: Int) {
    harvested = Array(repeating: 0, count: n)
    imported = harvested
    delivered = harvested
    spoiled = harvested
    soldOff = harvested
  }
}

/// The ring's running statistics besides its state arrays (since the warm-up unless named `run`).
final class RingMetrics {
  let nc: Int
  let nd: Int
  var run: RingFlows
  var kpi: RingFlows
  /// Orders completed and on time, and their lead times, by destination × category.
  var orders: [Int]
  var onTime: [Int]
  var leadTime: [Tally]
  /// Tonnes ordered and not available at any hub, by destination × category.
  var unmet: [Double]
  var ordered: [Double]
  /// Laden trip times (departure → arrival) by category of the first lot on board.
  var legTime: [Tally]
  /// Quality × tonnes delivered, and tonnes delivered with a complete trace, by category.
  var qualityTonnes: [Double]
  var tracedTonnes: [Double]
  /// Trunk-haul tonnes by category, and the part carried by reefer (cold-chain coverage).
  var hauled: [Double]
  var hauledCold: [Double]
  /// Excursions by fleet (the drayage fleet last); tonnes exposed by category.
  var excursions: [Int]
  var excursionTonnes: [Double]
  /// Busy trucks per fleet, and hub stock per category (time-weighted).
  var busy: [TimeWeighted]
  var hubStock: [TimeWeighted]
  var vehicleKm: [Double]
  /// Tonnes picked at bases for direct delivery (orders the hubs could not fill), by category.
  var fromBases: [Double]
  /// Time in hub stock of the lots picked for orders, by category.
  var hubDwell: [Tally]

  init(categories n: Int, destinations d: Int, fleets f: Int) {
    nc = n
    nd = d
    run = RingFlows(categories: n)
    kpi = run
    orders = Array(repeating: 0, count: n * d)
    onTime = orders
    leadTime = Array(repeating: Tally(keepsSamples: true), count: n * d)
    unmet = Array(repeating: 0, count: n * d)
    ordered = unmet
    legTime = Array(repeating: Tally(keepsSamples: true), count: n)
    qualityTonnes = Array(repeating: 0, count: n)
    tracedTonnes = qualityTonnes
    hauled = qualityTonnes
    fromBases = qualityTonnes
    hubDwell = Array(repeating: Tally(keepsSamples: true), count: n)
    hauledCold = qualityTonnes
    excursions = Array(repeating: 0, count: f + 1)
    excursionTonnes = qualityTonnes
    busy = Array(repeating: TimeWeighted(), count: f)
    hubStock = Array(repeating: TimeWeighted(), count: n)
    vehicleKm = Array(repeating: 0, count: f + 1)
  }

  func reset(at time: SimTime) {
    kpi = RingFlows(categories: nc)
    for i in orders.indices {
      orders[i] = 0
      onTime[i] = 0
      leadTime[i].reset()
      unmet[i] = 0
      ordered[i] = 0
    }
    for c in 0..<nc {
      legTime[c].reset()
      qualityTonnes[c] = 0
      tracedTonnes[c] = 0
      hauled[c] = 0
      hauledCold[c] = 0
      fromBases[c] = 0
      hubDwell[c].reset()
      excursionTonnes[c] = 0
      hubStock[c].reset(at: time)
    }
    for f in excursions.indices {
      excursions[f] = 0
      vehicleKm[f] = 0
    }
    for f in busy.indices { busy[f].reset(at: time) }
  }
}
