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

extension RingModel: TraceProducing {
  /// Records a step of a lot's trace: untagged lots record nothing; a tagged lot's record is
  /// lost with probability `record_loss` (its trace is then incomplete).
  func record(_ lot: Int32, _ step: TraceStep, node: Int) {
    let i = Int(lot)
    guard lots.tagged[i] else { return }
    if config.recordLoss > 0, recordStream.uniform() < config.recordLoss {
      lots.complete[i] = false
      return
    }
    guard config.recordTraces else { return }
    let now = scheduler.now
    let t = lots.temperature[i]
    traces.lot.append(lots.id[i])
    traces.parent.append(step == .split ? lots.parent[i] : -1)
    traces.category.append(lots.category[i])
    traces.step.append(step)
    traces.time.append(now)
    traces.node.append(Int32(node))
    traces.temperature.append(t.isNaN ? config.ambient.celsius(at: now) : t)
    traces.quality.append(lots.quality[i])
    traces.weight.append(lots.weight[i])
  }

  /// Every recorded step of this replication, one row each.
  public func traceTable() -> TraceTable? {
    guard config.recordTraces else { return nil }
    let b = traces
    let nodes = network.roads.nodes.map(\.name)
    return TraceTable(name: name, longName: "Steps of tagged produce lots (harvest to delivery or spoilage)", columns: [
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
