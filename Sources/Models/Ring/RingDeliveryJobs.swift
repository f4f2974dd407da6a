/// Delivery jobs as parallel arrays with slot reuse: one order's portion from one hub (or,
/// for a direct delivery, one base), waiting for a truck or on its way. Orders create them;
/// the hub or base that holds the lots sends a truck with them; the order counts them off as
/// they arrive. Shared by reference between those parts.
final class RingDeliveryJobs {
  /// The order this portion belongs to.
  var order: [Int32] = []
  /// First lot picked for it (chained through the lot table's `next`).
  var lots: [Int32] = []
  /// The hub it is picked at, or −1 − base for a direct delivery from a base.
  var hub: [Int32] = []
  /// The destination's node.
  var destination: [Int32] = []
  private var freeSlots: [Int32] = []

  func allocate(order o: Int32, hub h: Int, lots head: Int32, destination node: Int) -> Int32 {
    if let j = freeSlots.popLast() {
      order[Int(j)] = o; hub[Int(j)] = Int32(h); lots[Int(j)] = head; destination[Int(j)] = Int32(node)
      return j
    }
    order.append(o); hub.append(Int32(h)); lots.append(head); destination.append(Int32(node))
    return Int32(order.count - 1)
  }

  func release(_ j: Int32) {
    freeSlots.append(j)
  }
}
