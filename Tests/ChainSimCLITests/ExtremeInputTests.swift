import Foundation
import Testing

/// Extreme but well-formed inputs: each runs correctly or is refused with exit 2 and the key
/// path. Zero horizon, warm-up equal to the horizon, zero arrivals in each subsystem, zero
/// and 10⁹ capacities, a sweep of one point. Horizons of two days keep them fast in debug.
@Suite(.serialized) struct ExtremeInputTests {
  static let scenario = "scenarios/tianjin-2024.yaml"
  /// Two days, one replication, no warm-up: all four subsystems still run.
  static let short = ["--horizon", "2d", "--replications", "1", "--set", "run.warmup=0d"]

  // MARK: - Horizon and warm-up

  @Test(arguments: [
    (["--horizon", "0d"], "run.horizon"),
    (["--set", "run.horizon=0h"], "run.horizon"),
    (["--horizon", "2d", "--set", "run.warmup=2d"], "run.warmup: must be shorter than the horizon"),
    (["--horizon", "2d", "--set", "run.warmup=3d"], "run.warmup: must be shorter than the horizon"),
  ])
  func degenerateHorizonsAreRefused(options: [String], message: String) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("r.h5").path
    let r = try runProgram(chainsimBinary, ["run", Self.scenario] + options + ["-o", out, "--quiet"])
    #expect(r.exitCode == 2, "\(r.stderr)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  // MARK: - Zero arrivals

