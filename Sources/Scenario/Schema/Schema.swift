/// The keys a section of a scenario may hold: the one source of truth from which the
/// loader validates, models read with defaults, and the JSON Schema and key reference
/// are generated.
///
/// ```swift
/// static let schema = Schema([
///   .count("servers", default: 4, doc: "Servers at the station"),
///   .distribution("interarrival", of: .duration, default: "exp(mean: 6h)", doc: "Time between arrivals"),
/// ])
/// ```
public struct Schema: Sendable {
  /// The fields, in the order the documentation lists them.
  public let fields: [Field]

  /// Creates a schema from its fields (names must be unique).
  public init(_ fields: [Field]) {
    self.fields = fields
  }

  /// The field named `name`, if declared.
  public func field(_ name: String) -> Field? {
    fields.first { $0.name == name }
  }
}

/// Whether a key must be written, may be left out, or has a default (as scenario text).
public enum FieldDefault: Sendable, Equatable, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
{
  /// The key must be present.
  case required
  /// The key may be absent, with no value (read it with `ScenarioSection.optional`).
  case optional
  /// The key may be absent; this text (as it would be written in the file) is used then.
  case value(String)

  /// A default written as scenario text, e.g. `"45min"` or `"exp(mean: 6h)"`.
  public init(stringLiteral value: String) { self = .value(value) }
  /// A default count or number.
  public init(integerLiteral value: Int) { self = .value(String(value)) }
  /// A default number.
  public init(floatLiteral value: Double) { self = .value(String(value)) }
  /// A default flag.
  public init(booleanLiteral value: Bool) { self = .value(value ? "true" : "false") }
}

/// What kind of value a key holds.
public indirect enum FieldKind: Sendable {
  /// A nested mapping with its own fields.
  case section(Schema)
  /// A list of mappings, each with a unique `name` and the given fields.
  case namedList(Schema)
  /// A list of plain values of one (scalar) kind.
  case list(FieldKind)
  /// A whole number.
  case count
  /// A number of the given unit kind (a duration, rate, fraction, ... or plain).
  case number(UnitKind)
  /// `true` or `false`.
  case bool
  /// Free text.
  case string
  /// One of the listed words.
  case choice([String])
  /// A distribution of values of the given unit kind, or a constant.
  case distribution(UnitKind)
}

/// One declared key: its name, kind, default, bounds and a one-line meaning.
public struct Field: Sendable {
  /// The key as written in the file.
  public let name: String
  /// What it holds.
  public let kind: FieldKind
  /// Required, optional, or a default.
  public let defaultValue: FieldDefault
  /// Smallest allowed value, in the internal unit (hours for durations); for a list, of each
  /// element. Unit-bearing fields are never below minus their kind's ``ValueLimits`` limit.
  public let minimum: Double?
  /// Largest allowed value, in the internal unit; for a distribution, of the magnitude of its
  /// parameters, mean and standard deviation. Never above the kind's ``ValueLimits`` limit.
  public let maximum: Double?
  /// One line saying what the key means.
  public let doc: String
  /// For a distribution of durations: whether its values may be negative (a deviation such
  /// as an arrival's jitter). Otherwise a distribution with a negative mean is refused.
  public let isSigned: Bool

