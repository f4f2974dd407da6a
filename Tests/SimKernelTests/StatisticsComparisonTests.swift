import Testing

@testable import SimKernel

/// Reference values from scipy 1.17.1 (stats.t.ppf / sf, ttest_rel, ttest_ind(equal_var=False),
/// pearsonr), hard-coded with a tolerance.
@Suite struct StatisticsComparisonTests {
  let base: [Double] = [12.1, 14.3, 11.8, 15.2, 13.7, 12.9, 14.8, 13.1]
  let variant: [Double] = [11.4, 13.9, 11.9, 14.1, 12.8, 12.2, 14.0, 12.6]

  @Test func studentTQuantilesAndTails() {
    #expect(isClose(StudentT.quantile(0.975, degreesOfFreedom: 9), 2.2621571627982))
    #expect(isClose(StudentT.quantile(0.95, degreesOfFreedom: 4), 2.1318467863266495))
    #expect(isClose(StudentT.quantile(0.995, degreesOfFreedom: 30), 2.7499956535672254))
    #expect(isClose(StudentT.quantile(0.975, degreesOfFreedom: 4.5), 2.6589123472044034))
    #expect(isClose(StudentT.quantile(0.025, degreesOfFreedom: 9), -2.2621571627982))
    #expect(isClose(StudentT.upperTail(2.0, degreesOfFreedom: 5), 0.050969739414929174))
    #expect(isClose(StudentT.twoSidedPValue(-2.0, degreesOfFreedom: 5), 2 * 0.050969739414929174))
    #expect(StudentT.quantile(1, degreesOfFreedom: 3) == .infinity)
    #expect(StudentT.quantile(0.5, degreesOfFreedom: 0).isNaN)
    #expect(StudentT.quantile(1.5, degreesOfFreedom: 3).isNaN)
  }

  @Test func confidenceInterval() throws {
    let ci = try ConfidenceInterval(samples: base)
    #expect(isClose(ci.mean, 13.4875))
    #expect(isClose(ci.halfWidth, 1.0301707672990639))
    #expect(ci.count == 8 && ci.level == 0.95)
    #expect(ci.contains(13) && !ci.contains(15))
    let ci90 = try ConfidenceInterval(samples: base, level: 0.9)
    #expect(ci90.halfWidth < ci.halfWidth)

    let one = try ConfidenceInterval(samples: [4])
    #expect(one.mean == 4 && one.halfWidth == .infinity)
    let none = try ConfidenceInterval(samples: [])
    #expect(none.mean.isNaN && none.halfWidth == .infinity)
    let flat = try ConfidenceInterval(samples: [2, 2, 2])
    #expect(flat.halfWidth == 0 && flat.lower == 2 && flat.upper == 2)
    #expect(throws: StatisticsError.invalidLevel(1)) { try ConfidenceInterval(samples: base, level: 1) }
  }

  @Test func pairedMatchesScipy() throws {
    let c = try PairedComparison(base: base, variant: variant)
    #expect(c.basis == .tTest)
    #expect(c.count == 8 && c.degreesOfFreedom == 7)
    #expect(isClose(c.meanDifference, -0.625, relative: 1e-12))
    #expect(isClose(c.sdDifference, 0.36547425158474345))
    #expect(isClose(c.t, -4.836912437199348))
    #expect(isClose(c.pValue, 0.0018844309336191732, relative: 1e-8))
    #expect(isClose(c.halfWidth, 0.30554412064180614))
    #expect(isClose(c.correlation ?? .nan, 0.9630479817169222))
    #expect(isClose(c.meanBase, 13.4875) && isClose(c.meanVariant, 12.8625))
    #expect(c.upper < 0 && c.isSignificant())
  }

  @Test func welchMatchesScipy() throws {
    let c = try WelchComparison(base: base, variant: variant)
    #expect(c.basis == .tTest)
    #expect(isClose(c.meanDifference, -0.625, relative: 1e-12))
    #expect(isClose(c.t, -1.099119173401192))
    #expect(isClose(c.degreesOfFreedom, 13.588770479720965))
    #expect(isClose(c.pValue, 0.2908083087204059, relative: 1e-8))
    #expect(isClose(c.halfWidth, 1.2230771073419051))
    #expect(isClose(c.lower, -1.8480771073419051))
    #expect(!c.isSignificant())
  }

