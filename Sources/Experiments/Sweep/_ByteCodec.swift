import SimKernel

/// Little-endian binary writing for records and part files.
struct _ByteWriter {
  var bytes: [UInt8] = []

  mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
  mutating func i64(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
  mutating func f64(_ v: Double) { u64(v.bitPattern) }
  mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
  mutating func string(_ s: String) {
    i64(s.utf8.count)
    bytes.append(contentsOf: s.utf8)
  }
  mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }
  mutating func doubles(_ values: [Double]) {
    i64(values.count)
    for v in values { f64(v) }
  }
  mutating func strings(_ values: [String]) {
    i64(values.count)
    for v in values { string(v) }
  }

  /// Appends the FNV-1a 64 checksum of everything written so far.
  mutating func seal() { u64(_Checksum.fnv1a(bytes[...])) }

  mutating func metric(_ info: MetricInfo) {
    string(info.name); string(info.longName); string(info.units); string(info.better.rawValue)
    bool(info.axis != nil)
    if let axis = info.axis { string(axis.name); strings(axis.labels) }
    bool(info.validMin != nil)
    if let validMin = info.validMin { f64(validMin) }
  }

  mutating func output(_ o: ReplicationOutput) {
    i64(o.replication); u64(o.fingerprint); i64(o.events); i64(o.subsystems.count)
    for s in o.subsystems {
      string(s.name)
      i64(s.series.count)
      for m in s.series { metric(m.info); doubles(m.values) }
      i64(s.kpis.count)
      for k in s.kpis { metric(k.info); doubles(k.values) }
      i64(s.checks.count)
      for c in s.checks {
        string(c.name); string(c.longName); string(c.units)
        f64(c.entered); f64(c.left); f64(c.remained); bool(c.passed)
      }
    }
  }
}

/// Reading what ``_ByteWriter`` wrote; any overrun or nonsense is `Truncated`.
struct _ByteReader {
  struct Truncated: Error {}
  let bytes: [UInt8]
  var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { offset == bytes.count }

  mutating func take(_ n: Int) throws(Truncated) -> ArraySlice<UInt8> {
    guard n >= 0, offset + n <= bytes.count else { throw Truncated() }
    defer { offset += n }
    return bytes[offset..<(offset + n)]
  }
  mutating func u64() throws(Truncated) -> UInt64 {
    let s = try take(8)
    return s.reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }
  mutating func i64() throws(Truncated) -> Int { Int(Int64(bitPattern: try u64())) }
  mutating func count() throws(Truncated) -> Int {
    let n = try i64()
    guard n >= 0, n <= bytes.count - offset else { throw Truncated() }
    return n
  }
  mutating func f64() throws(Truncated) -> Double { Double(bitPattern: try u64()) }
  mutating func bool() throws(Truncated) -> Bool { try take(1).first == 1 }
  mutating func string() throws(Truncated) -> String { String(decoding: try take(try count()), as: UTF8.self) }
  mutating func doubles() throws(Truncated) -> [Double] {
    let n = try count()
    var out: [Double] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try f64()) }
    return out
  }
  mutating func strings() throws(Truncated) -> [String] {
    let n = try count()
    var out: [String] = []
    for _ in 0..<n { out.append(try string()) }
    return out
  }

  /// Checks the trailing FNV-1a 64 checksum over all bytes before it.
  static func verify(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 8 else { return false }
    var r = _ByteReader(bytes)
    r.offset = bytes.count - 8
    guard let stored = try? r.u64() else { return false }
    return stored == _Checksum.fnv1a(bytes[..<(bytes.count - 8)])
  }

  mutating func metric() throws(Truncated) -> MetricInfo {
    let name = try string(), longName = try string(), units = try string()
    guard let better = Better(rawValue: try string()) else { throw Truncated() }
    var axis: LabelAxis?
    if try bool() { axis = LabelAxis(name: try string(), labels: try strings()) }
    let validMin: Double? = try bool() ? try f64() : nil
    return MetricInfo(name: name, longName: longName, units: units, better: better, axis: axis, validMin: validMin)
  }

  mutating func output() throws(Truncated) -> ReplicationOutput {
    let replication = try i64(), fingerprint = try u64(), events = try i64()
    var subsystems: [SubsystemOutput] = []
    for _ in 0..<(try count()) {
      var s = SubsystemOutput(name: try string())
      for _ in 0..<(try count()) { s.series.append(SeriesOutput(info: try metric(), values: try doubles())) }
      for _ in 0..<(try count()) { s.kpis.append(KPIOutput(info: try metric(), values: try doubles())) }
      for _ in 0..<(try count()) {
        var c = CheckOutput(
          name: try string(), longName: try string(), units: try string(), entered: try f64(), left: try f64(), remained: try f64())
        c.passed = try bool()
        s.checks.append(c)
      }
      subsystems.append(s)
    }
    return ReplicationOutput(replication: replication, fingerprint: fingerprint, events: events, subsystems: subsystems)
  }
}

/// FNV-1a 64: detects torn or damaged records (not tampering).
enum _Checksum {
  static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    return h
  }
}

extension _ByteReader.Truncated: ClassifiedError {
  /// Bytes that end early or hold nonsense: a damaged record or part file, bad input.
  var failureKind: FailureKind { .badInput }
  var description: String { "the bytes end early or do not hold what a ChainSim record holds" }
}
