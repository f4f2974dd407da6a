import SimKernel

/// The rail model's running statistics: flow counters over the whole run (balance checks and
/// series) and KPI statistics since the warm-up. Routes are corridor × 2 + direction.
struct RailMetrics {
  // Whole run (never reset).
  var importsAcceptedTEU = 0.0
  var pickedUpTEU = 0.0
  var departedImportTEU = 0.0
  var exportsAcceptedTEU = 0.0
  var deliveredTEU = 0.0
  var carriedRun: [Double]
  var trainsRun: [Int]
  var trainsOverCapacity = 0
  var maxYardStock = 0.0

  // Since the warm-up.
  var pickedUpTEUSinceWarmup = 0.0
  var demandTEU: [Double]
  var acceptedTEU: [Double]
  var carriedTEU: [Double]
  var capacityTEU: [Double]
  var trains: [Int]
  var fill: [Tally]
  var fillAll = Tally()
  var wait: [Tally]
  var waitByDirection: [Tally]
  var doorToDoor: [Tally]
  var doorToDoorByDirection: [Tally]
  var missed: [Int]
  var lateExportTEU = 0.0
  var roadOnlyTEU: [Double]
  var subsidy: [Double]
  var pickupDelay = Tally(keepsSamples: true)
  /// kg CO₂ of trains and of trucks (hinterland legs of laden boxes, empty returns included).
  var co2Rail = 0.0
  var co2Truck = 0.0
  var yardStock = TimeWeighted()

  init(corridors n: Int) {
    let routes = 2 * n
    carriedRun = Array(repeating: 0, count: routes)
    trainsRun = Array(repeating: 0, count: routes)
    demandTEU = carriedRun
    acceptedTEU = carriedRun
    carriedTEU = carriedRun
    capacityTEU = carriedRun
    trains = trainsRun
    fill = Array(repeating: Tally(), count: routes)
    wait = Array(repeating: Tally(keepsSamples: true), count: routes)
    doorToDoor = wait
    waitByDirection = Array(repeating: Tally(keepsSamples: true), count: 2)
    doorToDoorByDirection = waitByDirection
    missed = trainsRun
    roadOnlyTEU = [0, 0]
    subsidy = Array(repeating: 0, count: n)
  }

  mutating func reset(at time: SimTime) {
    for r in demandTEU.indices {
      demandTEU[r] = 0; acceptedTEU[r] = 0; carriedTEU[r] = 0; capacityTEU[r] = 0; trains[r] = 0; missed[r] = 0
      fill[r].reset(); wait[r].reset(); doorToDoor[r].reset()
    }
    for d in 0..<2 {
      waitByDirection[d].reset()
      doorToDoorByDirection[d].reset()
      roadOnlyTEU[d] = 0
    }
    for c in subsidy.indices { subsidy[c] = 0 }
    fillAll.reset()
    pickupDelay.reset()
    lateExportTEU = 0
    pickedUpTEUSinceWarmup = 0
    co2Rail = 0
    co2Truck = 0
    yardStock.reset(at: time)
  }
}
