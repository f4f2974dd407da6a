import Scenario
import Testing

/// A distribution of durations with a negative mean is refused (models take negative draws as
/// 0), unless it is truncated at a min that keeps its mean ≥ 0 or the key is a signed deviation.
struct DurationSignTests {
  static let schema = Schema([
    .distribution("service", of: .duration, default: "1h", doc: "A length of time"),
    .distribution("jitter", of: .duration, default: "0h", signed: true, doc: "A deviation from a slot"),
  ])

  func problem(_ yaml: String) -> ScenarioError? {
    Fixtures.error { () throws(ScenarioError) in
      try Self.schema.validate(try ScenarioNode.parse(yaml: yaml, file: "d.yaml"))
    }
  }

  @Test func negativeMeansAreRefusedWithTheKeyPath() {
    let normal = problem("service: \"normal(mean: -2h, sd: 1h)\"\n")
    #expect(normal?.keyPath == "service" && normal?.location?.line == 1)
    #expect(normal?.message.contains("has a negative mean (-2 h) and no min") == true, "\(String(describing: normal))")
    #expect(problem("service: -30min\n")?.message == "a duration cannot be negative, found -30min")
    #expect(problem("service: \"empirical([-1h, -2h, 1h])\"\n")?.message.contains("has a negative mean") == true)
    #expect(problem("service: \"uniform(-3h, 1h)\"\n")?.message.contains("has a negative mean (-1 h)") == true)
    // A min below zero that leaves the mean negative does not make it a duration.
    #expect(problem("service: \"normal(mean: -2h, sd: 1h, min: -5h)\"\n") != nil)
  }

  @Test func aMinThatKeepsTheMeanPositiveAndSignedKeysAreAccepted() {
    #expect(problem("service: \"normal(mean: -1h, sd: 2h, min: 0h)\"\n") == nil)
    #expect(problem("service: \"normal(mean: 2h, sd: 1h)\"\n") == nil)
    #expect(problem("service: 0h\n") == nil)
    #expect(problem("jitter: \"normal(mean: -1h, sd: 1h)\"\n") == nil)
    #expect(problem("jitter: -2h\n") == nil)
  }
}
