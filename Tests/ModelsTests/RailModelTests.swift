import SimKernel
import Testing

@testable import Models

/// The rail model on its own, fed by scripted boxes: the timetable, capacity and fill,
/// closures at a crossing, and the balance checks.
@Suite struct RailModelTests {
  static let minute = 1.0 / 60

  @Test func timetableNumbersDepartures() {
    let t = RailTimetable(cycle: 24, offsets: [18, 6])
    #expect(t.offsets == [6, 18])
    #expect(t.headway == 12)
    #expect(t.departure(0) == 6 && t.departure(1) == 18 && t.departure(2) == 30)
    #expect(t.firstDeparture(atOrAfter: 0) == 0)
    #expect(t.firstDeparture(atOrAfter: 6) == 0, "a departure exactly now counts")
    #expect(t.firstDeparture(atOrAfter: 6 + Self.minute) == 1)
    #expect(t.firstDeparture(atOrAfter: 100) == 8)
    let weekly = RailTimetable.evenly(2, every: 168, first: 10)
    #expect(weekly.departure(1) == 94 && weekly.departure(2) == 178)
  }

  /// An import whose move into the rail yard ends one minute before the 10:00 train is on
  /// it; one that ends one minute after waits for the next day's train.
  @Test func importReadyOneMinuteBeforeMakesTheTrainOneMinuteAfterMissesIt() {
    for (offset, expectedWait) in [(-Self.minute, Self.minute), (Self.minute, 24 - Self.minute)] {
      // Handling takes 1 h: pick-up one hour before the box is ready in the rail yard.
      let h = RailHarness(railConfig([railCorridor()]), boxes: [ScriptedBox(at: 0, isImport: true, teu: 2, time: 9 + offset)])
      #expect(h.script.accepted == [true])
      #expect(h.port.pickedUp.count == 1 && abs(h.port.pickedUp[0].at - (9 + offset)) < 1e-9)
      #expect(
        abs(h.rail.metrics.wait[0].mean - expectedWait) < 1e-9,
        "ready at 10:00\(offset > 0 ? "+" : "-")1min: waited \(h.rail.metrics.wait[0].mean) h")
      #expect(h.rail.metrics.departedImportTEU == 2)
      // Door to door: from the pick-up time to the dry port (transit 5 h).
      let departure = offset < 0 ? 10.0 : 34.0
      #expect(abs(h.rail.metrics.doorToDoor[0].mean - (departure + 5 - (9 + offset))) < 1e-9)
    }
  }

  /// An export at its origin terminal one minute before the 10:00 train is booked on it and
  /// reaches the port after transit and handling; one minute after goes the next day.
  @Test func exportAtOriginOneMinuteBeforeMakesTheTrain() {
    for (offset, departure) in [(-Self.minute, 10.0), (Self.minute, 34.0)] {
      // Truck 300 km at 60 km/h = 5 h: the box is ready at truckDue − 5 h (no drayage).
      let box = ScriptedBox(at: 0, isImport: false, teu: 2, time: 100, truckDue: 15 + offset)
      let h = RailHarness(railConfig([railCorridor()]), boxes: [box])
      #expect(h.script.accepted == [true])
      #expect(h.port.delivered.count == 1)
      #expect(abs((h.port.delivered.first?.at ?? 0) - (departure + 5 + 1)) < 1e-9, "delivered at \(h.port.delivered)")
      #expect(abs(h.rail.metrics.wait[1].mean - (departure - (10 + offset))) < 1e-9)
    }
  }

  /// No train can reach the port before the cut-off: the export goes by truck.
  @Test func exportThatCannotMakeTheCutoffGoesByTruck() {
    let box = ScriptedBox(at: 0, isImport: false, teu: 2, time: 15, truckDue: 12)
    let h = RailHarness(railConfig([railCorridor()]), boxes: [box])
    #expect(h.script.accepted == [false])
    #expect(h.port.delivered.isEmpty)
    #expect(h.rail.metrics.co2Truck > 0)
  }

  /// Ten boxes of 1.5 TEU for trains of 4 TEU: each train takes two (fill 0.75), the rest
  /// miss it and go on the following days.
  @Test func capacityIsNeverExceededAndFillIsCarriedOverCapacity() {
    let boxes = (0..<10).map { ScriptedBox(at: Double($0) * 0.1, isImport: true, teu: 1.5, time: 2) }
    let h = RailHarness(railConfig([railCorridor(capacity: 4)]), boxes: boxes, horizon: 120)
    #expect(h.rail.metrics.trains[0] == 5)
    #expect(h.kpi("rail_teu") == [15, 0])
    #expect(h.kpi("train_fill")[0] == 0.75)
    // All trains count, the five empty inbound ones too: 15 TEU of 10 × 4 offered.
    #expect(abs(h.kpi("train_fill_teu")[0] - 15.0 / (10 * 4)) < 1e-12)
    #expect(h.kpi("missed_departures")[0] == 8 + 6 + 4 + 2)
    // FIFO: boxes leave in the order they entered the rail yard.
    #expect(h.port.pickedUp.map(\.batch) == (0..<10).map(Int32.init))
    for c in h.output.checks { #expect(c.passed, "\(c.name): \(c.entered) ≠ \(c.left) + \(c.remained)") }
  }

  /// Random boxes on three corridors with small trains and a small rail yard: no train
  /// above capacity, fill × capacity = carried per route, flows balance, seed after seed.
  @Test(arguments: 0..<5) func randomLoadsRespectCapacityAndBalance(seed: Int) {
    var rng = SplitMix(UInt64(seed + 1))
    var boxes: [ScriptedBox] = []
    for _ in 0..<400 {
      let at = rng.uniform() * 24 * 20
      if rng.uniform() < 0.5 {
        boxes.append(ScriptedBox(at: at, isImport: true, teu: 1 + rng.uniform() * 16, time: at + rng.uniform() * 48))
      } else {
        let cutoff = at + 24 * (1 + rng.uniform() * 5)
        boxes.append(ScriptedBox(at: at, isImport: false, teu: 1 + rng.uniform() * 16, time: cutoff, truckDue: cutoff - rng.uniform() * 72))
      }
    }
    let corridors = [
      railCorridor(name: "A", share: 0.4, departure: 3, capacity: 40, transit: .exponential(mean: 6)),
      railCorridor(name: "B", share: 0.3, departure: 15, capacity: 60, transit: .uniform(min: 10, max: 30)),
      railCorridor(
        name: "C", share: 0.2, departure: 20, capacity: 25, kind: .border, crossing: .exponential(mean: 12),
        closures: [100..<160]),
    ]
    let h = RailHarness(
      railConfig(corridors, roadOnly: 0.1, yardTEU: 60, handlers: 2, handling: 2, scale: 200),
      boxes: boxes, horizon: 24 * 30, seed: UInt64(seed))
    let m = h.rail.metrics
    #expect(m.trainsOverCapacity == 0)
    for r in 0..<6 {
      let capacity = corridors[r / 2].capacityTEU
      #expect(abs(m.fill[r].mean * Double(m.trains[r]) * capacity - m.carriedTEU[r]) < 1e-6 * Swift.max(1, m.carriedTEU[r]))
    }
    #expect(m.maxYardStock <= 60)
    #expect(m.pickupDelay.mean > 0, "the small rail yard makes imports wait in the port yard")
    #expect(m.importsAcceptedTEU > 0 && m.exportsAcceptedTEU > 0)
    for c in h.output.checks { #expect(c.passed, "seed \(seed) \(c.name): \(c.entered) ≠ \(c.left) + \(c.remained)") }
    // Every box handed back exactly once.
    let picked = h.port.pickedUp.map(\.batch), delivered = h.port.delivered.map(\.batch)
    #expect(Set(picked).count == picked.count && Set(delivered).count == delivered.count)
  }

  /// A train reaches a closed crossing: it waits until it reopens, then crosses.
  @Test func aClosedCrossingHoldsTheTrain() {
    let corridor = railCorridor(kind: .border, crossing: .constant(10), closures: [12..<60])
    let h = RailHarness(railConfig([corridor]), boxes: [ScriptedBox(at: 0, isImport: true, teu: 2, time: 5)])
    // Ready at 6, train at 10, crossing reached at 15 (closed until 60), crossed at 70.
    #expect(abs(h.rail.metrics.doorToDoor[0].mean - (70 - 5)) < 1e-9)
  }
}

/// A small deterministic generator for test inputs (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(_ seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
