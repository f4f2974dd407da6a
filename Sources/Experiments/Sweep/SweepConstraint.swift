import Scenario
import SimKernel

/// A condition between parameters that every point of a grid must meet, e.g.
/// `crane_productivity >= 24 or import_inspection_rate <= 3`.
///
/// Grammar: `or`, `and`, `not`, comparisons (`< <= > >= == !=`), `+ - * /`, parentheses,
/// numbers and parameter names. Comparisons and logic give 1 (true) or 0 (false); a point is
/// kept when the expression is nonzero.
public struct SweepConstraint: Sendable, Equatable {
  /// The expression as written.
  public var text: String
  /// Where it is written in the sweep file.
  public var location: SourceLocation
  let expression: Expression
  /// The most tokens (names, numbers, operators, parentheses) one condition may have.
  static let maxTokens = 256

  indirect enum Expression: Sendable, Equatable {
    case number(Double)
    case parameter(Int)
    case unary(String, Expression)
    case binary(String, Expression, Expression)
  }

  /// Parses `text`, resolving names among `parameters` (numeric ones only).
  /// - Throws: `ScenarioError` at `location` naming the problem (and the nearest name).
  public init(parsing text: String, parameters: [String], location: SourceLocation) throws(ScenarioError) {
    var parser = Parser(text: text, names: parameters, location: location)
    // The parser and the evaluation recurse once per nesting level and operator: bound them.
    guard parser.tokens.count <= Self.maxTokens else {
      throw parser.fail(
        "a condition may have at most \(Self.maxTokens) names, numbers and symbols; split it into several conditions (a point must meet all of them)"
      )
    }
    let expression = try parser.parseOr()
    guard parser.atEnd else { throw parser.fail("unexpected '\(parser.peek ?? "")'") }
    if Self.hasConstantZeroDivisor(expression) {
      throw parser.fail("it divides by zero (a divisor without parameters that is 0); write the condition without that division")
    }
    self.text = text
    self.location = location
    self.expression = expression
  }

  /// A division by zero met while evaluating a condition at a point.
  public struct DivisionByZero: Error, Equatable, Sendable {}

  /// Whether a point with these parameter values (aligned with the names) meets it.
  /// - Throws: ``DivisionByZero`` if a divisor is 0 at this point (the condition says
  ///   nothing there, so the point is neither kept nor dropped silently).
  public func holds(_ values: [Double]) throws(DivisionByZero) -> Bool {
    try Self.evaluate(expression, values) != 0
  }

  /// Whether some `a / b` has a `b` without parameters that evaluates to 0 (`x / 0`, `x / (1 - 1)`).
  static func hasConstantZeroDivisor(_ e: Expression) -> Bool {
    switch e {
    case .number, .parameter: return false
    case .unary(_, let a): return hasConstantZeroDivisor(a)
    case .binary(let op, let a, let b):
      if op == "/", !usesParameters(b), (try? evaluate(b, [])) == 0 { return true }
      return hasConstantZeroDivisor(a) || hasConstantZeroDivisor(b)
    }
  }

  static func usesParameters(_ e: Expression) -> Bool {
    switch e {
    case .number: return false
    case .parameter: return true
    case .unary(_, let a): return usesParameters(a)
    case .binary(_, let a, let b): return usesParameters(a) || usesParameters(b)
    }
  }

  static func evaluate(_ e: Expression, _ v: [Double]) throws(DivisionByZero) -> Double {
    switch e {
    case .number(let x): return x
    case .parameter(let i): return v[i]
    case .unary(let op, let a):
      let x = try evaluate(a, v)
      return op == "-" ? -x : (x == 0 ? 1 : 0)
    case .binary(let op, let a, let b):
      let x = try evaluate(a, v)
      if op == "and" { return x == 0 ? 0 : (try evaluate(b, v) != 0 ? 1 : 0) }
      if op == "or" { return x != 0 ? 1 : (try evaluate(b, v) != 0 ? 1 : 0) }
      let y = try evaluate(b, v)
      switch op {
      case "+": return x + y
      case "-": return x - y
      case "*": return x * y
      case "/":
        guard y != 0 else { throw DivisionByZero() }
        return x / y
      case "<": return x < y ? 1 : 0
      case "<=": return x <= y ? 1 : 0
      case ">": return x > y ? 1 : 0
      case ">=": return x >= y ? 1 : 0
      case "==": return x == y ? 1 : 0
      default: return x != y ? 1 : 0
      }
    }
  }

