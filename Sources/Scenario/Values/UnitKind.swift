import Foundation

/// The physical kind of a number in a scenario file, which fixes the units it may be written in
/// and the internal unit it is converted to.
///
/// | kind | written as | converted to |
/// |---|---|---|
/// | `duration` | `30s`, `45min`, `6h`, `2d`, `1w`, `1y` | hours |
/// | `rate` | `32/h`, `5/d`, `2/week`, `25 moves/h` | per hour |
/// | `distance` | `12km`, `800m` | km |
/// | `mass` | `2.5t`, `400kg` | tonnes |
/// | `fraction` | `15%`, `0.15` | fraction (0.15) |
/// | `none` | `3`, `2.5` | as written |
public enum UnitKind: String, Sendable, CaseIterable, Equatable {
  /// A length of time; converted to hours.
  case duration
  /// Events per unit of time; converted to per hour.
  case rate
  /// A distance; converted to kilometres.
  case distance
  /// A mass; converted to tonnes.
  case mass
  /// A share or probability; `15%` or `0.15`, converted to 0.15.
  case fraction
  /// A plain number without a unit (a count, a factor, a shape parameter).
  case none

  /// What a planner should write, e.g. `a duration such as 45min, 6h or 2d`.
  public var expectation: String {
    switch self {
    case .duration: return "a duration such as 45min, 6h or 2d"
    case .rate: return "a rate such as 32/h, 5/d or 25 moves/h"
    case .distance: return "a distance such as 12km or 800m"
    case .mass: return "a mass such as 2.5t or 400kg"
    case .fraction: return "a fraction such as 15% or 0.15"
    case .none: return "a plain number such as 3 or 2.5"
    }
  }

  /// The internal unit values of this kind are converted to, as written in reports.
  public var internalUnit: String {
    switch self {
    case .duration: return "h"
    case .rate: return "1/h"
    case .distance: return "km"
    case .mass: return "t"
    case .fraction: return "1"
    case .none: return "1"
    }
  }

  /// Converts `text` (such as `45min`) to the internal unit, or `nil` if it is not a value
  /// of this kind. Whitespace between number and unit is allowed; `_` may group digits.
  public func parse(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let (number, rest) = _NumberScanner.split(trimmed) else { return nil }
    let unit = rest.trimmingCharacters(in: .whitespaces)
    switch self {
    case .none:
      return unit.isEmpty ? number : nil
    case .fraction:
      if unit.isEmpty { return number }
      return unit == "%" ? number / 100 : nil
    case .duration:
      return UnitKind.hoursPerUnit[unit].map { number * $0 }
    case .distance:
      return ["km": 1, "m": 0.001][unit].map { number * $0 }
    case .mass:
      return ["t": 1, "tonne": 1, "tonnes": 1, "kg": 0.001][unit].map { number * $0 }
    case .rate:
      guard let slash = unit.firstIndex(of: "/") else { return nil }
      let what = unit[..<slash].trimmingCharacters(in: .whitespaces)
      let per = unit[unit.index(after: slash)...].trimmingCharacters(in: .whitespaces)
      guard what.allSatisfy({ $0.isLetter || $0 == " " || $0 == "_" }),
        let hours = UnitKind.hoursPerUnit[per], hours > 0
      else { return nil }
      return number / hours
    }
  }

  /// Hours in one of each duration unit.
  static let hoursPerUnit: [String: Double] = {
    var table: [String: Double] = [:]
    for name in ["s", "sec", "secs", "second", "seconds"] { table[name] = 1.0 / 3600 }
    for name in ["min", "mins", "minute", "minutes"] { table[name] = 1.0 / 60 }
    for name in ["h", "hr", "hrs", "hour", "hours"] { table[name] = 1 }
    for name in ["d", "day", "days"] { table[name] = 24 }
    for name in ["w", "wk", "week", "weeks"] { table[name] = 168 }
    for name in ["y", "yr", "year", "years"] { table[name] = 8760 }
    return table
  }()
}

/// Splits `"45min"` into `(45, "min")`; accepts `[+-]digits[.digits][e[+-]digits]` with
/// `_` between digits, and rejects `nan`, `inf` and hexadecimal forms.
enum _NumberScanner {
  static func split(_ text: String) -> (Double, Substring)? {
    let chars = Array(text.unicodeScalars)
    var i = 0
    var digits = ""
    if i < chars.count, chars[i] == "+" || chars[i] == "-" {
      digits.unicodeScalars.append(chars[i])
      i += 1
    }
    func isDigit(_ k: Int) -> Bool { k < chars.count && ("0"..."9").contains(chars[k]) }
    func readDigits() -> Int {
      var n = 0
      while i < chars.count {
        if isDigit(i) {
          digits.unicodeScalars.append(chars[i])
          n += 1
        } else if chars[i] == "_", n > 0, isDigit(i + 1) {
        } else {
          break
        }
        i += 1
      }
      return n
    }
    var mantissa = readDigits()
    if i < chars.count, chars[i] == ".", isDigit(i + 1) || mantissa > 0 {
      digits.unicodeScalars.append(".")
      i += 1
      mantissa += readDigits()
    }
    guard mantissa > 0 else { return nil }
    if i < chars.count, chars[i] == "e" || chars[i] == "E" {
      var j = i + 1
      if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
      if isDigit(j) {
        digits += "e"
        if chars[i + 1] == "-" || chars[i + 1] == "+" { digits.unicodeScalars.append(chars[i + 1]) }
        i = j
        _ = readDigits()
      }
    }
    guard let value = Double(digits), value.isFinite else { return nil }
    let restStart = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: i)
    return (value, Substring(text.unicodeScalars[restStart...]))
  }
}
