import ArgumentParser

/// A whole number given on the command line (`-j 4`, `--seed 42`), kept as typed and checked
/// in the command's `validate()`, so that the message names the option, its range and what
/// was wrong: `-j must be at least 1 (got -1: negative)`, not the parser's "Missing value".
///
/// Options of this type are declared with `parsing: .unconditional`, so that `-1` is read as
/// the option's value instead of as a flag.
struct WholeNumberArgument: ExpressibleByArgument, Sendable, Equatable {
  /// The text as given.
  var text: String

  init?(argument: String) { text = argument }

  /// The number, checked against `range`.
  /// - Parameters:
  ///   - option: the option as the user writes it (`-j`, `--seed`).
  ///   - what: what the number counts, for a text that is not a number.
  /// - Throws: `ValidationError` saying why: not a whole number, negative, or out of range.
  func value(of option: String, in range: ClosedRange<Int>, what: String) throws -> Int {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let limits = "between \(grouped(range.lowerBound)) and \(grouped(range.upperBound))"
    guard let number = Int(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
      if isWholeNumberText(trimmed) {
        // Digits that do not fit in an Int: too large (or too negative) for any range.
        let sign = trimmed.hasPrefix("-") ? "negative" : "too large"
        throw ValidationError("\(option) must be \(limits) (got \(shown(trimmed)): \(sign))")
      }
      throw ValidationError("\(option) expects \(what), a whole number \(limits) (got \(shown(trimmed)))")
    }
    if number < range.lowerBound {
      let why = number < 0 ? ": negative" : ""
      throw ValidationError("\(option) must be at least \(grouped(range.lowerBound)) (got \(number)\(why))")
    }
    if number > range.upperBound {
      throw ValidationError("\(option) must be at most \(grouped(range.upperBound)) (got \(number))")
    }
    return number
  }

  private func isWholeNumberText(_ s: String) -> Bool {
    var digits = Substring(s)
    if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// At most 40 characters of what was typed.
  private func shown(_ s: String) -> String {
    s.count > 40 ? "'\(s.prefix(40))…' (\(s.count) characters)" : "'\(s)'"
  }
}

/// `100000` as `100,000`.
func grouped(_ n: Int) -> String {
  let digits = String(n.magnitude)
  var out = n < 0 ? "-" : ""
  for (i, c) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(c)
  }
  return out
}
