import SimKernel
import Testing

@testable import Models

/// Times far beyond any horizon (1e308 h, infinity, NaN) reach the model's own conversions
/// without trapping (Issue 17): the rail timetable's departure number, the order intensity's
/// hour, the outdoor-loss integration's step count. Scenario bounds keep them from happening;
/// these are the defence in depth.
@Suite struct ExtremeTimeTests {
  @Test func timetableFirstDepartureOfAHugeTimeDoesNotTrap() {
    // Int((1e308 / 24).rounded(.down)) trapped here (exit 132) before Issue 17.
    let t = RailTimetable(cycle: 24, offsets: [6, 18])
    for time in [1e308, .infinity, .nan, 1e20] {
      let k = t.firstDeparture(atOrAfter: time)
      #expect(k >= 0, "\(time)")
      #expect(t.departure(k) >= 24 * 0x1p40, "\(time): a departure no run reaches")
    }
    // Ordinary times are unchanged.
    #expect(t.firstDeparture(atOrAfter: 0) == 0)
    #expect(t.firstDeparture(atOrAfter: 7) == 1)
    #expect(t.firstDeparture(atOrAfter: 24 * 1000 + 6) == 2000)
  }

  @Test func orderIntensityOfAnExtremeHourDoesNotTrap() {
    let d = RingDestination(
      name: "Market", latitude: 39.8, longitude: 116.4, dailyDemand: [1],
      hourlyPattern: (0..<24).map { Double($0 + 1) })
    #expect(d.intensity(atHour: 1e308) == d.intensity(atHour: 23))
    #expect(d.intensity(atHour: .nan) == d.intensity(atHour: 0))
    #expect(d.intensity(atHour: 5.5) == 6.0 * 24 / 300)
  }

  @Test func outdoorLossOverAnEnormousIntervalIsBoundedWork() {
    let category = RingCategory(
      name: "leafy", shelfLife: 48, threshold: 0.5, coldTemperature: 2,
      lotMass: .constant(1), orderSize: .constant(1))
    let model = QualityModel(category: category, bands: [TemperatureBand(upper: 50, q10: 2)])
    let ambient = AmbientProfile(mean: 20)
    // 1e300 hours: at most 4,000,000 steps instead of Int(2e300) (a trap).
    let loss = ambient.loss(model, from: 0, to: 1e300)
    #expect(loss > 0)
  }
}
