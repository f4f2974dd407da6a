import Foundation
import SimKernel

/// Reads distributions written as text, such as `exp(mean: 6h)`, `uniform(500, 1500)` or a
/// plain value (a constant), converting arguments with the field's unit kind.
///
/// Named arguments may be written `name: value` or `name=value`; positional arguments follow
/// the order in ``forms``. `k` and `shape` are always plain numbers.
public enum DistributionParser {
  /// A failure, with the offset (in Unicode scalars) of the offending part of the text.
  public struct Failure: Error, Equatable, Sendable {
    /// What was wrong.
    public var message: String
    /// Offset in the text where the problem starts.
    public var offset: Int
    /// A likely intended distribution name, if the name was misspelt.
    public var suggestion: String?
  }

  /// Each form's name and its parameters in positional order (`?` marks optional ones).
  public static let forms: [(name: String, parameters: [String])] = [
    ("constant", ["value"]),
    ("empirical", ["values"]),
    ("erlang", ["k", "mean"]),
    ("exp", ["mean"]),
    ("gamma", ["shape", "scale"]),
    ("lognormal", ["mean", "sd"]),
    ("normal", ["mean", "sd", "min?", "max?"]),
    ("triangular", ["min", "mode", "max"]),
    ("uniform", ["min", "max"]),
    ("weibull", ["shape", "scale"]),
  ]

  private static let unitless: Set<String> = ["k", "shape"]

  /// Parses `text` as a distribution of values of `unit`.
  public static func parse(_ text: String, unit: UnitKind) -> Result<Distribution, Failure> {
    do throws(Failure) {
      return .success(try parseThrowing(text, unit: unit))
    } catch {
      return .failure(error)
    }
  }

  private struct Argument {
    var name: String?
    var text: String
    var offset: Int
  }

  private static func parseThrowing(_ raw: String, unit: UnitKind) throws(Failure) -> Distribution {
    let text = Array(raw.unicodeScalars)
    let leading = text.prefix { $0 == " " }.count
    guard let open = text.firstIndex(of: "(") else {
      if let value = unit.parse(raw) { return .constant(value) }
      let word = String(String.UnicodeScalarView(text.drop { $0 == " " }.prefix { $0.properties.isAlphabetic }))
      if !word.isEmpty, unit.parse("1" + word) == nil {
        let names = forms.map(\.name)
        throw Failure(
          message: "expected a distribution such as exp(mean: …) or a constant, found \(DisplayText.quoted(raw))",
          offset: leading,
          suggestion: ScenarioSuggest.nearest(to: word, among: names + ["exponential"]))
      }
      throw Failure(
        message: "expected \(unit.expectation) or a distribution such as exp(mean: …), found \(DisplayText.quoted(raw))",
        offset: leading)
    }
    let name = String(String.UnicodeScalarView(text[..<open])).trimmingCharacters(in: .whitespaces)
    let canonicalName = name == "exponential" ? "exp" : name
    guard let form = forms.first(where: { $0.name == canonicalName }) else {
      throw Failure(
        message: "unknown distribution '\(name)'; known: \(forms.map(\.name).joined(separator: ", "))",
        offset: leading, suggestion: ScenarioSuggest.nearest(to: name, among: forms.map(\.name)))
    }
    guard let close = text.lastIndex(of: ")"), close > open,
      text[(close + 1)...].allSatisfy({ $0 == " " })
    else {
      throw Failure(message: "\(name)(…) is missing its closing ')'", offset: text.count)
    }
    let arguments = try splitArguments(text, from: open + 1, to: close)
    let values = try bind(arguments, to: form, unit: unit, closeOffset: close)
    return try build(form.name, values, unit: unit, offset: open + 1)
  }

  /// Splits `a, b: c, [1, 2]` at top-level commas; names are `word:` or `word=`.
  private static func splitArguments(_ text: [Unicode.Scalar], from start: Int, to end: Int)
    throws(Failure) -> [Argument]
  {
    var arguments: [Argument] = []
    var depth = 0
    var pieceStart = start
    var i = start
    func finish(_ pieceEnd: Int) {
      var piece = Array(text[pieceStart..<pieceEnd])
      var offset = pieceStart
      while piece.first == " " {
        piece.removeFirst()
        offset += 1
      }
      while piece.last == " " { piece.removeLast() }
      var name: String?
      if let sep = piece.firstIndex(where: { $0 == ":" || $0 == "=" }),
        piece[..<sep].allSatisfy({ $0.properties.isAlphabetic || $0 == "_" }), sep > 0
      {
        name = String(String.UnicodeScalarView(piece[..<sep]))
        var value = Array(piece[(sep + 1)...])
        offset += sep + 1
        while value.first == " " {
          value.removeFirst()
          offset += 1
        }
        piece = value
      }
      arguments.append(Argument(name: name, text: String(String.UnicodeScalarView(piece)), offset: offset))
    }
    while i < end {
      switch text[i] {
      case "[", "(": depth += 1
      case "]", ")": depth -= 1
      case "," where depth == 0:
        finish(i)
        pieceStart = i + 1
      default: break
      }
      i += 1
    }
    if depth != 0 { throw Failure(message: "unbalanced brackets", offset: start) }
    let allBlank = text[start..<end].allSatisfy { $0 == " " }
    if !allBlank { finish(end) }
    if let empty = arguments.first(where: { $0.text.isEmpty }) {
      throw Failure(message: "an argument is empty", offset: empty.offset)
    }
    return arguments
  }

