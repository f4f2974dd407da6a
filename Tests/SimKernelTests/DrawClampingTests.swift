import SimKernel
import Testing

/// The run-time conversions of draws and computed times clamp instead of trapping (Issue 17):
/// `Int(1e308)` or `Int(Double.nan)` would stop the process with a trap.
@Suite struct DrawClampingTests {
  @Test func intConversionClampsExtremesInsteadOfTrapping() {
    #expect(Int(clamping: 1e308, to: 0...23) == 23)
    #expect(Int(clamping: .infinity, to: 1...100_000) == 100_000)
    #expect(Int(clamping: -.infinity, to: 1...100_000) == 1)
    #expect(Int(clamping: .nan, to: 0...23) == 0)
    #expect(Int(clamping: -1e300, to: -5...5) == -5)
    #expect(Int(clamping: 9.3e18, to: 0...Int.max) == Int.max)
    #expect(Int(clamping: -9.3e18, to: Int.min...0) == Int.min)
  }

  @Test func intConversionInsideTheRangeTruncatesAsIntDoes() {
    for x in [0.0, 0.99, 7.5, 22.999, 23.0, -0.5] {
      #expect(Int(clamping: x, to: -1...23) == Int(x), "\(x)")
    }
    #expect(Int(clamping: 4_611_686_018_427_387_904.0, to: 0...Int.max) == 1 << 62)
  }

  @Test func doubleClampKeepsValuesInsideAndSendsNaNToTheLowerBound() {
    #expect(2125.0.clamped(to: 1...100_000) == 2125)
    #expect(1e308.clamped(to: 1...100_000) == 100_000)
    #expect((-3.0).clamped(to: 1...100_000) == 1)
    #expect(Double.nan.clamped(to: 1...100_000) == 1)
    #expect(Double.infinity.clamped(to: 1...100_000) == 100_000)
  }
}
