import Testing
@Test func placeholder_ExperimentsTests() {}
