import SimKernel
import Testing

@testable import Models

/// The model scaffold: the stream factory keeps the stream scheme (a `(purpose, name)` pair is
/// the purpose string `purpose/name` the models used before it), the accounts' sources are
/// named `subsystem.source`, and registration uses the subsystem's fixed tag.
struct ModelContextTests {
  func context(seed: UInt64 = 42, replication: Int = 3) -> ModelContext {
    let sim = Simulation(sampleInterval: 24, horizon: 24 * 10)
    return ModelContext(simulation: sim, seed: seed, replication: replication, accounts: SharedAccounts(simulation: sim))
  }

  @Test func streamsAreTheSchemesStreamsOfPurposeSlashName() {
    let c = context()
    let cases: [(Subsystem, String, String?, String)] = [
      (.port, "arrivals", "UICT", "arrivals/UICT"),
      (.port, "channel", nil, "channel"),
      (.rail, "trains", "Xi'an/import", "trains/Xi'an/import"),
      (.ring, "harvest", "Base A/leafy", "harvest/Base A/leafy"),
      (.recycling, "returns", "Binhai/weee", "returns/Binhai/weee"),
    ]
    for (subsystem, purpose, name, expected) in cases {
      let made = c.stream(subsystem, purpose, name)
      let scheme = RandomStream(seed: 42, replication: 3, subsystem: subsystem.name, purpose: expected)
      #expect(made.derivedSeed == scheme.derivedSeed, "\(subsystem.name) \(expected)")
      #expect(made.uniform() == scheme.uniform())
    }
    // Different replications, subsystems and names give different streams.
    let a = c.stream(.port, "arrivals", "UICT").derivedSeed
    #expect(a != context(replication: 4).stream(.port, "arrivals", "UICT").derivedSeed)
    #expect(a != c.stream(.rail, "arrivals", "UICT").derivedSeed)
    #expect(a != c.stream(.port, "arrivals", "CSP").derivedSeed)
  }

  @Test func accountSourcesAreNamedBySubsystem() {
    let c = context()
    let trains = c.emissionSource(.rail, "trains")
    let subsidy = c.costCategory(.rail, "subsidy")
    #expect(c.accounts.emissions.sources == ["rail.trains"])
    #expect(c.accounts.costs.categories == ["rail.subsidy"])
    // Registering again returns the same index (two models may share a source).
    #expect(c.emissionSource(.rail, "trains") == trains)
    #expect(c.costCategory(.rail, "subsidy") == subsidy)
  }

  @Test func horizonDefaultsToTheLastSampleTime() {
    let sim = Simulation(sampleInterval: 24, horizon: 24 * 10 + 5)
    let accounts = SharedAccounts(simulation: sim)
    #expect(ModelContext(simulation: sim, seed: 1, replication: 0, accounts: accounts).horizon == 240)
    #expect(ModelContext(simulation: sim, seed: 1, replication: 0, accounts: accounts, horizon: 245).horizon == 245)
  }

  @Test func subsystemsKeepTheirFixedTagsAndNames() {
    let all: [Subsystem] = [.port, .rail, .ring, .recycling, .accounts]
    #expect(all.map(\.name) == ["port", "rail", "ring", "recycling", "accounts"])
    #expect(all.map(\.tag.rawValue) == [1, 2, 3, 4, 5])
    #expect(PortModel.subsystem == .port && RailModel.subsystem == .rail && RingModel.subsystem == .ring)
    #expect(RecyclingModel.subsystem == .recycling && SharedAccounts.subsystem == .accounts)
  }
}
