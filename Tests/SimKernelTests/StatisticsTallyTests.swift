import Testing

@testable import SimKernel

@Suite struct StatisticsTallyTests {
  let data: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]

  @Test func meanVarianceMinMax() {
    let t = Tally(data)
    #expect(t.count == 8)
    #expect(t.sum == 31)
    #expect(isClose(t.mean, 3.875))
    #expect(isClose(t.variance, 7.553571428571429))  // numpy var(ddof=1)
    #expect(isClose(t.sd, 7.553571428571429.squareRoot()))
    #expect(isClose(t.populationVariance, 7.553571428571429 * 7 / 8))
    #expect(t.min == 1)
    #expect(t.max == 9)
  }

  @Test func welfordIsAccurateWithALargeOffset() {
    // The textbook case where the naive sum-of-squares formula loses every digit.
    let t = Tally([4, 7, 13, 16].map { 1e9 + $0 })
    #expect(isClose(t.mean, 1e9 + 10))
    #expect(isClose(t.variance, 30, relative: 1e-12))
  }

  @Test func percentilesMatchGSLLinearInterpolation() {
    let t = Tally(data, keepsSamples: true)
    // numpy.quantile(x, p) (method "linear") == gsl_stats_quantile_from_sorted_data
    let expected: [(Double, Double)] = [
      (0, 1), (0.1, 1), (0.25, 1.75), (0.5, 3.5), (0.9, 6.9), (0.95, 7.95), (1, 9),
    ]
    for (p, q) in expected {
      #expect(isClose(t.percentile(p), q, relative: 1e-12), "p = \(p)")
    }
    #expect(t.percentiles([0.25, 0.5]) == [t.percentile(0.25), t.percentile(0.5)])
    #expect(t.percentile(-1) == 1)  // clamped
    #expect(t.percentile(2) == 9)
    #expect(t.samples == data)  // arrival order kept
  }

  @Test func conventionsForFewObservations() {
    var t = Tally(keepsSamples: true)
    #expect(t.mean.isNaN && t.min.isNaN && t.max.isNaN && t.variance.isNaN)
    #expect(t.percentile(0.5).isNaN)
    t.add(2.5)
    #expect(t.mean == 2.5)
    #expect(t.variance.isNaN)
    #expect(t.percentile(0.9) == 2.5)
    t.add(2.5)
    #expect(t.variance == 0)  // equal observations give exactly zero

    let noSamples = Tally(data)
    #expect(noSamples.percentile(0.5).isNaN)
    #expect(noSamples.samples.isEmpty)
  }

  @Test func resetForgetsEverything() {
    var t = Tally(data, keepsSamples: true)
    t.reset()
    #expect(t == Tally(keepsSamples: true))
    t.add(7)
    #expect(t.count == 1 && t.mean == 7 && t.min == 7 && t.max == 7 && t.samples == [7])
  }
}

@Suite struct StatisticsTimeWeightedTests {
  @Test func meanOfAStepFunction() {
    var level = TimeWeighted(initial: 0, at: 0)
    level.record(2, at: 1)
    level.record(5, at: 3)
    level.record(1, at: 4)
    // ∫ = 0·1 + 2·2 + 5·1 + 1·2 = 11 over [0, 6]
    #expect(isClose(level.integral(until: 6), 11))
    #expect(isClose(level.mean(until: 6), 11.0 / 6))
    #expect(level.integral == 9)  // up to the last change at 4
    #expect(level.max == 5)
    #expect(level.min == 0)
    #expect(level.current == 1)
  }

  @Test func resetKeepsTheLevelAndRestartsTheIntegral() {
    var level = TimeWeighted(initial: 0, at: 0)
    level.record(2, at: 1)
    level.record(5, at: 3)
    level.record(1, at: 4)
    level.reset(at: 4.5)
    #expect(level.current == 1)
    #expect(level.startTime == 4.5)
    #expect(level.mean(until: 4.5) == 1)  // no elapsed time: the current level
    #expect(isClose(level.mean(until: 6.5), 1))
    level.record(3, at: 5.5)
    // ∫ over [4.5, 6.5] = 1·1 + 3·1 = 4
    #expect(isClose(level.mean(until: 6.5), 2))
    #expect(level.max == 3)  // the warm-up peak of 5 is forgotten
    #expect(level.min == 1)
  }

  @Test func addChangesTheLevelByADelta() {
    var queue = TimeWeighted()
    queue.add(1, at: 0.5)
    queue.add(1, at: 1.0)
    queue.add(-1, at: 2.0)
    #expect(queue.current == 1)
    // ∫ = 0·0.5 + 1·0.5 + 2·1 + 1·1 = 3.5 over [0, 3]
    #expect(isClose(queue.mean(until: 3), 3.5 / 3))
  }
}

@Suite struct StatisticsHistogramTests {
  @Test func binsUnderflowOverflow() throws {
    var h = try Histogram(edges: [0, 1, 2, 5])
    for x in [-1, 0, 0.5, 1, 4.9, 5, 7, .nan] { h.add(x) }
    #expect(h.underflow == 1)
    #expect(h.counts == [2, 1, 2])  // 5 is the closed upper edge of the last bin
    #expect(h.overflow == 2)  // 7 and NaN
    #expect(h.total == 8)
    #expect(h.binIndex(of: 1) == 1)
    #expect(h.binIndex(of: 0.999) == 0)
    #expect(h.binIndex(of: 5) == 2)
    #expect(h.binIndex(of: 5.0001) == nil)
    h.reset()
    #expect(h.total == 0 && h.counts == [0, 0, 0])
  }

  @Test func equalBinsAndPercentiles() throws {
    var h = try Histogram(lower: 0, upper: 100, binCount: 10)
    #expect(h.edges.count == 11 && h.edges[3] == 30 && h.edges[10] == 100)
    #expect(h.percentile(0.5).isNaN)
    for i in 0..<100 { h.add(Double(i) + 0.5) }
    #expect(h.counts == Array(repeating: 10, count: 10))
    #expect(isClose(h.percentile(0.5), 50))
    #expect(isClose(h.percentile(0.95), 95))
    #expect(isClose(h.percentile(0.0), 0))
    #expect(isClose(h.percentile(1.0), 100))
    h.add(-5)
    h.add(500)
    #expect(h.percentile(0) == 0)  // underflow sits at the first edge
    #expect(h.percentile(1) == 100)  // overflow at the last
  }

  @Test func invalidEdgesAreRejected() {
    #expect(throws: StatisticsError.self) { try Histogram(edges: [1]) }
    #expect(throws: StatisticsError.self) { try Histogram(edges: [0, 2, 2]) }
    #expect(throws: StatisticsError.self) { try Histogram(edges: [0, .infinity]) }
    #expect(throws: StatisticsError.self) { try Histogram(lower: 1, upper: 1, binCount: 3) }
    #expect(throws: StatisticsError.self) { try Histogram(lower: 0, upper: 1, binCount: 0) }
  }
}
