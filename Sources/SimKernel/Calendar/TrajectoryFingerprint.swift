/// A hash of the event trajectory: every executed event's time, subsystem and kind, in order.
///
/// Stored in results (`fingerprint`) and in `scenarios/fingerprints.yaml`, so that any
/// change that alters a trajectory is seen (as OMNeT++'s fingerprints). 64-bit FNV-1a-style
/// mixing over the event's time bits and codes; cheap enough to run on every event.
public struct TrajectoryFingerprint: Sendable, Equatable {
  public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

  public init() {}

  @inline(__always)
  public mutating func add(time: SimTime, subsystem: SubsystemID, kind: UInt8) {
    let codes = UInt64(subsystem.rawValue) << 8 | UInt64(kind)
    value = (value ^ time.bitPattern) &* 0x100_0000_01B3
    value = (value ^ codes) &* 0x100_0000_01B3
  }

  /// The value as 16 lowercase hex digits.
  public var hex: String { hexString(value) }
}

/// 16 lowercase hex digits of a 64-bit value.
public func hexString(_ v: UInt64) -> String {
  let s = String(v, radix: 16)
  return String(repeating: "0", count: 16 - s.count) + s
}
