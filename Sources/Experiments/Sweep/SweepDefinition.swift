import Foundation
import Scenario

/// One value a sweep parameter takes: the text set into the scenario (before `format`) and
/// its number, when it is one.
public struct SweepValue: Sendable, Equatable {
  public var text: String
  public var number: Double?
  public init(text: String, number: Double?) {
    self.text = text
    self.number = number
  }
  /// A number written as the shortest text that reads back the same (integers without `.0`).
  public init(number: Double) {
    self.init(text: SweepValue.format(number), number: number)
  }

  static func format(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }
}

/// A sweep parameter: scenario key paths set to one value per point.
public struct SweepParameter: Sendable, Equatable {
  /// How a parameter lists its values.
  public enum Values: Sendable, Equatable {
    /// An explicit list.
    case list([SweepValue])
    /// `from`/`to` with a `step` or a `count` (grid), or bounds only (lhs).
    case range(from: Double, to: Double, step: Double?, count: Int?)
  }

  /// ASCII snake_case name: the column of `/sweep` and the word used in constraints.
  public var name: String
  /// The scenario key paths it sets (`path:` or `paths:`).
  public var keyPaths: [String]
  public var values: Values
  /// A template with `{}` for the value, e.g. `"normal(mean: {}/h, sd: 3/h)"` or `"{}%"`.
  public var format: String?
  /// Units of the value in the parameter table (`1` when not given).
  public var units: String
  /// Round values to whole numbers (counts) in an LHS design.
  public var integer: Bool
  /// Where the parameter is written in the sweep file.
  public var location: SourceLocation
  /// Where its key path is written (for unknown key paths).
  public var pathLocation: SourceLocation
  /// Where its `values:` or `range:` is written (for values the scenario refuses).
  public var valuesLocation: SourceLocation?

  public init(
    name: String, keyPaths: [String], values: Values, format: String? = nil, units: String = "1", integer: Bool = false,
    location: SourceLocation, pathLocation: SourceLocation, valuesLocation: SourceLocation? = nil
  ) {
    self.valuesLocation = valuesLocation
    self.name = name
    self.keyPaths = keyPaths
    self.values = values
    self.format = format
    self.units = units
    self.integer = integer
    self.location = location
    self.pathLocation = pathLocation
  }

  /// How many grid values the parameter has, without expanding a range (so that a huge
  /// range can be refused before it is built).
  public var gridValueCount: Double {
    switch values {
    case .list(let list): return Double(list.count)
    case .range(let from, let to, let step, let count):
      if let count { return Double(count) }
      guard let step, step != 0, (to - from) / step >= -1e-9 else { return 0 }
      return ((to - from) / step + 1e-9).rounded(.down) + 1
    }
  }

  /// The grid values: the list, or the range expanded.
  public var gridValues: [SweepValue] {
    switch values {
    case .list(let list): return list
    case .range(let from, let to, let step, let count):
      if let count {
        if count == 1 { return [SweepValue(number: from)] }
        return (0..<count).map { SweepValue(number: SweepValue.rounded(from + Double($0) * (to - from) / Double(count - 1))) }
      }
      guard let step, step != 0 else { return [] }
      var out: [SweepValue] = []
      var i = 0
      // One value more than a sweep may have, so that the parser can tell the range is too
      // long (a step too small to move a large `from` would otherwise never end).
      while out.count <= SweepDefinition.maxPoints {
        let x = from + Double(i) * step
        if step > 0 ? x > to + abs(step) * 1e-9 : x < to - abs(step) * 1e-9 { break }
        out.append(SweepValue(number: SweepValue.rounded(x)))
        i += 1
      }
      return out
    }
  }

  /// The text set into the scenario for a value (the `format` applied).
  public func scenarioText(_ value: SweepValue) -> String {
    guard let format else { return value.text }
    return format.replacingOccurrences(of: "{}", with: value.text)
  }
}

extension SweepValue {
  /// Rounds away the binary noise of `from + i * step` (12 significant digits).
  static func rounded(_ x: Double) -> Double {
    guard x != 0, x.isFinite else { return x }
    let digits = 12 - Int((log10(abs(x))).rounded(.up))
    let scale = pow(10.0, Double(max(-300, min(300, digits))))
    return (x * scale).rounded() / scale
  }
}

/// How points are chosen.
public enum SweepDesign: Sendable, Equatable {
  /// Every combination of the parameters' values (first parameter varies slowest);
  /// constraints remove points.
  case grid
  /// A Latin hypercube of `points` points drawn with its own `seed`.
  case lhs(points: Int, seed: UInt64)

  public var name: String {
    switch self {
    case .grid: "grid"
    case .lhs: "lhs"
    }
  }
}

/// A sweep file as written: base scenario, parameters, design, constraints, replications.
public struct SweepDefinition: Sendable {
  /// The sweep file's path as given.
  public var path: String
  /// `sweep:` name, or the file stem.
  public var name: String
  /// The base scenario's path, resolved against the sweep file's folder.
  public var scenarioPath: String
  /// Where `scenario:` is written.
  public var scenarioLocation: SourceLocation?
  /// `set:` overrides applied to every point before the parameters (`key.path=value`).
  public var fixedOverrides: [String]
  /// Where each `set:` key is written, aligned with ``fixedOverrides``.
  public var fixedOverrideLocations: [SourceLocation]

  /// The most points a sweep may have (grid combinations before constraints, or lhs points).
  public static let maxPoints = 10_000
  /// Replications per point (the minimum under `--precision`).
  public var replications: Int
  public var design: SweepDesign
  public var parameters: [SweepParameter]
  public var constraints: [SweepConstraint]
  /// `output:` (relative to the current folder), if given.
  public var output: String?
  /// Where `output:` is written.
  public var outputLocation: SourceLocation?
  /// The sweep file in canonical form, without `output` (where results go is not part of
  /// what they are).
  public var canonicalText: String
}
