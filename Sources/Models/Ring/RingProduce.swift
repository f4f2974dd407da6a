import SimKernel

/// The produce in the ring: the lot table, how each lot's quality decays with the
/// temperature it sees (``QualityModel``, tabulated outdoors), the trace records, and the
/// ring's running statistics. Every part (bases, hubs, trucks, orders) works on the lots
/// through this one object; a lot's end (delivered, spoiled, sold off) is booked here.
final class RingProduce {
  let lots: RingLots
  let traces: RingTraces
  let quality: [QualityModel]
  /// Outdoor quality loss by category, tabulated over the run.
  var outdoorLoss: [OutdoorLossTable]
  /// The ring's running statistics (one object, shared by the parts).
  let metrics: RingMetrics
  let scheduler: Scheduler

  init(config: RingConfig, metrics: RingMetrics, recordStream: RandomStream, scheduler: Scheduler) {
    lots = RingLots()
    traces = RingTraces(config: config, stream: recordStream, scheduler: scheduler, lots: lots)
    quality = config.categories.indices.map { config.quality($0) }
    outdoorLoss = quality.map { OutdoorLossTable(model: $0, ambient: config.ambient) }
    self.metrics = metrics
    self.scheduler = scheduler
  }

  /// Brings a lot's quality up to now at the temperature it has had since its last update.
  func advance(_ lot: Int32) {
    let i = Int(lot)
    let now = scheduler.now
    let c = Int(lots.category[i])
    let t = lots.temperature[i]
    if t.isNaN {
      lots.quality[i] -= outdoorLoss[c].loss(from: lots.updated[i], to: now)
    } else {
      lots.quality[i] -= quality[c].lossRate(at: t) * (now - lots.updated[i])
    }
    lots.updated[i] = now
  }

  /// A lot's quality projected to now at the temperature it has had (not advanced).
  func projectedQuality(_ lot: Int32) -> Double {
    let i = Int(lot)
    let c = Int(lots.category[i])
    let t = lots.temperature[i]
    if t.isNaN { return lots.quality[i] - outdoorLoss[c].loss(from: lots.updated[i], to: scheduler.now) }
    return lots.quality[i] - quality[c].lossRate(at: t) * (scheduler.now - lots.updated[i])
  }

  /// Advances a lot and sets the temperature it sees from now (NaN = outdoors).
  func setTemperature(_ lot: Int32, _ celsius: Double) {
    advance(lot)
    lots.temperature[Int(lot)] = celsius
  }

  /// Whether the lot (advanced to now) is below its category's threshold.
  func isSpoiled(_ lot: Int32) -> Bool {
    lots.quality[Int(lot)] < quality[Int(lots.category[Int(lot)])].threshold
  }

  /// Records a step of the lot's trace (see ``RingTraces/record(_:_:node:)``).
  @inline(__always) func record(_ lot: Int32, _ step: TraceStep, node: Int) {
    traces.record(lot, step, node: node)
  }

  /// Counts a lot as sold on to other channels (it stayed the longest hub dwell) and frees it.
  func sellOff(_ lot: Int32, at node: Int) {
    let (c, w) = (Int(lots.category[Int(lot)]), lots.weight[Int(lot)])
    record(lot, .sellOff, node: node)
    metrics.run.soldOff[c] += w
    metrics.kpi.soldOff[c] += w
    lots.release(lot)
  }

  /// Counts a lot as spoiled and frees it.
  func spoil(_ lot: Int32, at node: Int) {
    let (c, w) = (Int(lots.category[Int(lot)]), lots.weight[Int(lot)])
    record(lot, .spoil, node: node)
    metrics.run.spoiled[c] += w
    metrics.kpi.spoiled[c] += w
    lots.release(lot)
  }

  /// A lot reaches its destination in time to be sold: counts its tonnes, quality and trace,
  /// and frees it.
  func deliver(_ lot: Int32, at node: Int) {
    let i = Int(lot)
    let c = Int(lots.category[i])
    let w = lots.weight[i]
    record(lot, .deliver, node: node)
    metrics.run.delivered[c] += w
    metrics.kpi.delivered[c] += w
    metrics.qualityTonnes[c] += lots.quality[i] * w
    if lots.complete[i] { metrics.tracedTonnes[c] += w }
    lots.release(lot)
  }
}
