import Testing
@Test func placeholder_SimKernelTests() {}
