import Testing
@Test func placeholder_ScenarioTests() {}
