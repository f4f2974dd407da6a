import Testing
@Test func placeholder_ResultsTests() {}
