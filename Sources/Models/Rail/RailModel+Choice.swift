import Foundation
import SimKernel

/// Mode choice: generalised cost per TEU of rail and of truck, fixed per corridor for a run.
extension RailModel {
  /// Generalised costs (CNY per TEU) of a corridor: price − subsidy + value of time ×
  /// door-to-door hours. Rail time = handling at the port + half the headway (expected
  /// wait) + transit + crossing delay + drayage; truck time = road km ÷ speed. The onward
  /// leg beyond a border crossing is common to both modes and left out.
  public static func generalisedCosts(_ corridor: RailCorridor, _ config: RailConfig)
    -> (rail: Double, truck: Double, railHours: Double, truckHours: Double)
  {
    let m = config.choice
    let truckPerTEUKm = m.truckCNYPerKm / m.teuPerTruck
    let truckHours = corridor.roadKm / m.truckSpeedKmh
    let railHours =
      config.yard.handlingTime.mean + corridor.timetable.headway / 2 + corridor.transit.mean
      + corridor.crossingDelay.mean + corridor.drayageKm / m.truckSpeedKmh
    let subsidy = corridor.subsidyPerTEU ?? m.subsidyPerTEU
    let rail =
      corridor.railKm * m.railCNYPerTEUKm + m.railTerminalCNY + corridor.drayageKm * truckPerTEUKm - subsidy
      + m.valueOfTime * railHours
    let truck = corridor.roadKm * truckPerTEUKm + m.valueOfTime * truckHours
    return (rail, truck, railHours, truckHours)
  }

  /// The probability that a box of the corridor takes rail: logit in the cost difference,
  /// or 0/1 when the scale is 0 (ties go to the truck).
  public static func railProbability(_ corridor: RailCorridor, _ config: RailConfig) -> Double {
    let gc = generalisedCosts(corridor, config)
    let scale = config.choice.scale
    guard scale > 0 else { return gc.rail < gc.truck ? 1 : 0 }
    return 1 / (1 + exp((gc.rail - gc.truck) / scale))
  }

  func precompute(corridor c: Int) {
    let corridor = config.corridors[c]
    let gc = Self.generalisedCosts(corridor, config)
    railProbability.append(Self.railProbability(corridor, config))
    generalisedCost.append((gc.rail, gc.truck))
    subsidyPerTEU.append(corridor.subsidyPerTEU ?? config.choice.subsidyPerTEU)
    truckHours.append(gc.truckHours)
    let dray = corridor.drayageKm / config.choice.truckSpeedKmh
    drayageHours.append(dray)
    expectedInbound.append(
      corridor.crossingDelay.mean + corridor.transit.mean
        + config.yard.handlingTime.mean)
  }

  /// The corridor of a uniform draw by the demand shares, or -1 for a road-only box.
  func corridor(for u: Double) -> Int {
    for (c, limit) in cumulativeShare.enumerated() where u < limit { return c }
    return -1
  }

  /// Calendar closures plus random ones (Poisson, drawn up front from the corridor's own
  /// stream), sorted and merged.
  static func closureCalendar(_ corridor: RailCorridor, until end: SimTime, stream: RandomStream) -> [Range<SimTime>] {
    var list = corridor.closures
    if corridor.randomClosuresPerYear > 0 {
      let mean = 8760 / corridor.randomClosuresPerYear
      var t = stream.exponential(mean: mean)
      while t < end {
        list.append(t..<(t + Swift.max(1e-9, corridor.closureDuration.sample(stream))))
        t += stream.exponential(mean: mean)
      }
    }
    list.sort { $0.lowerBound < $1.lowerBound }
    var merged: [Range<SimTime>] = []
    for r in list {
      if let last = merged.last, r.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<Swift.max(last.upperBound, r.upperBound)
      } else {
        merged.append(r)
      }
    }
    return merged
  }

  /// Books the truck leg of `teu` TEU over `km` road km: emissions (empty returns
  /// included) and freight cost.
  func bookTrucks(teu: Double, km: Double) {
    guard km > 0, teu > 0 else { return }
    let kg = config.emissions.truckKg(teu: teu, km: km, teuPerTruck: config.choice.teuPerTruck)
    metrics.co2Truck += kg
    emissions.add(kg: kg, source: truckSource)
    costs.add(cny: teu / config.choice.teuPerTruck * km * config.choice.truckCNYPerKm, category: truckFreight)
  }

  /// Books the rail leg of a box: its freight (net of subsidy), the subsidy, and the drayage truck.
  func bookRail(teu: Double, corridor c: Int) {
    let corridor = config.corridors[c]
    let price = teu * (corridor.railKm * config.choice.railCNYPerTEUKm + config.choice.railTerminalCNY)
    let subsidy = Swift.min(price, teu * subsidyPerTEU[c])
    costs.add(cny: price - subsidy, category: railFreight)
    costs.add(cny: subsidy, category: subsidyCost)
    metrics.subsidy[c] += subsidy
    bookTrucks(teu: teu, km: corridor.drayageKm)
  }
}
