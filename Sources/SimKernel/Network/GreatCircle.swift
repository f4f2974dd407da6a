#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Great-circle distances on a spherical Earth.
public enum GreatCircle {
  /// The mean Earth radius in km (IUGG mean radius R₁).
  public static let earthRadiusKm = 6371.0088

  /// The haversine great-circle distance in km between two points given in degrees.
  /// Accurate to about 0.5 % against the ellipsoid, ample for road-distance estimates.
  public static func distanceKm(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
    let toRadians = Double.pi / 180
    let phi1 = latitude1 * toRadians
    let phi2 = latitude2 * toRadians
    let dPhi = (latitude2 - latitude1) * toRadians
    let dLambda = (longitude2 - longitude1) * toRadians
    let s1 = sin(dPhi / 2)
    let s2 = sin(dLambda / 2)
    let h = s1 * s1 + cos(phi1) * cos(phi2) * s2 * s2
    return 2 * earthRadiusKm * asin(Swift.min(1, h.squareRoot()))
  }
}
