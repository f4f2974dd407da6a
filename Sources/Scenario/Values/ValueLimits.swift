/// The largest magnitude a scenario value of each unit kind may have, in the internal unit.
///
/// Every number, every list element and every distribution parameter of a unit-bearing key
/// is refused at load beyond these limits (on top of the key's own `min`/`max`), so that
/// `validate` and `run` agree: a value that validates never overflows a conversion, never
/// schedules an event at 10³⁰⁸ h or `inf`, and never sizes a loop or an allocation beyond what
/// a machine holds. The limits are physical and generous:
///
/// | kind | limit | why |
/// |---|---|---|
/// | duration | 876,600 h (100 years of 365.25 days) | the longest horizon; a draw of a distribution with this mean still fits an `Int` of hours many times over |
/// | rate | 10⁹ per hour | one event every 3.6 µs: time still advances at a horizon of 100 years (the spacing is above the `Double` resolution) |
/// | distance | 100,000 km | two and a half times round the Earth |
/// | mass | 10⁹ t | twice a year of Tianjin Port's whole cargo throughput (about 5·10⁸ t) |
/// | fraction | 1 | a share |
/// | none (plain numbers) | 10¹⁵ | whole numbers stay exact in a `Double` and print without an exponent |
///
/// A distribution (see ``Distribution``) must also have a finite, valid shape
/// (`Distribution.validationProblem`), and its mean and standard deviation must be within the
/// limit of its key, so that the largest plausible draw fits.
///
/// ## Conversion audit (Issue 17)
///
/// Every conversion of a `Double` (or a wider integer) to an integer in `Sources/`, every
/// allocation and loop sized by input, and every duration that feeds an event time was read;
/// docs/extreme-values.md lists each site and why it cannot trap on scenario input.
public enum ValueLimits {
  /// The longest duration a scenario may give: 100 years of 365.25 days, in hours.
  public static let maxDurationHours = 876_600.0
  /// The largest rate a scenario may give, per hour.
  public static let maxRatePerHour = 1e9
  /// The longest distance a scenario may give, in km.
  public static let maxDistanceKm = 100_000.0
  /// The largest mass a scenario may give, in tonnes.
  public static let maxMassTonnes = 1e9
  /// The largest magnitude of a plain number.
  public static let maxPlainNumber = 1e15

  /// The largest magnitude a value of `unit` may have, in its internal unit.
  public static func magnitude(_ unit: UnitKind) -> Double {
    switch unit {
    case .duration: return maxDurationHours
    case .rate: return maxRatePerHour
    case .distance: return maxDistanceKm
    case .mass: return maxMassTonnes
    case .fraction: return 1
    case .none: return maxPlainNumber
    }
  }

  /// The unit kind whose limit applies to a field of `kind` (`nil` for kinds without numbers).
  static func unit(of kind: FieldKind) -> UnitKind? {
    switch kind {
    case .number(let unit), .distribution(let unit): return unit
    case .list(let element): return unit(of: element)
    default: return nil
    }
  }
}
