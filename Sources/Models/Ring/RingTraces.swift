import SimKernel

/// A step in a lot's life that a tagged lot records.
enum TraceStep: UInt8, CaseIterable {
  case harvest, importArrival, precool, load, depart, excursion, arrive, store, split, deliver, spoil, sellOff

  var label: String {
    switch self {
    case .harvest: "harvest"
    case .importArrival: "import"
    case .precool: "precool"
    case .load: "load"
    case .depart: "depart"
    case .excursion: "excursion"
    case .arrive: "arrive"
    case .store: "store"
    case .split: "split"
    case .deliver: "deliver"
    case .spoil: "spoil"
    case .sellOff: "sold_off"
    }
  }
}

/// The recorded steps of tagged lots, as parallel arrays (kept only when traces are asked for).
struct RingTraceBuffer {
  var lot: [Int64] = []
  var parent: [Int64] = []
  var category: [Int32] = []
  var step: [TraceStep] = []
  var time: [Double] = []
  var node: [Int32] = []
  var temperature: [Double] = []
  var quality: [Double] = []
  var weight: [Double] = []
}

/// The ring's trace records: every step of a tagged lot, kept only when traces are asked
/// for; a record lost on the way (`record_loss`) marks the lot's trace incomplete.
final class RingTraces {
  let recordLoss: Double
  /// Whether the steps are kept (`record_traces`); tagged lots draw their record losses either way.
  let keepsRecords: Bool
  let ambient: AmbientProfile
  let stream: RandomStream
  let scheduler: Scheduler
  let lots: RingLots
  private(set) var buffer = RingTraceBuffer()

  init(config: RingConfig, stream: RandomStream, scheduler: Scheduler, lots: RingLots) {
    recordLoss = config.recordLoss
    keepsRecords = config.recordTraces
    ambient = config.ambient
    self.stream = stream
    self.scheduler = scheduler
    self.lots = lots
  }

  /// Records a step of a lot's trace: untagged lots record nothing; a tagged lot's record is
  /// lost with probability `record_loss` (its trace is then incomplete).
  func record(_ lot: Int32, _ step: TraceStep, node: Int) {
    let i = Int(lot)
    guard lots.tagged[i] else { return }
    if recordLoss > 0, stream.uniform() < recordLoss {
      lots.complete[i] = false
      return
    }
    guard keepsRecords else { return }
    let now = scheduler.now
    let t = lots.temperature[i]
    buffer.lot.append(lots.id[i])
    buffer.parent.append(step == .split ? lots.parent[i] : -1)
    buffer.category.append(lots.category[i])
    buffer.step.append(step)
    buffer.time.append(now)
    buffer.node.append(Int32(node))
    buffer.temperature.append(t.isNaN ? ambient.celsius(at: now) : t)
    buffer.quality.append(lots.quality[i])
    buffer.weight.append(lots.weight[i])
  }
}

extension RingModel: TraceProducing {
  /// Every recorded step of this replication, one row each.
  public func traceTable() -> TraceTable? {
    guard config.recordTraces else { return nil }
    let b = traces.buffer
    let nodes = trucks.network.roads.nodes.map(\.name)
    return TraceTable(
      name: name, longName: "Steps of tagged produce lots (harvest to delivery or spoilage)",
      columns: [
        TraceColumn(name: "replication", units: "1", values: .int(Array(repeating: Int64(replication), count: b.lot.count))),
        TraceColumn(name: "lot", units: "1", values: .int(b.lot)),
        TraceColumn(name: "parent", units: "1", values: .int(b.parent)),
        TraceColumn(name: "category", values: .string(b.category.map { config.categories[Int($0)].name })),
        TraceColumn(name: "step", values: .string(b.step.map(\.label))),
        TraceColumn(name: "time", units: "h", values: .float(b.time)),
        TraceColumn(name: "place", values: .string(b.node.map { nodes[Int($0)] })),
        TraceColumn(name: "temperature", units: "degC", values: .float(b.temperature)),
        TraceColumn(name: "quality", units: "1", values: .float(b.quality)),
        TraceColumn(name: "weight", units: "t", values: .float(b.weight)),
      ])
  }
}
