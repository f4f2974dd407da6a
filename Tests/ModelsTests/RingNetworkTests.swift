import SimKernel
import Testing

@testable import Models

@Suite struct RingNetworkTests {
  @Test func noOvertakingOnALink() throws {
    // A slow truck enters first; fast trucks entering later never leave the link earlier.
    var net = try RingNetwork(ringConfig())
    let link = 0
    var last = -Double.infinity
    var t = 0.0
    for k in 0..<200 {
      t += Double(k % 7) * 0.05
      let exit = net.traverse(link: link, entering: t, speedFactor: k % 5 == 0 ? 0.3 : 1.2, permit: true)
      #expect(exit >= last)
      #expect(exit >= t)
      last = exit
    }
  }

  @Test func entryWindowHoldsTrucksWithoutPermit() {
    let w = EntryWindow(start: 23, end: 6)
    #expect(w.nextOpen(atOrAfter: 10) == 23)
    #expect(w.nextOpen(atOrAfter: 2) == 2)
    #expect(w.nextOpen(atOrAfter: 23.5) == 23.5)
    #expect(w.nextOpen(atOrAfter: 24 + 7) == 24 + 23)
    // Monotone: a later arrival at the entrance never enters earlier.
    var last = 0.0
    for i in 0..<480 {
      let open = w.nextOpen(atOrAfter: Double(i) * 0.1)
      #expect(open >= last)
      last = open
    }
  }
}
