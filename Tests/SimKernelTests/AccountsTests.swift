import Testing

@testable import SimKernel

@Suite struct AccountsTests {
  @Test func emissionsBySource() {
    let account = EmissionsAccount()
    let trucks = account.registerSource("port.trucks")
    let rail = account.registerSource("rail.diesel")
    #expect(account.registerSource("port.trucks") == trucks)  // shared, not duplicated
    #expect(account.source(named: "rail.diesel") == rail)
    #expect(account.source(named: "ring.reefer") == nil)
    account.add(kg: 12.5, source: trucks)
    account.add(kg: 7.5, source: trucks)
    account.add(kg: 3, source: rail)
    account.add(kg: -1, source: rail)  // a credit
    #expect(account.sources == ["port.trucks", "rail.diesel"])
    #expect(account.kilogramsBySource == [20, 2])
    #expect(account.kilograms(source: trucks) == 20)
    #expect(account.totalKilograms == 22)
    account.reset()
    #expect(account.kilogramsBySource == [0, 0] && account.sources.count == 2)
  }

  @Test func costsByCategoryAreSharedByReference() {
    let account = CostAccount()
    let shared = account  // two subsystems holding the same account
    let handling = account.registerCategory("port.handling")
    let haulage = shared.registerCategory("rail.haulage")
    account.add(cny: 1_000, category: handling)
    shared.add(cny: 250.5, category: haulage)
    #expect(account.cnyByCategory == [1_000, 250.5])
    #expect(account.cny(category: haulage) == 250.5)
    #expect(account.totalCNY == 1_250.5)
    #expect(account.categories == ["port.handling", "rail.haulage"])
    #expect(account.category(named: "port.handling") == handling)
    shared.reset()
    #expect(account.totalCNY == 0)
  }
}
