import SimKernel

/// The five container flows through the yard. A transshipment box is discharged and loaded
/// again, so the quay counts it twice, as port statistics do.
public enum ContainerFlow: Int, Sendable, CaseIterable {
  /// Laden import: discharged, cleared by customs, picked up by truck through the gate.
  case importLaden = 0
  /// Empty discharged for the hinterland (depots): picked up through the gate, no customs.
  case emptyImport = 1
  /// Discharged and loaded onto a later vessel at the same terminal; no gate, no customs.
  case transshipment = 2
  /// Laden export: delivered by truck before its vessel's cut-off, cleared, loaded.
  case exportLaden = 3
  /// Empty delivered by truck to be loaded (repositioning).
  case emptyExport = 4

  /// Names of the flows in results (the `flow` label dimension).
  public static let labels = ["import", "empty_import", "transshipment", "export", "empty_export"]

  /// Whether the flow leaves the yard through the gate.
  var leavesByGate: Bool { self == .importLaden || self == .emptyImport }
  /// Whether the flow reaches the yard through the gate.
  var arrivesByGate: Bool { self == .exportLaden || self == .emptyExport }
}

/// The boxes behind the moves: how many TEU a move carries, how a call's moves split into
/// flows, how long boxes stay, and the batches in which they are tracked.
public struct ContainerConfig: Sendable, Equatable {
  /// TEU of a box lifted alone (mix of 20', 40' and 45' boxes).
  public var teuPerSingleLift: Double
  /// Share of moves that are twin lifts of two 20' boxes (2 TEU, 2 boxes).
  public var twinLiftShare: Double
  /// Share of a call's moves that are discharge (the rest are load).
  public var dischargeShare: Double
  /// Shares of discharge moves: import, empty import, transshipment (sum to 1).
  public var dischargeMix: [Double]
  /// Shares of load moves: export, empty export, transshipment (sum to 1). Transshipment
  /// loads are not drawn: a vessel loads whatever transshipment boxes are ready for it.
  public var loadMix: [Double]
  /// Delay from customs release to pick-up (imports), from discharge to pick-up (empties),
  /// and the minimum connection time of transshipment boxes.
  public var importDwell: Distribution
  public var emptyDwell: Distribution
  public var transshipmentDwell: Distribution
  /// How long before the cut-off an export (or empty export) truck reaches the gate.
  public var exportLead: Distribution
  /// The cut-off: boxes must be in the yard and cleared this long before the scheduled arrival.
  public var cutoff: SimTime
  /// Moves per tracked batch (a batch is one crane chunk and one group of trucks).
  public var movesPerBatch: Double
  /// How long ahead a scheduled call is announced (its export boxes start arriving).
  public var callNotice: SimTime

  public init(
    teuPerSingleLift: Double = 1.6, twinLiftShare: Double = 0, dischargeShare: Double = 0.5,
    dischargeMix: [Double] = [1, 0, 0], loadMix: [Double] = [1, 0, 0],
    importDwell: Distribution = .constant(72), emptyDwell: Distribution = .constant(240),
    transshipmentDwell: Distribution = .constant(48), exportLead: Distribution = .constant(48),
    cutoff: SimTime = 24, movesPerBatch: Double = 10, callNotice: SimTime = 168
  ) {
    self.teuPerSingleLift = teuPerSingleLift
    self.twinLiftShare = twinLiftShare
    self.dischargeShare = dischargeShare
    self.dischargeMix = dischargeMix
    self.loadMix = loadMix
    self.importDwell = importDwell
    self.emptyDwell = emptyDwell
    self.transshipmentDwell = transshipmentDwell
    self.exportLead = exportLead
    self.cutoff = cutoff
    self.movesPerBatch = movesPerBatch
    self.callNotice = callNotice
  }

  /// TEU per move: a twin lift carries two 20' boxes (2 TEU), a single lift one box of
  /// `teuPerSingleLift` TEU.
  public var teuPerMove: Double { twinLiftShare * 2 + (1 - twinLiftShare) * teuPerSingleLift }
  /// Boxes (trucks at the gate) per move.
  public var boxesPerMove: Double { 1 + twinLiftShare }
}

/// Customs clearance, with the "green clearance" levers (绿色通关): advance declaration and
/// the inspection rate.
public struct CustomsConfig: Sendable, Equatable {
  /// Share of import declarations lodged before arrival: their documents are cleared at
  /// discharge; the others start the document check at discharge.
  public var importAdvanceDeclaration: Double
  public var importDocumentTime: Distribution
  public var importInspectionRate: Double
  /// Export boxes: documents checked after gate-in (none with advance declaration).
  public var exportAdvanceDeclaration: Double
  public var exportDocumentTime: Distribution
  public var exportInspectionRate: Double
  /// Inspection of one batch, and the inspection teams working in parallel.
  public var inspectionTime: Distribution
  public var inspectionTeams: Int

  public init(
    importAdvanceDeclaration: Double = 0, importDocumentTime: Distribution = .constant(0), importInspectionRate: Double = 0,
    exportAdvanceDeclaration: Double = 0, exportDocumentTime: Distribution = .constant(0), exportInspectionRate: Double = 0,
    inspectionTime: Distribution = .constant(4), inspectionTeams: Int = 1
  ) {
    self.importAdvanceDeclaration = importAdvanceDeclaration
    self.importDocumentTime = importDocumentTime
    self.importInspectionRate = importInspectionRate
    self.exportAdvanceDeclaration = exportAdvanceDeclaration
    self.exportDocumentTime = exportDocumentTime
    self.exportInspectionRate = exportInspectionRate
    self.inspectionTime = inspectionTime
    self.inspectionTeams = inspectionTeams
  }
}
