import Foundation

extension RingConfig {
  /// Warnings for a ring that runs but may mislead: demand of a category above what the bases
  /// harvest, for a category the port's imports do not bring (orders go unmet), supply far above demand (stock piles up and spoils), a base whose
  /// trucks cannot carry its harvest (offered load ≥ 1 on a rough round-trip estimate).
  public func loadWarnings() -> [String] {
    var out: [String] = []
    for (c, category) in categories.enumerated() {
      let supply = bases.reduce(0.0) { $0 + $1.harvestRate[c] * $1.harvestHours }
      let demand = destinations.reduce(0.0) { $0 + $1.dailyDemand[c] }
      let imported = (portSupply?.categoryShares[c] ?? 0) > 0
      if demand > 0, supply < demand, !imported {
        out.append(
          String(
            format:
              "ring.categories[name=%@]: bases harvest %@ t/d but destinations order %@ t/d, and the port imports none; the rest goes unmet",
            category.name, warningNumber(supply, 0), warningNumber(demand, 0)))
      }
    }
    for (b, base) in bases.enumerated() {
      let tonnes = base.harvestRate.reduce(0, +) * base.harvestHours
      let capacity = fleets.filter { !$0.homeIsHub && $0.home == b }.reduce(0.0) { $0 + Double($1.vehicles) * $1.capacity }
      // Rough: at least one round trip of 4 h per truck and day within the harvest window.
      let perDay = capacity * Swift.max(1, base.harvestHours / 4)
      if tonnes > 0, perDay < tonnes {
        out.append(
          String(
            format: "ring.bases[name=%@]: %@ t/d harvested but its trucks carry about %@ t/d; lots will wait and spoil",
            base.name, warningNumber(tonnes, 0), warningNumber(perDay, 0)))
      }
    }
    return out
  }
}
