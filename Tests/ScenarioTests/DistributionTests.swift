import Scenario
import SimKernel
import Testing

@Suite struct DistributionTests {
  static let valid: [(String, UnitKind, Distribution)] = [
    ("exp(mean: 6h)", .duration, .exponential(mean: 6)),
    ("exponential(mean=30min)", .duration, .exponential(mean: 0.5)),
    ("exp(2d)", .duration, .exponential(mean: 48)),
    ("erlang(k: 2, mean: 24h)", .duration, .erlang(k: 2, mean: 24)),
    ("gamma(shape: 2, scale: 3h)", .duration, .gamma(shape: 2, scale: 3)),
    ("lognormal(mean: 4d, sd: 2d)", .duration, .lognormal(mean: 96, sd: 48)),
    ("normal(mean: 10, sd: 2, min: 0, max: 20)", .none, .normal(mean: 10, sd: 2, min: 0, max: 20)),
    ("normal(mean: 10, sd: 2)", .none, .normal(mean: 10, sd: 2, min: nil, max: nil)),
    ("uniform(500, 1500)", .none, .uniform(min: 500, max: 1500)),
    ("uniform(min: 1h, max: 2h)", .duration, .uniform(min: 1, max: 2)),
    ("triangular(1, 2, 4)", .none, .triangular(min: 1, mode: 2, max: 4)),
    ("triangular(min: 1, mode: 2, max: 4)", .none, .triangular(min: 1, mode: 2, max: 4)),
    ("weibull(shape: 1.5, scale: 10h)", .duration, .weibull(shape: 1.5, scale: 10)),
    ("empirical([1, 2, 2, 3])", .none, .empirical([1, 2, 2, 3])),
    ("empirical([30min, 1h])", .duration, .empirical([0.5, 1])),
    ("constant(5)", .none, .constant(5)),
    ("5", .none, .constant(5)),
    ("45min", .duration, .constant(0.75)),
  ]

  @Test(arguments: valid.indices)
  func parsesEachForm(_ index: Int) throws {
    let (text, unit, expected) = Self.valid[index]
    #expect(try DistributionParser.parse(text, unit: unit).get() == expected, "\(text)")
  }

  static let invalid: [(String, UnitKind, String)] = [
    ("exp(mean: 0h)", .duration, "exp: 'mean' must be > 0, found 0h"),
    ("exp(mean: 6)", .duration, "exp: 'mean' expected a duration such as 45min, 6h or 2d, found '6'"),
    ("erlang(k: 2.5, mean: 1h)", .duration, "erlang: 'k' must be a whole number ≥ 1, found 2.5"),
    ("erlang(k: 0, mean: 1h)", .duration, "erlang: 'k' must be a whole number ≥ 1, found 0"),
    ("lognormal(mean: 4d, sd: -1d)", .duration, "lognormal: 'sd' must be ≥ 0, found -1d"),
    ("triangular(1, 5, 4)", .none, "triangular: 'mode' must be between min and max (min ≤ mode ≤ max), found 5"),
    ("uniform(5, 1)", .none, "uniform: 'max' must be ≥ min (5), found 1"),
    ("normal(mean: 1, sd: 1, min: 5, max: 2)", .none, "normal: 'max' must be ≥ min (5), found 2"),
    ("empirical([])", .none, "empirical: the list of values is empty; give at least one"),
    ("gamma(shape: 2)", .duration, "gamma needs 'scale' (parameters: shape, scale)"),
    ("exp(mean: 1h, mean: 2h)", .duration, "exp: 'mean' is given twice"),
    ("exp(avg: 1h)", .duration, "exp has no parameter 'avg'; its parameters are mean"),
    ("uniform(1, 2, 3)", .none, "uniform takes at most 2 argument(s): min, max"),
    ("exp(mean: 1h", .duration, "exp(…) is missing its closing ')'"),
    (
      "expo(mean: 1h)", .duration,
      "unknown distribution 'expo'; known: constant, empirical, erlang, exp, gamma, lognormal, normal, triangular, uniform, weibull"
    ),
    ("fast", .duration, "expected a distribution such as exp(mean: …) or a constant, found 'fast'"),
  ]

  @Test(arguments: invalid.indices)
  func rejectsInvalidParameters(_ index: Int) {
    let (text, unit, message) = Self.invalid[index]
    guard case .failure(let failure) = DistributionParser.parse(text, unit: unit) else {
      Issue.record("\(text) should fail")
      return
    }
    #expect(failure.message == message)
  }

  @Test func misspeltNameGetsSuggestionAndOffset() {
    guard case .failure(let failure) = DistributionParser.parse("lognormel(mean: 1h, sd: 1h)", unit: .duration) else {
      Issue.record("should fail")
      return
    }
    #expect(failure.suggestion == "lognormal")
    guard case .failure(let bad) = DistributionParser.parse("exp(mean: 6)", unit: .duration) else { return }
    #expect(bad.offset == 10)
  }
}