  @Test func identicalResultsAreNoDifference() throws {
    let p = try PairedComparison(base: base, variant: base)
    #expect(p.basis == .identical)
    #expect(p.pValue == 1 && p.t == 0 && p.halfWidth == 0 && p.meanDifference == 0)
    #expect(!p.isSignificant())
    let w = try WelchComparison(base: [5, 5, 5], variant: [5, 5, 5, 5])
    #expect(w.basis == .identical)
    #expect(w.pValue == 1 && w.t == 0 && w.halfWidth == 0 && w.degreesOfFreedom == 5)
  }

  @Test func constantNonzeroDifferenceIsADifference() throws {
    let b: [Double] = [1.5, 2.25, 3.0, 4.75]
    let up = try PairedComparison(base: b, variant: b.map { $0 + 2 })
    #expect(up.basis == .constantDifference)
    #expect(up.pValue == 0 && up.t == .infinity && up.halfWidth == 0 && up.meanDifference == 2)
    #expect(up.lower == 2 && up.upper == 2 && up.isSignificant())
    let down = try PairedComparison(base: b, variant: b.map { $0 - 0.5 })
    #expect(down.t == -.infinity && down.pValue == 0)
    let w = try WelchComparison(base: [5, 5, 5], variant: [7, 7, 7])
    #expect(w.basis == .constantDifference && w.pValue == 0 && w.t == .infinity)
    // A shift that is not exact in binary still gives a definite, non-NaN answer.
    let noisy = try PairedComparison(base: base, variant: base.map { $0 + 0.1 })
    #expect(!noisy.pValue.isNaN && noisy.pValue < 1e-6 && !noisy.t.isNaN)
  }

