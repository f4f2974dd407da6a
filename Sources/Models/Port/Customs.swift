import SimKernel

/// Customs at the port: laden imports (at discharge) and laden exports (at gate-in) are
/// declared; documents are checked (at once when declared in advance), a drawn share is
/// inspected by a limited number of teams, and the batch is released.
///
/// When X happens, do Y:
/// - a batch is declared → its documents are checked now (advance declaration) or later;
/// - documents are checked → the batch is inspected (waiting for a team) or released;
/// - an inspection is done → the team takes the next batch; this one is released: an
///   import's truck (or train) comes the consignee's drawn delay later; an export may be loaded.
final class Customs {
  /// The port that owns customs and outlives it.
  /// A method that uses it takes a local copy first (`let port = self.port`): one retain per
  /// call instead of one per access.
  unowned(unsafe) let port: PortModel
  let config: CustomsConfig
  let scheduler: Scheduler
  /// The inspection teams.
  var inspection: Resource

  init(port: PortModel) {
    self.port = port
    config = port.config.customs
    scheduler = port.scheduler
    inspection = Resource(capacity: config.inspectionTeams)
  }

  func warmupEnded(at time: SimTime) { inspection.resetStatistics(at: time) }

  /// A laden import (discharged) or export (through the gate) is declared at terminal `t`.
  func declare(batch b: Int32, terminal t: Int) {
    let port = self.port
    port.metrics.declared += 1
    let imports = port.batches.flow[Int(b)] == .importLaden
    let stream = port.boxStreams[t]
    if stream.bernoulli(imports ? config.importAdvanceDeclaration : config.exportAdvanceDeclaration) {
      documentsChecked(batch: b)
    } else {
      let documents = imports ? config.importDocumentTime : config.exportDocumentTime
      scheduler.schedule(
        after: Swift.max(0, documents.sample(stream)), SubsystemTag.port,
        kind: PortEvent.documentsChecked.rawValue, entity: b)
    }
  }

  func documentsChecked(batch b: Int32) {
    let port = self.port
    let k = Int(b)
    let t = Int(port.batches.terminal[k])
    let rate = port.batches.flow[k] == .importLaden ? config.importInspectionRate : config.exportInspectionRate
    guard port.boxStreams[t].bernoulli(rate) else {
      cleared(batch: b)
      return
    }
    port.metrics.inspected += 1
    if inspection.request(b, at: scheduler.now) { startInspection(batch: b) }
  }

  private func startInspection(batch b: Int32) {
    let port = self.port
    let t = Int(port.batches.terminal[Int(b)])
    scheduler.schedule(
      after: Swift.max(0, config.inspectionTime.sample(port.boxStreams[t])), SubsystemTag.port,
      kind: PortEvent.inspectionDone.rawValue, entity: b)
  }

  func inspectionDone(batch b: Int32) {
    inspection.release(at: scheduler.now)
    while let next = inspection.startNext(at: scheduler.now) { startInspection(batch: next) }
    cleared(batch: b)
  }

  /// Customs released the batch: an import's truck comes the consignee's drawn delay after
  /// release (unless the rail yard takes it); an export may now be loaded.
  private func cleared(batch b: Int32) {
    let port = self.port
    let k = Int(b)
    let now = scheduler.now
    port.batches.cleared[k] = true
    if port.batches.flow[k] == .importLaden {
      port.metrics.importClearance.add(now - port.batches.clearanceStart[k])
      let due = now + port.batches.due[k]
      port.batches.due[k] = due
      if let landside = port.landside,
        landside.importReleased(batch: b, terminal: Int(port.batches.terminal[k]), teu: port.batches.teu[k], pickUpAt: due)
      {
        return
      }
      scheduler.schedule(at: due, SubsystemTag.port, kind: PortEvent.gateArrival.rawValue, entity: b, priority: .arrival)
    } else {
      port.metrics.exportClearance.add(now - port.batches.clearanceStart[k])
    }
  }
}
