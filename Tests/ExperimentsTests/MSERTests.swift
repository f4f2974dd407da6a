import Experiments
import Foundation
import Testing

@Suite struct MSERTests {
  /// A fixed pseudo-random sequence (SplitMix64 → uniform → Box–Muller), so the tests are exact.
  func noise(_ n: Int, seed: UInt64) -> [Double] {
    var state = seed
    func next() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
    }
    return (0..<n).map { _ in (-2 * log(next())).squareRoot() * cos(2 * .pi * next()) }
  }

  @Test func aSingleOutlierAtTheStartIsCut() {
    // MSER(0) = (Σ(y − 5/3)²)/36 > 0 and MSER(1) = 0: delete exactly one batch.
    #expect(MSER.truncation([10, 0, 0, 0, 0, 0]) == .truncate(batches: 1))
  }

  @Test func aStationarySeriesNeedsLittleOrNoWarmup() {
    let y = noise(200, seed: 11).map { 5 + $0 }
    guard case let .truncate(d) = MSER.truncation(y) else { Issue.record("expected an estimate"); return }
    #expect(d < 20)
  }

  @Test func aTransientIsFoundNearItsEnd() {
    // An exponential start-up (time constant 10 batches, 8 units high) on unit noise: the
    // start-up falls below the noise's standard error after about 30-40 batches.
    let y = noise(300, seed: 5).enumerated().map { i, e in 8 * exp(-Double(i) / 10) + e }
    guard case let .truncate(d) = MSER.truncation(y) else { Issue.record("expected an estimate"); return }
    #expect(d >= 15 && d <= 60, "truncation at \(d)")
  }

  @Test func aTrendHasNoEstimate() {
    let y = noise(100, seed: 3).enumerated().map { i, e in Double(i) * 0.2 + 0.1 * e }
    guard case .notSettled = MSER.truncation(y) else { Issue.record("a trend must not settle: \(MSER.truncation(y))"); return }
  }

  @Test func shortOrBrokenSeriesSayNothing() {
    #expect(MSER.truncation([1, 2, 3]) == .tooShort)
    #expect(MSER.truncation([1, 2, .nan, 4, 5]) == .tooShort)
  }

  @Test func batchMeansDropAPartialBatch() {
    #expect(MSER.batchMeans([1, 2, 3, 4, 5, 6, 7], size: 3) == [2, 5])
  }
}
