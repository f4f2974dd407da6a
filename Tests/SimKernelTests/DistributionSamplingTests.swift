import Testing

@testable import SimKernel

@Suite struct DistributionSamplingTests {
  /// Each case with its analytic mean and variance (scipy 1.17.1 where not closed-form by hand).
  static let cases: [(name: String, dist: Distribution, mean: Double, variance: Double)] = [
    ("constant", .constant(3.5), 3.5, 0),
    ("exponential", .exponential(mean: 6), 6, 36),
    ("erlang", .erlang(k: 3, mean: 24), 24, 192),
    ("gamma", .gamma(shape: 2, scale: 3), 6, 18),
    ("lognormal", .lognormal(mean: 4, sd: 2), 4, 4),
    ("normal", .normal(mean: 10, sd: 2, min: nil, max: nil), 10, 4),
    ("normal-two-sided", .normal(mean: 10, sd: 4, min: 0, max: 12), 8.047219780794581, 7.053281620913818),
    ("normal-lower", .normal(mean: 1, sd: 2, min: 0, max: nil), 2.018320867674067, 1.9447017427854685),
    ("uniform", .uniform(min: 500, max: 1500), 1000, 1_000_000.0 / 12),
    ("triangular", .triangular(min: 1, mode: 2, max: 4), 7.0 / 3, 7.0 / 18),
    ("weibull", .weibull(shape: 1.5, scale: 10), 9.027452929509336, 37.5690284813932),
    ("empirical", .empirical([1, 2, 2, 3, 10]), 3.6, 10.64),
  ]

  @Test func analyticMomentsMatchReferenceValues() {
    for c in Self.cases {
      #expect(isClose(c.dist.mean, c.mean, relative: 1e-9), "\(c.name) mean")
      #expect(isClose(c.dist.variance, c.variance, relative: 1e-9), "\(c.name) variance")
      #expect(c.dist.validationProblem == nil, "\(c.name)")
    }
  }

  @Test(arguments: 0..<cases.count)
  func sampleMeanWithinFourStandardErrors(caseIndex: Int) {
    let c = Self.cases[caseIndex]
    let stream = RandomStream(seed: 20_240_601, replication: 0, subsystem: "test", purpose: c.name)
    let n = 200_000
    var tally = Tally()
    for _ in 0..<n { tally.add(c.dist.sample(stream)) }
    let tolerance = 4 * c.variance.squareRoot() / Double(n).squareRoot()
    #expect(abs(tally.mean - c.mean) <= tolerance, "\(c.name): sample mean \(tally.mean) vs \(c.mean) ± \(tolerance)")
    if c.variance == 0 {
      #expect(tally.variance == 0)
    } else {
      #expect(isClose(tally.variance, c.variance, relative: 0.03), "\(c.name): sample variance \(tally.variance) vs \(c.variance)")
    }
  }

  @Test func truncatedNormalStaysInBounds() {
    let stream = RandomStream(seed: 7, replication: 0, subsystem: "test", purpose: "truncated")
    let narrow = Distribution.normal(mean: 0, sd: 1, min: 2, max: 3)  // keeps 2.1 % of the mass
    #expect(narrow.validationProblem == nil)
    var t = Tally()
    for _ in 0..<20_000 {
      let x = narrow.sample(stream)
      #expect(x >= 2 && x <= 3)
      t.add(x)
    }
    #expect(isClose(t.mean, narrow.mean, relative: 0.01))
    // Bounds that almost never hold are rejected by validation; sampling still stays in bounds
    // (by clamping after the bounded number of tries).
    let impossible = Distribution.normal(mean: 0, sd: 1, min: 10, max: 11)
    #expect(impossible.validationProblem?.contains("keeps only") == true)
    for _ in 0..<5 {
      let x = impossible.sample(stream)
      #expect(x >= 10 && x <= 11)
    }
    #expect(Distribution.normal(mean: 5, sd: 0, min: 0, max: 2).sample(stream) == 2)
  }

  @Test func samplingIsDeterministicPerStream() {
    let d = Distribution.lognormal(mean: 4, sd: 2)
    let a = RandomStream(seed: 1, replication: 3, subsystem: "port", purpose: "dwell")
    let b = RandomStream(seed: 1, replication: 3, subsystem: "port", purpose: "dwell")
    let xs = (0..<100).map { _ in d.sample(a) }
    let ys = (0..<100).map { _ in d.sample(b) }
    #expect(xs == ys)
  }

  @Test func lognormalParameterConversion() {
    let (zeta, sigma) = Distribution.lognormalParameters(mean: 4, sd: 2)
    let s2 = (1.25 as Double).naturalLog()  // σ² = ln(1 + sd²/mean²)
    #expect(isClose(sigma * sigma, s2, relative: 1e-12))
    #expect(isClose(zeta, (4 as Double).naturalLog() - s2 / 2, relative: 1e-12))
  }

  @Test func triangularInverseCDFEnds() {
    #expect(Distribution.triangularInverseCDF(0, min: 1, mode: 2, max: 4) == 1)
    #expect(isClose(Distribution.triangularInverseCDF(1, min: 1, mode: 2, max: 4), 4))
    // F(mode) = (mode − min)/(max − min) = 1/3.
    #expect(isClose(Distribution.triangularInverseCDF(1.0 / 3, min: 1, mode: 2, max: 4), 2))
    #expect(Distribution.triangularInverseCDF(0.5, min: 3, mode: 3, max: 3) == 3)
  }

  @Test func validationProblems() {
    let bad: [Distribution] = [
      .constant(.nan), .exponential(mean: 0), .exponential(mean: -1), .erlang(k: 0, mean: 2),
      .erlang(k: 2, mean: 0), .gamma(shape: 0, scale: 1), .gamma(shape: 1, scale: -1),
      .lognormal(mean: 0, sd: 1), .lognormal(mean: 2, sd: -1), .normal(mean: 0, sd: -1, min: nil, max: nil),
      .normal(mean: 0, sd: 1, min: 2, max: 1), .uniform(min: 2, max: 1), .uniform(min: 0, max: .infinity),
      .triangular(min: 1, mode: 5, max: 4), .weibull(shape: 0, scale: 1), .weibull(shape: 1, scale: 0),
      .empirical([]), .empirical([1, .infinity]),
    ]
    for d in bad { #expect(d.validationProblem != nil, "\(d)") }
    #expect(Distribution.exponential(mean: -1).validationProblem == "exp(mean:) needs a positive, finite mean, got -1.0")
    #expect(Distribution.uniform(min: 2, max: 2).validationProblem == nil)
  }
}

extension Double {
  /// ln(x) by a series, independent of libm, to check the lognormal conversion.
  fileprivate func naturalLog() -> Double {
    // ln x = 2·atanh((x − 1)/(x + 1)) as a series, accurate for moderate x.
    let y = (self - 1) / (self + 1)
    var term = y
    var sum = 0.0
    var k = 1.0
    while abs(term) > 1e-18 {
      sum += term / k
      term *= y * y
      k += 2
    }
    return 2 * sum
  }
}
