import Foundation
import Models
import Testing

@Suite struct RingQualityTests {
  let category = RingCategory(name: "leafy", shelfLife: 288, threshold: 0.5, coldTemperature: 1,
                              lotMass: .constant(5), orderSize: .constant(2))
  let bands = [TemperatureBand(upper: 10, q10: 3), TemperatureBand(upper: 20, q10: 2.5),
               TemperatureBand(upper: 30, q10: 2), TemperatureBand(upper: 40, q10: 1.5)]

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
}
