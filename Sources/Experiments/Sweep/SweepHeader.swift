import Foundation
import Results
import SimKernel

/// What a sweep file holds besides the replications: the base run's identity, the sweep
/// definition and the parameter table. Part files carry it so `merge` needs no sweep file.
public struct SweepHeader: Sendable, Equatable {
  public var metadata: RunMetadata
  public var definitionText: String
  public var sweepSHA256: String
  public var design: String
  public var parameters: [SweepParameterColumn]
  /// The resolved scenario hash of every point, in point order.
  public var pointScenarioSHA256: [String]

  /// The number of points of the whole sweep.
  public var pointCount: Int { pointScenarioSHA256.count }
  /// Replication slots per point.
  public var slots: Int { metadata.replications }

  public init(_ sweep: PreparedSweep) {
    let base = sweep.base
    let r = base.config.run
    metadata = RunMetadata(
      softwareVersion: SoftwareVersion.string, scenarioName: base.name, scenarioSHA256: base.sha256,
      scenarioText: base.canonicalText, seed: r.seed, streamScheme: StreamScheme.current, replications: sweep.slots,
      horizon: r.horizon, warmup: r.warmup, timeUnit: kernelTimeUnit, sampleInterval: r.sampleInterval,
      sampleTimes: Sampler(interval: r.sampleInterval, horizon: r.horizon).times, fingerprint: "")
    definitionText = sweep.definition.canonicalText
    sweepSHA256 = sweep.sha256
    design = sweep.definition.design.name
    parameters = sweep.definition.parameters.enumerated().map { i, p in
      let values = sweep.points.map { $0.values[i] }
      let numeric = values.allSatisfy { $0.number != nil }
      return SweepParameterColumn(
        name: p.name, keyPaths: p.keyPaths, units: p.units, numbers: numeric ? values.map { $0.number ?? .nan } : nil,
        texts: values.map { p.scenarioText($0) })
    }
    pointScenarioSHA256 = sweep.points.map(\.prepared.sha256)
  }

  /// The whole sweep's results from every point's outputs (`outputs[point][replication]`,
  /// replications `0..<used[point]`), in canonical (point, replication) order.
  /// - Throws: ``SweepError`` `.input` when a point or replication is missing.
  public func results(outputs: [Int: [Int: ReplicationOutput]], used: [Int: Int]) throws(SweepError) -> SweepResults {
    var cells: [[ReplicationOutput?]] = []
    var usedList: [Int] = []
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for p in 0..<pointCount {
      guard let n = used[p], let got = outputs[p] else { throw .input("point \(p) of the sweep has no results") }
      var row = [ReplicationOutput?](repeating: nil, count: slots)
      for r in 0..<n {
        guard let o = got[r] else { throw .input("point \(p), replication \(r) of the sweep has no result") }
        row[r] = o
        var v = o.fingerprint
        for _ in 0..<8 {
          h = (h ^ (v & 0xFF)) &* 0x100_0000_01B3
          v >>= 8
        }
      }
      cells.append(row)
      usedList.append(n)
    }
    var meta = metadata
    meta.fingerprint = hexString(h)
    return SweepResults(
      metadata: meta, definitionText: definitionText, sweepSHA256: sweepSHA256, design: design, parameters: parameters,
      points: Array(0..<pointCount), pointScenarioSHA256: pointScenarioSHA256, replicationsUsed: usedList, cells: cells)
  }
}

extension _ByteWriter {
  mutating func header(_ h: SweepHeader) {
    let m = h.metadata
    strings([m.softwareVersion, m.scenarioName, m.scenarioSHA256, m.scenarioText, m.streamScheme, m.timeUnit])
    u64(m.seed); i64(m.replications); f64(m.horizon); f64(m.warmup); f64(m.sampleInterval); doubles(m.sampleTimes)
    strings([h.definitionText, h.sweepSHA256, h.design])
    i64(h.parameters.count)
    for p in h.parameters {
      string(p.name); strings(p.keyPaths); string(p.units); bool(p.numbers != nil)
      if let n = p.numbers { doubles(n) }
      strings(p.texts)
    }
    strings(h.pointScenarioSHA256)
  }
}

extension _ByteReader {
  mutating func header() throws(Truncated) -> SweepHeader {
    let s = try strings()
    guard s.count == 6 else { throw Truncated() }
    let seed = try u64(), replications = try i64(), horizon = try f64(), warmup = try f64(), interval = try f64()
    let times = try doubles()
    let meta = RunMetadata(
      softwareVersion: s[0], scenarioName: s[1], scenarioSHA256: s[2], scenarioText: s[3], seed: seed, streamScheme: s[4],
      replications: replications, horizon: horizon, warmup: warmup, timeUnit: s[5], sampleInterval: interval,
      sampleTimes: times, fingerprint: "")
    let d = try strings()
    guard d.count == 3 else { throw Truncated() }
    var parameters: [SweepParameterColumn] = []
    for _ in 0..<(try count()) {
      let name = try string(), paths = try strings(), units = try string()
      let numbers = try bool() ? try doubles() : nil
      parameters.append(SweepParameterColumn(name: name, keyPaths: paths, units: units, numbers: numbers, texts: try strings()))
    }
    return SweepHeader(
      metadata: meta, definitionText: d[0], sweepSHA256: d[1], design: d[2], parameters: parameters,
      pointScenarioSHA256: try strings())
  }
}

extension SweepHeader {
  init(
    metadata: RunMetadata, definitionText: String, sweepSHA256: String, design: String,
    parameters: [SweepParameterColumn], pointScenarioSHA256: [String]
  ) {
    self.metadata = metadata
    self.definitionText = definitionText
    self.sweepSHA256 = sweepSHA256
    self.design = design
    self.parameters = parameters
    self.pointScenarioSHA256 = pointScenarioSHA256
  }
}
