import SimKernel

/// A laden box the port offers the rail model, after its destination was drawn: the corridor
/// and route it would use, the uniform that decides rail or truck, and its handling time.
struct RailOffer {
  let corridor: Int
  let route: Int
  let uChoice: Double
  let handling: Double
}

extension RailModel {
  /// Draws a box's hinterland destination, choice uniform and handling time (three draws per
  /// box whatever happens to it, for common random numbers) and counts its demand; nil when
  /// the destination is served by road only (the trucks are booked here).
  func offer(teu: Double, direction: RailDirection, stream: RandomStream) -> RailOffer? {
    let uDestination = stream.uniform()
    let uChoice = stream.uniform()
    let handling = Swift.max(0, config.yard.handlingTime.sample(stream))
    let c = corridor(for: uDestination)
    guard c >= 0 else {
      metrics.roadOnlyTEU[direction.rawValue] += teu
      bookTrucks(teu: teu, km: config.roadOnlyKm)
      return nil
    }
    let r = 2 * c + direction.rawValue
    metrics.demandTEU[r] += teu
    return RailOffer(corridor: c, route: r, uChoice: uChoice, handling: handling)
  }
}
