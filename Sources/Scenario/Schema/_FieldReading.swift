import Foundation
import SimKernel

/// A scalar field's value after units and bounds.
enum _FieldValue {
  case count(Int)
  case number(Double)
  case bool(Bool)
  case string(String)
  case distribution(Distribution)
}

/// Converts scalar nodes to typed values for a field; shared by validation and the reader,
/// so that what validates is exactly what models can read.
enum _FieldReading {
  static func noun(_ kind: FieldKind) -> String {
    switch kind {
    case .section: return "a mapping of keys"
    case .namedList: return "a list of named entries (- name: …)"
    case .list(let element): return "a list of \(plural(element))"
    case .count: return "a count"
    case .number(.none): return "a number"
    case .number(let unit): return "a \(unit.rawValue)"
    case .bool: return "true or false"
    case .string: return "text"
    case .choice(let options): return "one of " + options.map { "'\($0)'" }.joined(separator: ", ")
    case .distribution(let unit): return "a distribution of \(plural(.number(unit)))"
    }
  }

  private static func plural(_ kind: FieldKind) -> String {
    switch kind {
    case .count: return "counts"
    case .number(.none): return "numbers"
    case .number(let unit): return unit == .none ? "numbers" : "\(unit.rawValue)s"
    case .string: return "texts"
    default: return "values"
    }
  }

  /// `≥ 0`, `≤ 1`, `between 0 and 1` with the internal unit.
  static func boundsText(_ field: Field) -> String {
    func show(_ v: Double) -> String {
      var text = formatNumber(v)
      if let unit = ValueLimits.unit(of: field.kind), [.duration, .distance, .mass].contains(unit) {
        text += unit.internalUnit
      } else if ValueLimits.unit(of: field.kind) == .rate {
        text += "/h"
      }
      return text
    }
    if case .distribution(let unit) = field.kind {
      guard let hi = field.maximum else { return "" }
      var text = formatNumber(hi)
      if [.duration, .distance, .mass].contains(unit) { text += unit.internalUnit } else if unit == .rate { text += "/h" }
      return " with parameters, mean and sd at most \(text)"
    }
    switch (field.minimum, field.maximum) {
    case (let lo?, let hi?): return " between \(show(lo)) and \(show(hi))"
    case (let lo?, nil): return " ≥ \(show(lo))"
    case (nil, let hi?): return " ≤ \(show(hi))"
    default: return ""
    }
  }

  /// `3`, `0.25`, `1e-09`; from 10¹⁵ up always with an exponent (`1e+15`, `1e+308`), never
  /// as hundreds of digits.
  static func formatNumber(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
    if v.isFinite, abs(v) >= 1e15 { return String(format: "%.15g", v) }
    return String(v)
  }

  static func read(_ node: ScenarioNode, field: Field, path: ScenarioKeyPath) throws(ScenarioError)
    -> _FieldValue
  {
    try read(node, kind: field.kind, field: field, path: path)
  }

  static func read(_ node: ScenarioNode, kind: FieldKind, field: Field, path: ScenarioKeyPath)
    throws(ScenarioError) -> _FieldValue
  {
    func fail(_ message: String, suggestion: String? = nil) -> ScenarioError {
      ScenarioError(location: node.location, keyPath: path.description, message: message, suggestion: suggestion)
    }
    guard let scalar = node.scalar, !scalar.isNull || kind.isTextual else {
      throw fail("expected \(expectation(kind, field)), found \(node.shapeDescription)")
    }
    let text = scalar.text
    func bounded(_ value: Double) throws(ScenarioError) -> Double {
      if let lo = field.minimum, value < lo {
        throw fail("expected \(noun(kind))\(boundsText(field)), found \(DisplayText.shortened(text))\(DisplayText.lengthNote(text))")
      }
      if let hi = field.maximum, value > hi {
        throw fail("expected \(noun(kind))\(boundsText(field)), found \(DisplayText.shortened(text))\(DisplayText.lengthNote(text))")
      }
      return value
    }
    switch kind {
    case .count:
      guard let v = UnitKind.none.parse(text), v == v.rounded(), abs(v) < 9e15 else {
        throw fail("expected \(noun(kind)) (a whole number)\(boundsText(field)), found \(DisplayText.quoted(text))")
      }
      return .count(Int(try bounded(v)))
    case .number(let unit):
      guard let v = unit.parse(text) else {
        // `4°C`, `200 CNY`, `¥7`: the key's unit is implied (see its description).
        let hint = unit == .none && text.contains(where: \.isNumber) ? "; write the number alone, without a unit or currency" : ""
        throw fail("expected \(unit.expectation), found \(DisplayText.quoted(text))\(hint)")
      }
      return .number(try bounded(v))
    case .bool:
      switch text {
      case "true", "True", "TRUE": return .bool(true)
      case "false", "False", "FALSE": return .bool(false)
      default: throw fail("expected true or false, found \(DisplayText.quoted(text))")
      }
    case .string:
      if let problem = _TextRules.nulProblem(text, what: field.name == "name" ? "the name" : "the text") { throw fail(problem) }
      return .string(text)
    case .choice(let options):
      guard options.contains(text) else {
        throw fail(
          "expected \(noun(kind)), found \(DisplayText.quoted(text))", suggestion: ScenarioSuggest.nearest(to: text, among: options))
      }
      return .string(text)
    case .distribution(let unit):
      switch DistributionParser.parse(text, unit: unit) {
      case .success(let d):
        if unit == .duration, !field.isSigned, let problem = _DurationSign.problem(d, text: text) { throw fail(problem) }
        if let problem = distributionProblem(d, unit: unit, field: field) { throw fail(problem) }
        return .distribution(d)
      case .failure(let failure):
        var location = node.location
        if !text.contains("\n") { location.column += failure.offset + (scalar.isQuoted ? 1 : 0) }
        throw ScenarioError(
          location: location, keyPath: path.description, message: failure.message,
          suggestion: failure.suggestion)
      }
    case .section, .namedList, .list:
      throw fail("expected \(noun(kind)), found \(node.shapeDescription)")
    }
  }

