/// A road network was built with inputs it cannot use.
public enum RoadNetworkError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Two nodes with the same name.
  case duplicateNode(String)
  /// A node index that does not exist.
  case unknownNode(Int)
  /// A speed-profile index that does not exist.
  case unknownProfile(Int)
  /// A link length that is negative or not finite.
  case invalidDistance(from: String, to: String, km: Double)
  /// A speed profile that is not a valid daily pattern.
  case invalidSpeedProfile(String)
  /// A coordinate that is out of range or not finite.
  case invalidLocation(node: String, reason: String)

  /// A message a planner can act on.
  public var description: String {
    switch self {
    case .duplicateNode(let n): return "road node '\(n)' is defined twice"
    case .unknownNode(let i): return "road node #\(i) does not exist"
    case .unknownProfile(let i): return "speed profile #\(i) does not exist"
    case .invalidDistance(let f, let t, let km):
      return "road link \(f) → \(t) needs a non-negative, finite length in km, got \(km)"
    case .invalidSpeedProfile(let why): return "speed profile is invalid: \(why)"
    case .invalidLocation(let n, let why): return "road node '\(n)' has an invalid location: \(why)"
    }
  }
}

extension RoadNetworkError: ClassifiedError {
  /// A road network is built from a scenario's `roads:`: always bad input.
  public var failureKind: FailureKind { .badInput }
}
