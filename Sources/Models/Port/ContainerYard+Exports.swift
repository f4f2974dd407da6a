import SimKernel

/// Export boxes and load lists: exports delivered before the cut-off, rolled to the
/// service's next call when not ready, and the load list a vessel works.
///
/// When X happens, do Y:
/// - a call is announced → its export batches are created; their trucks (or trains) are due
///   before the cut-off, and the exports rolled from the service's previous call join them;
/// - a vessel starts loading → it takes its exports that are in the yard and cleared (the
///   others roll to the service's next call) and every transshipment box ready at its terminal.
extension ContainerYard {
  /// Creates the export batches of a new call; their trucks reach the gate a drawn lead
  /// before the cut-off (not before now).
  func createExports(vessel v: Int32, loadMoves: Double, containers c: ContainerConfig, stream: RandomStream) {
    let port = self.port
    let i = Int(v)
    let t = Int(port.vessels.terminal[i])
    let cutoff = port.vessels.nominal[i] - c.cutoff
    let exportMoves = (loadMoves * c.loadMix[0]).rounded()
    let emptyMoves = Swift.min(loadMoves - exportMoves, (loadMoves * c.loadMix[1]).rounded())
    for (flow, total) in [(ContainerFlow.exportLaden, exportMoves), (.emptyExport, emptyMoves)] {
      var left = total
      while left > 0 {
        let m = Swift.min(c.movesPerBatch, left)
        left -= m
        let b = port.batches.allocate(flow: flow, terminal: t, vessel: v, moves: m, teu: m * c.teuPerMove)
        let due = Swift.max(scheduler.now, cutoff - Swift.max(0, c.exportLead.sample(stream)))
        port.batches.due[Int(b)] = due
        port.vessels.exports[i].pushFront(b, links: &port.batches.next)
        if flow == .exportLaden, let landside = port.landside,
          landside.exportAnnounced(batch: b, terminal: t, teu: m * c.teuPerMove, cutoff: cutoff, truckDue: due)
        {
          port.metrics.railExportTEU += m * c.teuPerMove
          continue
        }
        scheduler.schedule(at: due, SubsystemTag.port, kind: PortEvent.gateArrival.rawValue, entity: b, priority: .arrival)
      }
    }
  }

  /// A new call of a service takes over the exports rolled from its previous call.
  func takeRolledExports(vessel v: Int32) {
    let port = self.port
    let i = Int(v)
    let s = Int(port.vessels.service[i])
    while let b = rolled[s].popFront(links: &port.batches.next) {
      port.batches.vessel[Int(b)] = v
      port.vessels.exports[i].pushFront(b, links: &port.batches.next)
    }
  }

  /// The load list of a vessel starting to load: its exports in the yard and cleared, then
  /// every transshipment batch ready at the terminal. Exports not ready roll over.
  func prepareLoadList(vessel v: Int32, terminal t: Int) {
    let port = self.port
    let i = Int(v)
    let s = Int(port.vessels.service[i])
    var exports = port.vessels.exports[i]
    port.vessels.exports[i] = LinkedIndexQueue()
    var load = LinkedIndexQueue()
    while let b = exports.popFront(links: &port.batches.next) {
      let k = Int(b)
      if port.batches.state[k] == .inYard && port.batches.cleared[k] && Int(port.batches.terminal[k]) == t {
        load.pushFront(b, links: &port.batches.next)
      } else {
        port.metrics.rolledTEU += port.batches.teu[k]
        rolled[s].pushFront(b, links: &port.batches.next)
      }
    }
    // Transshipment boxes ready here go after the exports.
    load.append(contentsOf: &ready[t], links: &port.batches.next)
    port.vessels.loadList[i] = load
  }
}
