import SimKernel

/// The hinterland transport behind the port's landside (port ⇄ rail coupling): it may take
/// an import batch out of the yard by train instead of by truck, and bring an export batch
/// to the yard by train instead of by truck. Boxes it declines use the port's gate.
///
/// Contract: a batch the landside accepts is its responsibility until it hands it back —
/// an import with `PortModel.pickUpByRail(batch:)` (the box leaves the port yard), an export
/// with `PortModel.deliverByRail(batch:)` (the box enters the terminal: customs, then the
/// yard). An export delivered after its vessel loaded rolls to the service's next call, as
/// a late truck would. Batch numbers are only valid until the batch is handed back.
public protocol PortLandside: AnyObject {
  /// A laden import batch of `teu` TEU at terminal `terminal` has been released by customs;
  /// its consignee wants it to leave at `pickUpAt`. Return true to carry it by rail.
  func importReleased(batch: Int32, terminal: Int, teu: Double, pickUpAt: SimTime) -> Bool
  /// A laden export batch of `teu` TEU for terminal `terminal` must be in the yard before
  /// `cutoff`; by truck it would reach the gate at `truckDue`. Return true to bring it by rail.
  func exportAnnounced(batch: Int32, terminal: Int, teu: Double, cutoff: SimTime, truckDue: SimTime) -> Bool
}
