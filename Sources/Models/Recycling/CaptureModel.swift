#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How access to the formal collection system sets the chance that an end-of-life lot is
/// returned to it rather than sold to the informal sector.
///
/// For a lot of category `c` arising in a district whose nearest collection point accepting
/// `c` lies `D` road-km away and is collected `f` times per week:
///
///     p_formal = ceiling_c · exp(−D / D₀) · f / (f + f½)
///     p_informal = 1 − p_formal          (informal leakage)
///
/// - `exp(−D / D₀)` is a distance-decay term: household participation in drop-off
///   recycling falls with the distance to the nearest facility (Saphores, Nixon,
///   Ogunseitan & Shapiro 2006, "Household willingness to recycle electronic waste",
///   Environment and Behavior 38(2):183–208; the exponential form is the usual
///   distance-decay / gravity kernel, assumed).
/// - `f / (f + f½)` is a saturating frequency term: a point collected rarely is full or
///   closed more often and its users turn to itinerant informal collectors, who pay cash at
///   the door (Chi, Streicher-Porte, Wang & Reuter 2011, "Informal electronic waste recycling:
///   a sector review with special focus on China", Waste Management 31(4):731–742).
/// - `ceiling_c` is the capture with perfect access (scenario data per category).
///
/// Both factors are 1 at perfect access and fall monotonically as access worsens, so adding
/// a point (which can only shorten `D`) or collecting more often (raising `f`) never lowers
/// `p_formal`, and each lot decides with its own uniform number (common random numbers).
/// The parameters `D₀` and `f½` are calibration assumptions, not measured values.
public struct CaptureModel: Sendable, Equatable {
  /// `D₀`: distance (km) over which the capture falls by a factor e.
  public var distanceScaleKm: Double
  /// `f½`: collections per week at which the frequency factor is one half.
  public var halfFrequencyPerWeek: Double

  public init(distanceScaleKm: Double, halfFrequencyPerWeek: Double) {
    self.distanceScaleKm = distanceScaleKm
    self.halfFrequencyPerWeek = halfFrequencyPerWeek
  }

  /// `p_formal` for a category's ceiling, the road distance to the nearest accepting point
  /// (km; `+∞` when there is none) and its collections per week.
  public func captureProbability(ceiling: Double, distanceKm: Double, collectionsPerWeek f: Double) -> Double {
    guard distanceKm.isFinite, f > 0 else { return 0 }
    let decay = distanceScaleKm > 0 ? exp(-Swift.max(0, distanceKm) / distanceScaleKm) : (distanceKm > 0 ? 0 : 1)
    let frequency = f / (f + Swift.max(0, halfFrequencyPerWeek))
    return Swift.min(1, Swift.max(0, ceiling * decay * frequency))
  }
}
