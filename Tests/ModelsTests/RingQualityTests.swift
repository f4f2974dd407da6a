import Foundation
import Testing

@testable import Models

@Suite struct RingQualityTests {
  let category = RingCategory(
    name: "leafy", shelfLife: 288, threshold: 0.5, coldTemperature: 1,
    lotMass: .constant(5), orderSize: .constant(2))
  let bands = [
    TemperatureBand(upper: 10, q10: 3), TemperatureBand(upper: 20, q10: 2.5),
    TemperatureBand(upper: 30, q10: 2), TemperatureBand(upper: 40, q10: 1.5),
  ]

  @Test func decayEqualsTheClosedFormAtConstantTemperature() {
    let model = QualityModel(category: category, bands: bands)
    // At 0 °C a lot reaches the threshold after exactly its shelf life.
    #expect(abs(model.quality(after: 288, at: 0, from: 1) - 0.5) < 1e-12)
    // At 15 °C: r = 3 · 2.5^0.5; q(t) = 1 − (0.5/288) · r · t.
    let r = 3 * pow(2.5, 0.5)
    #expect(abs(model.relativeRate(at: 15) - r) < 1e-12)
    for t in [1.0, 10, 50] {
      #expect(abs(model.quality(after: t, at: 15, from: 1) - (1 - 0.5 / 288 * r * t)) < 1e-12)
    }
    #expect(abs(model.hoursToThreshold(from: 1, at: 15) - 288 / r) < 1e-9)
    // The table of CAL §3 (Table 20.4): relative rates 1, 3, 7.5, 15, 22.5 at 0–40 °C.
    for (t, expected) in [(0.0, 1.0), (10, 3), (20, 7.5), (30, 15), (40, 22.5)] {
      #expect(abs(model.relativeRate(at: t) - expected) < 1e-9)
    }
  }

  @Test func q10RatioHoldsWithinOneBand() {
    let model = QualityModel(category: category, bands: bands)
    for (low, high, q10) in [(12.0, 18.0, 2.5), (1.0, 9.0, 3.0), (21.0, 29.0, 2.0)] {
      let ratio = model.lossRate(at: high) / model.lossRate(at: low)
      #expect(abs(ratio - pow(q10, (high - low) / 10)) < 1e-12)
    }
  }

  @Test func outdoorIntegrationAtConstantTemperatureMatchesTheClosedForm() {
    let model = QualityModel(category: category, bands: bands)
    let flat = AmbientProfile(mean: 25)
    #expect(abs(flat.loss(model, from: 3, to: 17.3) - model.lossRate(at: 25) * 14.3) < 1e-12)
  }

  @Test func outdoorLossTableAgreesWithTheIntegralAndAddsUp() {
    let model = QualityModel(category: category, bands: bands)
    let ambient = AmbientProfile(mean: 12.5, seasonalAmplitude: 15, warmestDay: 200, dailyAmplitude: 5, warmestHour: 15)
    var table = OutdoorLossTable(model: model, ambient: ambient)
    // On whole half-hour steps the table is the midpoint rule on the same grid.
    for (t0, t1) in [(0.0, 24.0), (4_300.0, 4_372.5), (100.0, 100.5)] {
      let reference = ambient.loss(model, from: t0, to: t1)
      #expect(abs(table.loss(from: t0, to: t1) - reference) <= 1e-12 * Swift.max(1, reference))
    }
    // Between grid points: within a step the rate is constant, so the parts add up to the whole.
    let whole = table.loss(from: 4_800.2, to: 4_871.7)
    let parts = table.loss(from: 4_800.2, to: 4_833.33) + table.loss(from: 4_833.33, to: 4_871.7)
    #expect(abs(whole - parts) < 1e-12)
    // And off the grid it stays close to a fine integration (the daily cycle is smooth).
    let fine = (0..<7_150).reduce(0.0) { sum, k in sum + model.lossRate(at: ambient.celsius(at: 4_800.2 + (Double(k) + 0.5) * 0.01)) * 0.01
    }
    #expect(abs(whole - fine) / fine < 1e-3)
    #expect(table.loss(from: 10, to: 5) == 0)
  }
}