  /// Why a parsed distribution cannot be used: an invalid shape (`validationProblem`), or a
  /// parameter, mean or standard deviation beyond the field's `maximum` (its unit kind's
  /// ``ValueLimits`` limit unless the schema sets a smaller one).
  static func distributionProblem(_ d: Distribution, unit: UnitKind, field: Field) -> String? {
    let limit = field.maximum ?? ValueLimits.magnitude(unit)
    var parameters: [(String, Double)]
    switch d {
    case .constant(let v): parameters = [("value", v)]
    case .exponential(let mean), .erlang(_, let mean): parameters = [("mean", mean)]
    case .gamma(_, let scale), .weibull(_, let scale): parameters = [("scale", scale)]
    case .lognormal(let mean, let sd): parameters = [("mean", mean), ("sd", sd)]
    case .normal(let mean, let sd, let lo, let hi):
      parameters = [("mean", mean), ("sd", sd)] + (lo.map { [("min", $0)] } ?? []) + (hi.map { [("max", $0)] } ?? [])
    case .uniform(let lo, let hi): parameters = [("min", lo), ("max", hi)]
    case .triangular(let lo, let mode, let hi): parameters = [("min", lo), ("mode", mode), ("max", hi)]
    case .empirical(let values): parameters = values.enumerated().map { ("value \($0.offset + 1)", $0.element) }
    }
    let unitText = [.duration, .distance, .mass].contains(unit) ? unit.internalUnit : unit == .rate ? "/h" : ""
    func tooLarge(_ what: String, _ value: Double) -> String {
      let shown = value.isFinite ? "\(formatNumber(value))\(unitText)" : "a number that overflows (\(value))"
      return "expected a distribution of \(plural(.number(unit))) whose parameters, mean and sd are at most "
        + "\(formatNumber(limit))\(unitText) in size\(limitReason(unit, limit)), found \(what) \(shown)"
    }
    // `!(x <= limit)` also refuses NaN.
    if let (name, value) = parameters.first(where: { !(Swift.abs($0.1) <= limit) }) { return tooLarge(name + " =", value) }
    if let problem = d.validationProblem { return problem }
    // A finite shape can still give an enormous mean or spread (weibull(shape: 0.01, ...)).
    if !(Swift.abs(d.mean) <= limit) { return tooLarge("mean =", d.mean) }
    // A variance that rounds below zero is zero; an infinite one minus an infinite square is NaN.
    if !(d.variance <= limit * limit) { return tooLarge("sd =", d.variance.squareRoot()) }
    return nil
  }

  /// Why a kind's limit is what it is, for messages (`" (100 years)"`), or nothing for a key's own bound.
  static func limitReason(_ unit: UnitKind, _ limit: Double) -> String {
    guard limit == ValueLimits.magnitude(unit) else { return "" }
    return unit == .duration ? " (100 years)" : ""
  }

  static func expectation(_ kind: FieldKind, _ field: Field) -> String {
    switch kind {
    case .number(let unit): return unit.expectation
    case .distribution(let unit): return "\(unit.expectation) or a distribution such as exp(mean: …)"
    case .count: return "\(noun(kind))\(boundsText(field))"
    default: return noun(kind)
    }
  }
}

extension FieldKind {
  /// Kinds where an empty scalar is a legitimate value.
  var isTextual: Bool {
    if case .string = self { return true }
    return false
  }

  /// A short label for the key reference: `duration`, `count`, `list of numbers`, ...
  var label: String {
    switch self {
    case .section: return "section"
    case .namedList: return "named list"
    case .list(let element): return "list of \(element.label)"
    case .count: return "count"
    case .number(.none): return "number"
    case .number(let unit): return unit.rawValue
    case .bool: return "bool"
    case .string: return "string"
    case .choice(let options): return "one of " + options.joined(separator: ", ")
    case .distribution(let unit): return unit == .none ? "distribution" : "distribution of \(unit.rawValue)"
    }
  }
}