  /// A recursive-descent parser over simple tokens.
  private struct Parser {
    var tokens: [String]
    var position = 0
    let names: [String]
    let text: String
    let location: SourceLocation

    init(text: String, names: [String], location: SourceLocation) {
      self.text = text
      self.names = names
      self.location = location
      var tokens: [String] = []
      let chars = Array(text)
      var i = 0
      while i < chars.count {
        let c = chars[i]
        if c == " " || c == "\t" { i += 1; continue }
        if c.isLetter || c == "_" || c.isNumber || c == "." {
          var word = ""
          while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." {
            word.append(chars[i]); i += 1
          }
          tokens.append(word)
          continue
        }
        if i + 1 < chars.count, ["<=", ">=", "==", "!="].contains(String([c, chars[i + 1]])) {
          tokens.append(String([c, chars[i + 1]])); i += 2; continue
        }
        tokens.append(String(c)); i += 1
      }
      self.tokens = tokens
    }

    var atEnd: Bool { position >= tokens.count }
    var peek: String? { atEnd ? nil : tokens[position] }

    func fail(_ why: String, suggestion: String? = nil) -> ScenarioError {
      ScenarioError(location: location, keyPath: "constraints", message: "in \(DisplayText.quoted(text)): \(why)", suggestion: suggestion)
    }

    mutating func take(_ options: [String]) -> String? {
      guard let p = peek, options.contains(p) else { return nil }
      position += 1
      return p
    }

    mutating func parseOr() throws(ScenarioError) -> Expression {
      var left = try parseAnd()
      while take(["or"]) != nil { left = .binary("or", left, try parseAnd()) }
      return left
    }

    mutating func parseAnd() throws(ScenarioError) -> Expression {
      var left = try parseNot()
      while take(["and"]) != nil { left = .binary("and", left, try parseNot()) }
      return left
    }

    mutating func parseNot() throws(ScenarioError) -> Expression {
      if take(["not"]) != nil { return .unary("not", try parseNot()) }
      let left = try parseSum()
      if let op = take(["<", "<=", ">", ">=", "==", "!="]) { return .binary(op, left, try parseSum()) }
      return left
    }

    mutating func parseSum() throws(ScenarioError) -> Expression {
      var left = try parseProduct()
      while let op = take(["+", "-"]) { left = .binary(op, left, try parseProduct()) }
      return left
    }

    mutating func parseProduct() throws(ScenarioError) -> Expression {
      var left = try parseUnary()
      while let op = take(["*", "/"]) { left = .binary(op, left, try parseUnary()) }
      return left
    }

    mutating func parseUnary() throws(ScenarioError) -> Expression {
      if take(["-"]) != nil { return .unary("-", try parseUnary()) }
      guard let token = peek else { throw fail("the expression ends too early") }
      position += 1
      if token == "(" {
        let inner = try parseOr()
        guard take([")"]) != nil else { throw fail("missing ')'") }
        return inner
      }
      if let x = Double(token) { return .number(x) }
      if let index = names.firstIndex(of: token) { return .parameter(index) }
      throw fail(
        "'\(token)' is not a numeric parameter (parameters: \(names.joined(separator: ", ")))",
        suggestion: ScenarioSuggest.nearest(to: token, among: names))
    }
  }
}

extension SweepConstraint.DivisionByZero: ClassifiedError {
  /// A sweep constraint that divides by zero at a point: bad input.
  public var failureKind: FailureKind { .badInput }
  public var description: String { "the condition divides by zero at this point" }
}
