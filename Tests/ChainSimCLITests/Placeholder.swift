import Testing
@Test func placeholder_ChainSimCLITests() {}