  @Test func tooFewObservations() throws {
    let p = try PairedComparison(base: [1], variant: [2])
    #expect(p.basis == .tooFewObservations && p.pValue == 1 && p.halfWidth == .infinity)
    #expect(p.meanDifference == 1 && p.correlation == nil && !p.t.isNaN)
    let w = try WelchComparison(base: [1], variant: [2, 3])
    #expect(w.basis == .tooFewObservations && w.pValue == 1 && w.halfWidth == .infinity)
    let empty = try PairedComparison(base: [], variant: [])
    #expect(empty.meanDifference == 0 && empty.pValue == 1)
    #expect(throws: StatisticsError.mismatchedPairCount(base: 2, variant: 1)) {
      try PairedComparison(base: [1, 2], variant: [1])
    }
  }

  @Test func correlationUndefinedForAConstantSide() throws {
    let c = try PairedComparison(base: [3, 3, 3], variant: [1, 2, 4])
    #expect(c.correlation == nil)
    #expect(c.basis == .tTest)
  }

  @Test func holmAdjustedPValues() {
    // Hand-computed: sorted 0.005·5, 0.01·4, 0.03·3, 0.04·2 (→ running max 0.09), 0.2·1.
    let adjusted = holmAdjusted(pValues: [0.01, 0.04, 0.03, 0.005, 0.20])
    let expected = [0.04, 0.09, 0.09, 0.025, 0.2]
    for (a, e) in zip(adjusted, expected) { #expect(isClose(a, e, relative: 1e-12)) }
    #expect(holmAdjusted(pValues: [0.5, 0.6]) == [1, 1])  // capped at 1
    #expect(holmAdjusted(pValues: []) == [])
    #expect(holmAdjusted(pValues: [0.02, 0.02]) == [0.04, 0.04])
    #expect(holmAdjusted(pValues: [.nan, 0.01]) == [1, 0.02])
    // Monotone: a larger raw p-value never gets a smaller adjusted one.
    let raw = [0.3, 0.001, 0.04, 0.02, 0.011, 0.5, 0.012]
    let adj = holmAdjusted(pValues: raw)
    for i in raw.indices { for j in raw.indices where raw[i] < raw[j] { #expect(adj[i] <= adj[j]) } }
    for i in raw.indices { #expect(adj[i] >= raw[i]) }
  }
}

@Suite struct StatisticsQueueingFormulaTests {
  /// Erlang C from the textbook sum, independent of the library's Erlang-B recursion.
  func erlangCBySum(c: Int, a: Double) -> Double {
    var term = 1.0
    var sum = 0.0
    for k in 0..<c {
      sum += term
      term *= a / Double(k + 1)
    }
    let top = term / (1 - a / Double(c))  // a^c / c! / (1 − ρ)
    return top / (sum + top)
  }

  @Test func erlangCForMM3() {
    let c = QueueingFormulas.erlangC(servers: 3, offeredLoad: 2.7)
    #expect(isClose(c, 0.8170610211706103, relative: 1e-12))
    #expect(isClose(c, erlangCBySum(c: 3, a: 2.7), relative: 1e-12))
    let wq = QueueingFormulas.mmcMeanWait(arrivalRate: 2.7, serviceRate: 1, servers: 3)
    #expect(isClose(wq, 2.7235367372353694, relative: 1e-12))
    #expect(isClose(QueueingFormulas.mmcMeanQueueLength(arrivalRate: 2.7, serviceRate: 1, servers: 3), 2.7 * wq))
    for (c, a) in [(1, 0.5), (5, 4.2), (20, 17.0), (50, 30.0)] {
      #expect(isClose(QueueingFormulas.erlangC(servers: c, offeredLoad: a), erlangCBySum(c: c, a: a), relative: 1e-10))
    }
  }

  @Test func mm1AndPollaczekKhinchineAgree() {
    // M/M/1: C = ρ and Wq = ρ/(μ − λ).
    #expect(isClose(QueueingFormulas.erlangC(servers: 1, offeredLoad: 0.8), 0.8))
    let mm1 = QueueingFormulas.mmcMeanWait(arrivalRate: 0.8, serviceRate: 1, servers: 1)
    #expect(isClose(mm1, 4))
    // P-K with exponential service (E[S²] = 2) equals M/M/1; deterministic service halves it.
    #expect(isClose(QueueingFormulas.mg1MeanWait(arrivalRate: 0.8, serviceMean: 1, serviceSecondMoment: 2), mm1))
    #expect(isClose(QueueingFormulas.mg1MeanWait(arrivalRate: 0.8, serviceMean: 1, serviceSCV: 1), mm1))
    #expect(isClose(QueueingFormulas.mg1MeanWait(arrivalRate: 0.8, serviceMean: 1, serviceSCV: 0), 2))
  }

  @Test func unstableQueues() {
    #expect(QueueingFormulas.erlangC(servers: 2, offeredLoad: 2) == 1)
    #expect(QueueingFormulas.mmcMeanWait(arrivalRate: 3, serviceRate: 1, servers: 3) == .infinity)
    #expect(QueueingFormulas.mg1MeanWait(arrivalRate: 1, serviceMean: 1, serviceSCV: 1) == .infinity)
  }
}

@Suite struct StatisticsQueueingSimulationTests {
  /// M/E₂/1 by Lindley's recursion `W₊ = max(0, W + S − A)`, with the library's sampling, against
  /// Pollaczek–Khinchine; the batch-means interval must cover the formula.
  @Test func lindleyRecursionMatchesPollaczekKhinchine() throws {
    let stream = RandomStream(seed: 99, replication: 0, subsystem: "test", purpose: "mg1")
    let interarrival = Distribution.exponential(mean: 2)  // λ = 0.5
    let service = Distribution.erlang(k: 2, mean: 1)  // scv = 0.5
    let expected = QueueingFormulas.mg1MeanWait(
      arrivalRate: 0.5, serviceMean: service.mean, serviceSecondMoment: service.variance + 1)
    #expect(isClose(expected, 0.75))
    var wait = 0.0
    var batches = Tally()
    let batchSize = 10_000
    for _ in 0..<1_000 { wait = max(0, wait + service.sample(stream) - interarrival.sample(stream)) }
    for _ in 0..<30 {
      var batch = Tally()
      for _ in 0..<batchSize {
        batch.add(wait)
        wait = max(0, wait + service.sample(stream) - interarrival.sample(stream))
      }
      batches.add(batch.mean)
    }
    let ci = try ConfidenceInterval(batches, level: 0.99)
    #expect(ci.contains(expected), "batch means \(ci.mean) ± \(ci.halfWidth) vs \(expected)")
    #expect(ci.halfWidth < 0.05)
  }
}
