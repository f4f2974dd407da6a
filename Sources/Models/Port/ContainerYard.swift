import SimKernel

/// The container yard of each terminal: a store of TEU with a capacity, where discharged
/// batches, exports through the gate and transshipment boxes stay until they are loaded or
/// leave by the gate or by rail. When it is full, discharge stops and exports wait inside
/// the terminal, first come first served.
///
/// When X happens, do Y:
/// - a discharge chunk starts → its room is reserved (or the vessel waits for room);
/// - a batch is discharged → it is in the yard; an import is declared to customs and its
///   consignee's pick-up clock starts; a transshipment box waits for its connection; an
///   empty waits for its pick-up;
/// - an export (or empty) enters the terminal → a laden export is declared to customs; it
///   enters the yard, or waits inside for room;
/// - a batch leaves → room is freed: blocked vessels resume and waiting exports enter, in
///   the order they started waiting, while there is room for the first of them.
/// Exports and load lists: `ContainerYard+Exports.swift`.
final class ContainerYard {
  /// The port that owns the yard and outlives it.
  /// A method that uses it takes a local copy first (`let port = self.port`): one retain per
  /// call instead of one per access.
  unowned(unsafe) let port: PortModel
  let scheduler: Scheduler
  /// TEU in the yard or reserved for a chunk being discharged, per terminal; vessels and
  /// export batches waiting for room.
  var stores: [Store]
  /// Transshipment batches ready to be loaded, per terminal (linked through the batch table).
  var ready: [LinkedIndexQueue]
  /// Export batches rolled from a call, waiting for the service's next call, per service.
  var rolled: [LinkedIndexQueue]

  init(port: PortModel) {
    self.port = port
    scheduler = port.scheduler
    let config = port.config
    stores = config.terminals.map { Store(capacity: $0.yardCapacityTEU) }
    ready = Array(repeating: LinkedIndexQueue(), count: config.terminals.count)
    rolled = Array(repeating: LinkedIndexQueue(), count: config.services.count)
  }

  func warmupEnded(at time: SimTime) {
    for t in stores.indices { stores[t].resetStatistics(at: time) }
  }

  // MARK: - Quay ↔ yard

  /// Reserves room at terminal `t` for a chunk about to be discharged (not behind waiting
  /// exports); false when the yard has no room for it.
  func reserve(_ teu: Double, terminal t: Int) -> Bool { stores[t].reserve(teu) }

  /// A vessel waits for room for its next chunk, behind the vessels and exports waiting already.
  func waitForRoom(vessel v: Int32, teu: Double, terminal t: Int) { stores[t].waitToReserve(teu, for: v) }

  /// A discharged chunk becomes a batch in the yard (its room was reserved).
  func discharged(flow: ContainerFlow, moves: Double, teu: Double, vessel v: Int32, terminal t: Int) {
    let port = self.port
    let now = scheduler.now
    let stream = port.boxStreams[t]
    let b = port.batches.allocate(flow: flow, terminal: t, vessel: v, moves: moves, teu: teu)
    let k = Int(b)
    port.batches.state[k] = .inYard
    port.batches.inYardSince[k] = now
    port.metrics.teuIn[t] += teu
    stores[t].receiveReserved(at: now)
    let boxes = port.boxes
    switch flow {
    case .importLaden:
      // Until release, `due` holds the consignee's delay after release (drawn now).
      port.batches.due[k] = Swift.max(0, boxes.importDwell.sample(stream))
      port.batches.clearanceStart[k] = now
      port.customs.declare(batch: b, terminal: t)
    case .emptyImport:
      port.batches.cleared[k] = true
      let due = now + Swift.max(0, boxes.emptyDwell.sample(stream))
      port.batches.due[k] = due
      scheduler.schedule(at: due, SubsystemTag.port, kind: PortEvent.gateArrival.rawValue, entity: b, priority: .arrival)
    case .transshipment:
      port.batches.cleared[k] = true
      scheduler.schedule(
        after: Swift.max(0, boxes.transshipmentDwell.sample(stream)), SubsystemTag.port,
        kind: PortEvent.transshipmentReady.rawValue, entity: b)
    case .exportLaden, .emptyExport:
      preconditionFailure("exports are not discharged")
    }
  }

  /// A loaded batch leaves the yard and the terminal.
  func loaded(batch b: Int32, terminal t: Int) {
    let port = self.port
    let k = Int(b)
    port.metrics.dwellByFlow[port.batches.flow[k].rawValue].add(scheduler.now - port.batches.inYardSince[k])
    leave(batch: b, terminal: t)
  }

  /// A batch leaves the yard (loaded, out through the gate, or taken by rail); its slot is freed.
  func leave(batch b: Int32, terminal t: Int) {
    let port = self.port
    let teu = port.batches.teu[Int(b)]
    stores[t].remove(teu, at: scheduler.now)
    port.metrics.teuOut[t] += teu
    port.batches.release(b)
    admitWaiting(terminal: t)
  }

  /// A transshipment batch's connection time is over: it may be loaded at its terminal.
  func transshipmentReady(batch b: Int32) {
    let port = self.port
    let t = Int(port.batches.terminal[Int(b)])
    ready[t].pushBack(b, links: &port.batches.next)
  }

  /// Room freed: blocked vessels resume and exports waiting inside enter, in the order they
  /// started waiting, while there is room for the first of them.
  private func admitWaiting(terminal t: Int) {
    let port = self.port
    while let admitted = stores[t].admitNext(at: scheduler.now) {
      switch admitted {
      case .reservation(let v): port.quay.resumeDischarge(vessel: v)
      case .put(let b): entered(batch: b)
      }
    }
  }

  /// A batch put in the yard is there from now.
  private func entered(batch b: Int32) {
    let port = self.port
    port.batches.state[Int(b)] = .inYard
    port.batches.inYardSince[Int(b)] = scheduler.now
  }

  // MARK: - Landside ↔ yard

  /// An export (or empty) enters the terminal through the gate or from a train: customs for
  /// laden exports, then the yard (or a wait inside the terminal for room).
  func receive(batch b: Int32, terminal t: Int) {
    let port = self.port
    let k = Int(b)
    let now = scheduler.now
    let teu = port.batches.teu[k]
    port.metrics.teuIn[t] += teu
    port.batches.clearanceStart[k] = now
    if port.batches.flow[k] == .exportLaden {
      port.customs.declare(batch: b, terminal: t)
    } else {
      port.batches.cleared[k] = true
    }
    if stores[t].put(teu, for: b, at: now) {
      entered(batch: b)
    } else {
      port.batches.state[k] = .waitingForSpace
    }
  }
}
