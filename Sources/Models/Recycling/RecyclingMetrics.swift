import SimKernel

/// Tonnage flows of recycling by category (and recovered tonnes by fraction): kept twice,
/// over the whole run (for the balance checks) and since the warm-up (for the KPIs).
struct RecyclingFlows {
  var generated: [Double]
  /// Returned to a formal collection point.
  var formal: [Double]
  /// Went to the informal sector (poor access, or a full point).
  var leaked: [Double]
  /// The part of `leaked` that was formal but found its point full.
  var turnedAway: [Double]
  /// Picked up from points by vehicles.
  var collected: [Double]
  var processed: [Double]
  /// Recovered tonnes by fraction (all categories' fractions in one list).
  var recovered: [Double]
  var residue: [Double]

  init(categories n: Int, fractions m: Int) {
    generated = Array(repeating: 0, count: n)
    formal = generated
    leaked = generated
    turnedAway = generated
    collected = generated
    processed = generated
    recovered = Array(repeating: 0, count: m)
    residue = generated
  }
}

/// The recycling model's running statistics besides its state arrays.
final class RecyclingMetrics {
  var run: RecyclingFlows
  var kpi: RecyclingFlows
  /// Per centre since the warm-up.
  var vehicleKm: [Double]
  var trips: [Int]
  /// Cumulative vehicle-km per centre over the whole run (a series).
  var vehicleKmRun: [Double]
  /// Per store since the warm-up.
  var deferrals: [Int]
  var exceedances: [Int]
  /// Time-weighted levels: stock at points by category; per store waiting, on site, busy
  /// lines, above the planning threshold (0/1).
  var pointStock: [TimeWeighted]
  var waiting: [TimeWeighted]
  var onSite: [TimeWeighted]
  var busyLines: [TimeWeighted]
  var aboveThreshold: [TimeWeighted]
  /// Highest tonnes on site per store over the whole run (the permit check).
  var maxOnSite: [Double]

  init(categories n: Int, fractions m: Int, centres k: Int, stores s: Int) {
    run = RecyclingFlows(categories: n, fractions: m)
    kpi = run
    vehicleKm = Array(repeating: 0, count: k)
    trips = Array(repeating: 0, count: k)
    vehicleKmRun = vehicleKm
    deferrals = Array(repeating: 0, count: s)
    exceedances = deferrals
    pointStock = Array(repeating: TimeWeighted(), count: n)
    waiting = Array(repeating: TimeWeighted(), count: s)
    onSite = waiting
    busyLines = waiting
    aboveThreshold = waiting
    maxOnSite = Array(repeating: 0, count: s)
  }

  func reset(at time: SimTime) {
    kpi = RecyclingFlows(categories: kpi.generated.count, fractions: kpi.recovered.count)
    for i in vehicleKm.indices {
      vehicleKm[i] = 0
      trips[i] = 0
    }
    for i in deferrals.indices {
      deferrals[i] = 0
      exceedances[i] = 0
      waiting[i].reset(at: time)
      onSite[i].reset(at: time)
      busyLines[i].reset(at: time)
      aboveThreshold[i].reset(at: time)
    }
    for i in pointStock.indices { pointStock[i].reset(at: time) }
  }
}