  /// Matches arguments to the form's parameters; returns text and offset per parameter name.
  private static func bind(
    _ arguments: [Argument], to form: (name: String, parameters: [String]), unit: UnitKind,
    closeOffset: Int
  ) throws(Failure) -> [String: Argument] {
    let parameters = form.parameters.map { $0.hasSuffix("?") ? String($0.dropLast()) : $0 }
    let required = form.parameters.filter { !$0.hasSuffix("?") }
    var bound: [String: Argument] = [:]
    var sawNamed = false
    for (position, argument) in arguments.enumerated() {
      let parameter: String
      if let name = argument.name {
        sawNamed = true
        guard parameters.contains(name) else {
          throw Failure(
            message: "\(form.name) has no parameter '\(name)'; its parameters are \(parameters.joined(separator: ", "))",
            offset: argument.offset,
            suggestion: ScenarioSuggest.nearest(to: name, among: parameters))
        }
        parameter = name
      } else {
        guard !sawNamed else {
          throw Failure(message: "a positional argument cannot follow a named one", offset: argument.offset)
        }
        guard position < parameters.count else {
          throw Failure(
            message: "\(form.name) takes at most \(parameters.count) argument(s): \(parameters.joined(separator: ", "))",
            offset: argument.offset)
        }
        parameter = parameters[position]
      }
      if bound[parameter] != nil {
        throw Failure(message: "\(form.name): '\(parameter)' is given twice", offset: argument.offset)
      }
      bound[parameter] = argument
    }
    for name in required where bound[name] == nil {
      throw Failure(
        message: "\(form.name) needs '\(name)' (parameters: \(parameters.joined(separator: ", ")))",
        offset: closeOffset)
    }
    return bound
  }

  private static func build(_ form: String, _ args: [String: Argument], unit: UnitKind, offset: Int)
    throws(Failure) -> Distribution
  {
    func value(_ name: String) throws(Failure) -> Double {
      guard let argument = args[name] else { return .nan }
      let kind = unitless.contains(name) ? UnitKind.none : unit
      guard let v = kind.parse(argument.text) else {
        throw Failure(
          message: "\(form): '\(name)' expected \(kind.expectation), found \(DisplayText.quoted(argument.text))",
          offset: argument.offset)
      }
      return v
    }
    func optional(_ name: String) throws(Failure) -> Double? {
      args[name] == nil ? nil : try value(name)
    }
    func require(_ ok: Bool, _ name: String, _ rule: String) throws(Failure) {
      if !ok {
        let argument = args[name]
        throw Failure(
          message: "\(form): '\(name)' must be \(rule), found \(argument.map { DisplayText.shortened($0.text) } ?? "?")",
          offset: argument?.offset ?? offset)
      }
    }
    switch form {
    case "constant":
      return .constant(try value("value"))
    case "exp":
      let mean = try value("mean")
      try require(mean > 0, "mean", "> 0")
      return .exponential(mean: mean)
    case "erlang":
      let k = try value("k")
      try require(k >= 1 && k == k.rounded() && k < 1e6, "k", "a whole number ≥ 1")
      let mean = try value("mean")
      try require(mean > 0, "mean", "> 0")
      return .erlang(k: Int(k), mean: mean)
    case "gamma", "weibull":
      let shape = try value("shape")
      try require(shape > 0, "shape", "> 0")
      let scale = try value("scale")
      try require(scale > 0, "scale", "> 0")
      return form == "gamma" ? .gamma(shape: shape, scale: scale) : .weibull(shape: shape, scale: scale)
    case "lognormal":
      let mean = try value("mean")
      try require(mean > 0, "mean", "> 0")
      let sd = try value("sd")
      try require(sd >= 0, "sd", "≥ 0")
      return .lognormal(mean: mean, sd: sd)
    case "normal":
      let mean = try value("mean")
      let sd = try value("sd")
      try require(sd >= 0, "sd", "≥ 0")
      let low = try optional("min")
      let high = try optional("max")
      if let low, let high { try require(low <= high, "max", "≥ min (\(args["min"]?.text ?? ""))") }
      return .normal(mean: mean, sd: sd, min: low, max: high)
    case "uniform":
      let low = try value("min")
      let high = try value("max")
      try require(low <= high, "max", "≥ min (\(args["min"]?.text ?? ""))")
      return .uniform(min: low, max: high)
    case "triangular":
      let low = try value("min")
      let mode = try value("mode")
      let high = try value("max")
      try require(low <= mode && mode <= high, "mode", "between min and max (min ≤ mode ≤ max)")
      return .triangular(min: low, mode: mode, max: high)
    case "empirical":
      return .empirical(try empiricalValues(args["values"], unit: unit))
    default:
      throw Failure(message: "unknown distribution '\(form)'", offset: offset)
    }
  }

  private static func empiricalValues(_ argument: Argument?, unit: UnitKind) throws(Failure) -> [Double] {
    guard let argument else { throw Failure(message: "empirical needs a list of values", offset: 0) }
    let text = argument.text
    guard text.hasPrefix("["), text.hasSuffix("]") else {
      throw Failure(message: "empirical: expected a list such as [1, 2, 2, 3], found \(DisplayText.quoted(text))", offset: argument.offset)
    }
    let inner = text.dropFirst().dropLast()
    let pieces = inner.split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    if pieces.count == 1 && pieces[0].isEmpty {
      throw Failure(message: "empirical: the list of values is empty; give at least one", offset: argument.offset)
    }
    var values: [Double] = []
    for piece in pieces {
      guard let v = unit.parse(piece) else {
        throw Failure(
          message: "empirical: expected \(unit.expectation) in the list, found \(DisplayText.quoted(piece))",
          offset: argument.offset)
      }
      values.append(v)
    }
    return values
  }
}

extension DistributionParser.Failure: ClassifiedError {
  /// A distribution written wrongly in a scenario: always bad input.
  public var failureKind: FailureKind { .badInput }
  /// ``message``, as the loader shows it after the key's location.
  public var description: String { message }
}