  /// Declares a field of any kind.
  public init(
    _ name: String, _ kind: FieldKind, default defaultValue: FieldDefault = .required,
    min minimum: Double? = nil, max maximum: Double? = nil, signed isSigned: Bool = false, doc: String
  ) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    // Every unit-bearing value is also held within its kind's physical limit (ValueLimits).
    if let unit = ValueLimits.unit(of: kind) {
      let limit = ValueLimits.magnitude(unit)
      if case .distribution = kind {
        self.minimum = minimum
      } else {
        self.minimum = Swift.max(minimum ?? -limit, -limit)
      }
      self.maximum = Swift.min(maximum ?? limit, limit)
    } else {
      self.minimum = minimum
      self.maximum = maximum
    }
    self.isSigned = isSigned
    self.doc = doc
  }

  /// A nested section; absent means "all defaults".
  public static func section(_ name: String, _ schema: Schema, doc: String) -> Field {
    Field(name, .section(schema), default: .optional, doc: doc)
  }

  /// A list of named sections (`- name: North …`); absent means an empty list.
  public static func namedList(_ name: String, _ schema: Schema, doc: String) -> Field {
    Field(name, .namedList(schema), default: .optional, doc: doc)
  }

  /// A list of plain values of one kind, e.g. `.list("hours", of: .number(.duration))`;
  /// `min` and `max` bound each element.
  public static func list(
    _ name: String, of element: FieldKind, default value: FieldDefault = .required,
    min: Double? = nil, max: Double? = nil, doc: String
  ) -> Field {
    Field(name, .list(element), default: value, min: min, max: max, doc: doc)
  }

  /// A whole number, by default ≥ 0.
  public static func count(
    _ name: String, default value: FieldDefault = .required, min: Int? = 0, max: Int? = nil,
    doc: String
  ) -> Field {
    Field(name, .count, default: value, min: min.map(Double.init), max: max.map(Double.init), doc: doc)
  }

  /// A duration (`45min`, `6h`, `2d`), read in hours; by default ≥ 0.
  public static func duration(
    _ name: String, default value: FieldDefault = .required, min: Double? = 0, max: Double? = nil,
    doc: String
  ) -> Field {
    Field(name, .number(.duration), default: value, min: min, max: max, doc: doc)
  }

  /// A rate (`32/h`, `25 moves/h`, `2/week`), read per hour; by default ≥ 0.
  public static func rate(
    _ name: String, default value: FieldDefault = .required, min: Double? = 0, max: Double? = nil,
    doc: String
  ) -> Field {
    Field(name, .number(.rate), default: value, min: min, max: max, doc: doc)
  }

  /// A fraction or probability (`15%` or `0.15`), within [0, 1].
  public static func fraction(
    _ name: String, default value: FieldDefault = .required, doc: String
  ) -> Field {
    Field(name, .number(.fraction), default: value, min: 0, max: 1, doc: doc)
  }

  /// A number of the given unit kind (`.distance`, `.mass`, `.none`, ...).
  public static func number(
    _ name: String, unit: UnitKind = .none, default value: FieldDefault = .required,
    min: Double? = nil, max: Double? = nil, doc: String
  ) -> Field {
    Field(name, .number(unit), default: value, min: min, max: max, doc: doc)
  }

  /// `true` or `false`.
  public static func bool(_ name: String, default value: FieldDefault = .required, doc: String)
    -> Field
  {
    Field(name, .bool, default: value, doc: doc)
  }

  /// Free text.
  public static func string(_ name: String, default value: FieldDefault = .required, doc: String)
    -> Field
  {
    Field(name, .string, default: value, doc: doc)
  }

  /// One of a fixed set of words.
  public static func choice(
    _ name: String, _ options: [String], default value: FieldDefault = .required, doc: String
  ) -> Field {
    Field(name, .choice(options), default: value, doc: doc)
  }

  /// A distribution whose arguments have the given unit kind (`exp(mean: 6h)` for
  /// `.duration`, `uniform(500, 1500)` for `.none`), or a constant. A distribution of
  /// durations with a negative mean is refused unless `signed` (a deviation, not a length).
  ///
  /// `max` bounds the distribution's parameters, mean and standard deviation (by default the
  /// unit kind's limit in ``ValueLimits``); a model that turns a draw into a count clamps the
  /// draw to it as well.
  public static func distribution(
    _ name: String, of unit: UnitKind, default value: FieldDefault = .required, max: Double? = nil,
    signed: Bool = false, doc: String
  ) -> Field {
    Field(name, .distribution(unit), default: value, max: max, signed: signed, doc: doc)
  }
}
