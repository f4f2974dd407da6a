import Foundation
import SimKernel
import Testing

@testable import Experiments

/// `--precision`: batches are added until the 95% half-width is reached, decided from
/// complete batches only, so the counts are the same for any number of workers.
@Suite struct SweepPrecisionTests {
  /// A KPI drawn from a normal distribution with a known sd per point (Box–Muller on a hash of
  /// point and replication): point 0 sd 0.1, point 1 sd 2, point 2 sd 50.
  static let sds = [0.1, 2.0, 50.0]

  static func synthetic(_ p: Int, _ r: Int) -> ReplicationOutput {
    var h = UInt64(p &* 1_000_003 &+ r &* 7919 &+ 17)
    func unit() -> Double {
      h &+= 0x9E37_79B9_7F4A_7C15
      var z = h
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return (Double((z ^ (z >> 31)) >> 11) + 0.5) * 0x1.0p-53
    }
    let normal = (-2 * log(unit())).squareRoot() * cos(2 * .pi * unit())
    let info = MetricInfo(name: "wait", longName: "wait", units: "h", better: .lower)
    let kpi = KPIOutput(info: info, values: [100 + sds[p] * normal])
    return ReplicationOutput(
      replication: r, fingerprint: UInt64(p * 1000 + r), events: 1, subsystems: [SubsystemOutput(name: "port", kpis: [kpi])])
  }

  static func halfWidth(_ p: Int, _ n: Int) throws -> Double {
    try ConfidenceInterval(samples: (0..<n).map { synthetic(p, $0).subsystems[0].kpis[0].values[0] }).halfWidth
  }

  @Test func stopsAtTheRequestedHalfWidthForAnyJobs() async throws {
    let precision = try SweepPrecision(parsing: "port.wait=±1", batch: 4, maximum: 60)
    #expect(precision.target == .absolute(1))
    var seen: [[Int: Int]] = []
    for jobs in [1, 3] {
      let outcome = try await SweepExecution.run(
        slice: [0, 1, 2], minimum: 4, precision: precision, jobs: jobs, store: nil, progress: nil, replicate: Self.synthetic)
      seen.append(outcome.used)
      #expect(outcome.outputs[1]?.count == outcome.used[1])
    }
    #expect(seen[0] == seen[1], "the same counts for -j 1 and -j 3")
    let used = seen[0]
    #expect(used[0] == 4, "a point already precise stops at the minimum")
    let n = try #require(used[1])
    #expect(try Self.halfWidth(1, n) <= 1)
    #expect(try Self.halfWidth(1, n - 4) > 1, "one batch fewer was not precise enough")
    #expect((8...40).contains(n), "sd 2 and a half-width of 1 need about (1.96 × 2)² ≈ 15 replications, got \(n)")
    #expect(used[2] == 60, "a point that cannot reach the precision stops at the maximum")
  }

  @Test func parsesRelativeAndAbsoluteTargetsAndRefusesBadOnes() throws {
    #expect(try SweepPrecision(parsing: "port.wait=5%", batch: 2, maximum: 10).target == .relative(0.05))
    #expect(try SweepPrecision(parsing: "port.wait=0.1", batch: 2, maximum: 10).target == .relative(0.1))
    #expect(try SweepPrecision(parsing: "port.wait=+-0.5", batch: 2, maximum: 10).target == .absolute(0.5))
    #expect { try SweepPrecision(parsing: "wait=5%", batch: 2, maximum: 10) } throws: { ($0 as? SweepError)?.exitCode == 2 }
    #expect { try SweepPrecision(parsing: "port.wait=-1", batch: 2, maximum: 10) } throws: { _ in true }
    let p = try SweepPrecision(parsing: "port.wiat=5%", batch: 2, maximum: 10)
    #expect { try p.isMet([Self.synthetic(0, 0)]) } throws: { "\($0)".contains("did you mean 'port.wait'") }
  }
}
