import Testing
@Test func placeholder_ModelsTests() {}