  /// Every arrival rate, call frequency or volume of one subsystem set to 0, all four
  /// subsystems on: the run completes, every flow balance holds, no KPI is infinite, and
  /// the subsystem's volume KPIs are 0.
  @Test(arguments: [
    ("port", ["vessel_calls", "teu_throughput"]),
    ("rail", ["rail_teu_total"]),
    ("recycling", ["generated", "collected"]),
    ("ring", ["harvested", "orders"]),
  ])
  func zeroArrivalsRunAndBalance(subsystem: String, zeroKPIs: [String]) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (text, replaced) = try ScenarioText.zeroArrivals(in: subsystem)
    #expect(replaced > 0, "the rewrite found \(subsystem)'s arrival rates")
    let file = dir.appendingPathComponent("zero-\(subsystem).yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("zero.h5").path
    let r = try runProgram(chainsimBinary, ["run", file.path] + Self.short + ["-o", out, "--quiet"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    let summary = try H5Summary(out)
    #expect(summary.failedChecks.isEmpty, "flow balance: \(summary.failedChecks)")
    #expect(summary.infinite.isEmpty, "infinite KPIs: \(summary.infinite)")
    for kpi in zeroKPIs {
      let values = try #require(summary.values["\(subsystem)/\(kpi)"], "\(subsystem)/\(kpi) in \(summary.values.keys.sorted())")
      #expect(values.allSatisfy { $0 == 0 }, "\(subsystem)/\(kpi) = \(values)")
    }
    let problems = try layoutProblems(out)
    #expect(problems.isEmpty, "\(problems)")
    // The commands that read it handle NaN KPIs (means of nothing) without failing.
    let report = try runProgram(chainsimBinary, ["report", out, "-o", dir.appendingPathComponent("r.html").path, "--quiet"])
    #expect(report.exitCode == 0, "\(report.stderr)")
    let same = try runProgram(chainsimBinary, ["compare", out, out, "--quiet"])
    #expect(same.exitCode == 0, "\(same.stderr)")
  }

  // MARK: - Capacities

  /// Capacities of 0 where the schema forbids them: refused with the key path.
  @Test(arguments: [
    ("port.terminals[name=UICT].berths", "port.terminals[name=UICT].berths: expected a count ≥ 1, found 0"),
    ("port.terminals[name=UICT].quay_cranes", "port.terminals[name=UICT].quay_cranes: expected a count between 1 and 10000, found 0"),
    ("port.terminals[name=UICT].gate_lanes", "port.terminals[name=UICT].gate_lanes: expected a count ≥ 1, found 0"),
    ("port.customs.inspection_teams", "port.customs.inspection_teams: expected a count ≥ 1, found 0"),
    ("rail.yard.handlers", "rail.yard.handlers: expected a count ≥ 1, found 0"),
  ])
  func zeroCapacitiesAreRefused(keyPath: String, message: String) throws {
    let r = try runProgram(chainsimBinary, ["validate", Self.scenario, "--set", "\(keyPath)=0"])
    #expect(r.exitCode == 2, "\(r.stderr)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }

  /// A fleet of 0 vehicles (where another fleet serves its base) and a rail yard of 0 TEU are
  /// allowed: the run completes with the work queued, and every flow balance holds.
  @Test func emptyFleetAndYardRunWithWorkQueued() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("r.h5").path
    let r = try runProgram(
      chainsimBinary,
      ["run", Self.scenario] + Self.short + [
        "--set", "rail.yard.capacity_teu=0", "--set", "ring.fleets[name=Wuqing reefers].vehicles=0", "-o", out, "--quiet",
      ])
    #expect(r.exitCode == 0, "\(r.stderr)")
    let summary = try H5Summary(out)
    #expect(summary.failedChecks.isEmpty, "flow balance: \(summary.failedChecks)")
    #expect(summary.infinite.isEmpty, "infinite KPIs: \(summary.infinite)")
    #expect(summary.values["rail/rail_yard_stock_max"] == [0], "nothing stored in a yard of 0 TEU")
    let problems = try layoutProblems(out)
    #expect(problems.isEmpty, "\(problems)")
  }

  /// Every fleet of a subsystem at 0 vehicles leaves work nobody can do: refused, naming it.
  @Test(arguments: [
    ("ring", "ring.fleets: base 'Wuqing' harvests but has no trucks"),
    ("recycling", "has no vehicles carrying category"),
  ])
  func noVehiclesAtAllIsRefused(section: String, message: String) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (text, replaced) = ScenarioText.replacing(["vehicles": "0"], in: section)
    #expect(replaced >= 4, "\(section) fleets rewritten: \(replaced)")
    let file = dir.appendingPathComponent("no-vehicles.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let r = try runProgram(chainsimBinary, ["validate", file.path])
    #expect(r.exitCode == 2, "\(r.stderr)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }

  /// 10⁹ of a capacity that is a number (TEU of a yard) runs in bounded time and memory;
  /// counted resources (berths, cranes, lanes, teams, wagons, handlers, lines, vehicles) have a
  /// limit of 10,000 and 10⁹ of any of them is refused with the key path.
  @Test func hugeCapacitiesRunOrAreRefusedWithALimit() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let huge = "1000000000"
    let (text, replaced) = ScenarioText.replacing(["capacity_teu": huge, "yard_block_teu": huge])
    #expect(replaced >= 10, "capacities rewritten: \(replaced)")
    let file = dir.appendingPathComponent("huge.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("r.h5").path
    let started = Date()
    let r = try runProgram(chainsimBinary, ["run", file.path] + Self.short + ["-o", out, "--quiet"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(Date().timeIntervalSince(started) < 60, "bounded time")
    #expect(try H5Summary(out).failedChecks.isEmpty)

    for key in ["berths", "gate_lanes", "yard_blocks", "inspection_teams", "handlers", "wagons"] {
      let (one, _) = ScenarioText.replacing([key: huge])
      let bad = dir.appendingPathComponent("huge-\(key).yaml")
      try one.write(to: bad, atomically: true, encoding: .utf8)
      let v = try runProgram(chainsimBinary, ["validate", bad.path])
      #expect(v.exitCode == 2, "\(key): \(v.stderr)")
      #expect(v.stderr.contains(".\(key): expected a count ≤ 10000, found 1000000000"), "\(v.stderr)")
    }
    for (key, path) in [
      ("quay_cranes", "port.terminals[name=Beijiang C].quay_cranes"),
      ("vehicles", "recycling.centres[name=Binhai].fleets[name=packaging trucks].vehicles"),
    ] {
      let (one, _) = ScenarioText.replacing([key: huge])
      let bad = dir.appendingPathComponent("huge-\(key).yaml")
      try one.write(to: bad, atomically: true, encoding: .utf8)
      let v = try runProgram(chainsimBinary, ["validate", bad.path])
      #expect(v.exitCode == 2, "\(key): \(v.stderr)")
      #expect(
        v.stderr.contains("\(path): expected a count between \(key == "quay_cranes" ? 1 : 0) and 10000, found 1000000000"), "\(v.stderr)")
    }
  }

  // MARK: - Sweeps

  @Test func sweepOfOnePointRunsChecksAndReports() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("one.h5").path
    let s = try chainsim("sweep", fixture("extreme/one-point.yaml"), "-o", out, "--quiet")
    #expect(s.exitCode == 0, "\(s.stderr)")
    let check = try checkResults(out, "--sweep")
    #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
    let html = dir.appendingPathComponent("one.html")
    let report = try runProgram(chainsimBinary, ["report", out, "-o", html.path, "--quiet"])
    #expect(report.exitCode == 0, "\(report.stderr)")
    #expect(try String(contentsOf: html, encoding: .utf8).contains("<svg"), "the report draws the point")
    // One shard is the whole sweep; two shards of one point are refused.
    let two = try chainsim("sweep", fixture("extreme/one-point.yaml"), "--shard", "1/2", "-o", dir.appendingPathComponent("p").path)
    #expect(two.exitCode == 2, "\(two.stderr)")
    #expect(two.stderr.contains("at most 1 shards"), "\(two.stderr)")
  }

  // MARK: - Helpers

  func checkResults(_ path: String, _ options: String...) throws -> CommandResult {
    try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", layoutChecker, path] + options)
  }

  /// scripts/check-layout's problems, except "all values are NaN": a mean of no observations
  /// (a wait when nothing arrived) is NaN by design.
  func layoutProblems(_ path: String) throws -> [String] {
    let r = try checkResults(path)
    guard r.exitCode != 0 else { return [] }
    let lines = r.stdout.split(separator: "\n").map(String.init)
    return lines.filter { !$0.hasSuffix(": all values are NaN") && !$0.hasPrefix("\(path): ") } + (r.exitCode == 1 ? [] : [r.stderr])
  }
}

/// The baseline scenario's text with values rewritten.
enum ScenarioText {
  static func base() throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent(ExtremeInputTests.scenario), encoding: .utf8)
  }

  /// `key: <number>` set to `value` wherever it appears (block and flow style), in every
  /// top-level section or only in `section`.
  static func replacing(_ values: [String: String], in section: String? = nil) -> (String, Int) {
    let rules = values.sorted(by: { $0.key < $1.key }).map { key, value in
      (#"(^|[ {,])"# + key + #": [0-9.]+(?=[ ,}#]|$)"#, "$1\(key): \(value)")
    }
    return (try? rewrite(rules, in: section)) ?? ("", 0)
  }

  /// Each line rewritten by the regular-expression rules, within `section` (or everywhere).
  private static func rewrite(_ rules: [(String, String)], in section: String?) throws -> (String, Int) {
    var current = ""
    var count = 0
    var lines: [String] = []
    for line in try base().components(separatedBy: "\n") {
      if let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") { current = String(line[..<colon]) }
      var line = line
      if section == nil || current == section {
        for (pattern, template) in rules {
          let regex = try NSRegularExpression(pattern: pattern)
          let range = NSRange(line.startIndex..., in: line)
          count += regex.numberOfMatches(in: line, range: range)
          line = regex.stringByReplacingMatches(in: line, range: range, withTemplate: template)
        }
      }
      lines.append(line)
    }
    return (lines.joined(separator: "\n"), count)
  }

  /// Every arrival rate, call frequency or volume of one top-level section set to 0.
  static func zeroArrivals(in section: String) throws -> (String, Int) {
    let rules: [String: [(String, String)]] = [
      "port": [(#"calls_per_week: [0-9.]+"#, "calls_per_week: 0"), (#"interarrival: "[^"]*""#, "calls_per_week: 0")],
      "rail": [(#"demand_share: [0-9.]+"#, "demand_share: 0"), (#"road_only_share: [0-9.]+"#, "road_only_share: 1")],
      "recycling": [(#"rate: [0-9.]+ t/d"#, "rate: 0 t/d"), (#"stock_in_use: [0-9.]+t"#, "stock_in_use: 0t")],
      "ring": [(#"rate: [0-9.]+ t/d"#, "rate: 0 t/d")],
    ]
    return try rewrite(rules[section] ?? [], in: section)
  }
}

/// The summary values and failed checks of a results file (Fixtures/h5tool.py summary).
struct H5Summary {
  var values: [String: [Double]] = [:]
  var infinite: [String] = []
  var failedChecks: [String] = []

  init(_ path: String) throws {
    let r = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", fixture("h5tool.py"), "summary", path])
    guard r.exitCode == 0, let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
      let summary = json["summary"] as? [String: [Any]], let failed = json["failed_checks"] as? [String]
    else { throw Failure("h5tool.py summary \(path): \(r.stderr)") }
    failedChecks = failed
    for (name, entries) in summary {
      if entries.contains(where: { $0 is String }) { infinite.append(name) }
      values[name] = entries.map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }
  }
}
