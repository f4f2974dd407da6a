import SimKernel

/// Where a vessel is in its call.
enum VesselPhase: UInt8 {
  case announced, anchored, transitIn, working, blocked, waitingToSail, transitOut, gone
}

/// The vessels of a run as parallel arrays indexed by vessel number (no object per vessel).
struct VesselTable {
  var service: [Int32] = []
  var terminal: [Int32] = []
  /// Attributes drawn at creation (common random numbers).
  var moves: [Double] = []
  var productivity: [Double] = []
  /// Discharge moves still on board, by discharge flow.
  var dischargeLeft: [DischargeMoves] = []
  /// Discharge moves on arrival (all flows).
  var dischargeMoves: [Double] = []
  /// Moves worked so far (discharge and load).
  var worked: [Double] = []
  /// The vessel's export batches, and the batches it is loading (linked through the batch table).
  var exports: [LinkedIndexQueue] = []
  var loadList: [LinkedIndexQueue] = []
  var phase: [VesselPhase] = []
  var arrival: [SimTime] = []
  var berthed: [SimTime] = []
  var workStart: [SimTime] = []
  var workEnd: [SimTime] = []
  var cranes: [Int32] = []
  /// Cranes to give up at the next chunk (breakdowns that hit a working vessel).
  var cranesToLose: [Int32] = []
  var departed: [SimTime] = []
  var diverted: [Bool] = []
  /// Channel transit times in and out, drawn at creation.
  var transitIn: [SimTime] = []
  var transitOut: [SimTime] = []
  /// Nominal (schedule) arrival, for the export cut-off.
  var nominal: [SimTime] = []
  /// The chunk being worked: its discharge flow (or nil when loading), moves and batch.
  var chunkFlow: [ContainerFlow?] = []
  var chunkMoves: [Double] = []
  var chunkBatch: [Int32] = []
  var loadingStarted: [Bool] = []
  var blockedSince: [SimTime] = []

  var count: Int { service.count }

  mutating func add(
    service s: Int, terminal t: Int, moves m: Double, productivity p: Double,
    discharge: DischargeMoves
  ) -> Int32 {
    service.append(Int32(s))
    terminal.append(Int32(t))
    moves.append(m)
    productivity.append(p)
    dischargeLeft.append(discharge)
    dischargeMoves.append(discharge.total)
    worked.append(0)
    exports.append(LinkedIndexQueue())
    loadList.append(LinkedIndexQueue())
    phase.append(.announced)
    arrival.append(.nan)
    berthed.append(.nan)
    workStart.append(.nan)
    workEnd.append(.nan)
    cranes.append(0)
    cranesToLose.append(0)
    departed.append(.nan)
    diverted.append(false)
    transitIn.append(0)
    transitOut.append(0)
    nominal.append(.nan)
    chunkFlow.append(nil)
    chunkMoves.append(0)
    chunkBatch.append(-1)
    loadingStarted.append(false)
    blockedSince.append(.nan)
    return Int32(service.count - 1)
  }

  /// Discharge moves still on board.
  func onBoard(_ v: Int) -> Double { dischargeLeft[v].total }
}

/// A vessel's discharge moves by discharge flow, worked in this order: laden imports, empty
/// imports, transshipment.
struct DischargeMoves {
  var importLaden: Double
  var emptyImport: Double
  var transshipment: Double

  /// All discharge moves.
  var total: Double { importLaden + emptyImport + transshipment }

  /// The flow discharged next: the first with moves left (nil when all are discharged).
  var nextFlow: ContainerFlow? {
    if importLaden > 0 { return .importLaden }
    if emptyImport > 0 { return .emptyImport }
    if transshipment > 0 { return .transshipment }
    return nil
  }

  /// The moves of a discharge flow (transshipment for any flow not discharged).
  subscript(flow: ContainerFlow) -> Double {
    get {
      switch flow {
      case .importLaden: return importLaden
      case .emptyImport: return emptyImport
      default: return transshipment
      }
    }
    set {
      switch flow {
      case .importLaden: importLaden = newValue
      case .emptyImport: emptyImport = newValue
      default: transshipment = newValue
      }
    }
  }
}
