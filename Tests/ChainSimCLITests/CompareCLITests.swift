import Foundation
import Testing

/// `chainsim compare` end to end: identical runs exit 0; a variant with a large, known effect
/// (twice the crane productivity at every terminal) is judged better and exits 1; files that
/// cannot be compared or read exit 2 with a message naming the file.
@Suite(.serialized) struct CompareCLITests {
  /// Port only, 10 days, and two terminals with fewer berths so that vessels wait: the
  /// baseline's mean wait for a berth is about 3 h, the variant's well under 1 h.
  let portOnly = [
    "--horizon", "10d", "--set", "run.warmup=2d", "--replications", "8",
    "--set", "ring.enabled=false", "--set", "rail.enabled=false", "--set", "recycling.enabled=false",
    "--set", "port.terminals[name=Beijiang other terminals].berths=5",
    "--set", "port.terminals[name=Dongjiang terminals].berths=5", "--quiet",
  ]

  /// Every terminal's crane productivity doubled (baseline means 28, 19, 19, 19, 19, 24, 22, 22, 20 moves/h).
  var doubledCranes: [String] {
    let terminals: [(String, Int)] = [
      ("Beijiang C", 56), ("UICT", 38), ("FICT", 38), ("Orient", 38), ("Basin-4", 38), ("TPCT", 48),
      ("Beijiang other terminals", 44), ("Dongjiang terminals", 44), ("Nanjiang terminals", 40),
    ]
    return terminals.flatMap { name, mean in
      ["--set", "port.terminals[name=\(name)].crane_productivity=normal(mean: \(mean)/h, sd: 6/h, min: 16/h)"]
    }
  }

  func run(_ path: URL, _ extra: [String] = []) throws {
    let r = try runProgram(chainsimBinary, ["run", "scenarios/tianjin-2024.yaml", "-o", path.path] + portOnly + extra)
    #expect(r.exitCode == 0, "\(r.stderr)")
  }

  func kpi(_ json: String, _ name: String, label: String? = nil) throws -> [String: Any] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let kpis = try #require(object["kpis"] as? [[String: Any]])
    return try #require(kpis.first { $0["kpi"] as? String == name && ($0["label"] as? String) == label })
  }

  @Test func sameSeedNoDifferenceAndDoubledCranesBetter() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let base = dir.appendingPathComponent("base.h5"), again = dir.appendingPathComponent("again.h5")
    let fast = dir.appendingPathComponent("fast-cranes.h5")
    try run(base)
    try run(again)
    try run(fast, doubledCranes)

    let same = try chainsim("compare", base.path, again.path)
    #expect(same.exitCode == 0, "\(same.stderr)")
    #expect(same.stdout.contains("method: paired-t: common random numbers"))
    #expect(same.stdout.contains("inputs that changed: none"))
    #expect(same.stdout.contains("verdict: no KPI differs significantly"))

    let table = try chainsim("compare", base.path, fast.path)
    #expect(table.exitCode == 1, "\(table.stderr)")
    #expect(
      table.stdout.contains(
        "port.terminals[name=UICT].crane_productivity: normal(mean: 19/h, sd: 3/h, min: 8/h) -> normal(mean: 38/h, sd: 6/h, min: 16/h)"))
    let waitLine = try #require(table.stdout.split(separator: "\n").first { $0.contains(" wait_for_berth_mean ") })
    #expect(waitLine.hasSuffix("better"), "\(waitLine)")

    let json = try chainsim("compare", base.path, fast.path, "--json")
    #expect(json.exitCode == 1)
    let wait = try kpi(json.stdout, "wait_for_berth_mean")
    #expect(wait["verdict"] as? String == "better")
    #expect((wait["difference"] as? Double ?? 0) < 0 && (wait["upper"] as? Double ?? 0) < 0)
    #expect((wait["p_holm"] as? Double ?? 1) < 0.05)
    let pairing = try #require(wait["pairing"] as? [String: Any])
    #expect(pairing["variance_ratio"] is Double && pairing["correlation"] is Double)
    // better = none: described with a p-value, never judged.
    let calls = try kpi(json.stdout, "berth_utilisation", label: "UICT")
    #expect(calls["better"] as? String == "none")
    #expect(calls["verdict"] as? String == "no-verdict")
    #expect(calls["p_holm"] is NSNull)
    #expect(table.stdout.contains("no verdict"))

    let markdown = try chainsim("compare", base.path, fast.path, "--markdown", "--subsystem", "port")
    #expect(markdown.exitCode == 1)
    #expect(markdown.stdout.hasPrefix("### chainsim compare:"))
    #expect(markdown.stdout.contains("| port | wait_for_berth_mean |"))

    // Holm off: at least as many differences as with it.
    let raw = try chainsim("compare", base.path, fast.path, "--no-holm", "--json")
    let rawObject = try JSONSerialization.jsonObject(with: Data(raw.stdout.utf8)) as? [String: Any]
    let holmObject = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let rawBetter = (rawObject?["verdict"] as? [String: Any])?["better"] as? Int ?? 0
    let holmBetter = (holmObject?["verdict"] as? [String: Any])?["better"] as? Int ?? 0
    #expect(rawBetter >= holmBetter && holmBetter > 0)
  }

  @Test func filesThatCannotBeComparedExitTwo() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let short = dir.appendingPathComponent("short.h5"), long = dir.appendingPathComponent("long.h5")
    let quick = [
      "--replications", "2", "--set", "run.warmup=1d", "--set", "ring.enabled=false",
      "--set", "rail.enabled=false", "--set", "recycling.enabled=false", "--quiet",
    ]
    for (path, horizon) in [(short, "3d"), (long, "4d")] {
      let r = try runProgram(chainsimBinary, ["run", "-o", path.path, "--horizon", horizon] + quick)
      #expect(r.exitCode == 0, "\(r.stderr)")
    }
    let horizons = try chainsim("compare", short.path, long.path)
    #expect(horizons.exitCode == 2)
    #expect(
      horizons.stderr.contains(
        "\(short.path) and \(long.path) cannot be compared: horizons differ (\(short.path): 72 h, \(long.path): 96 h)"),
      "\(horizons.stderr)")
    #expect(horizons.stdout.isEmpty)

    let text = dir.appendingPathComponent("notes.h5")
    try "not a results file\n".write(to: text, atomically: true, encoding: .utf8)
    let foreign = try chainsim("compare", short.path, text.path)
    #expect(foreign.exitCode == 2)
    #expect(foreign.stderr.contains(text.path), "\(foreign.stderr)")

    let truncated = dir.appendingPathComponent("truncated.h5")
    let bytes = try Data(contentsOf: short)
    try bytes.prefix(bytes.count / 2).write(to: truncated)
    let damaged = try chainsim("compare", truncated.path, short.path)
    #expect(damaged.exitCode == 2)
    #expect(damaged.stderr.contains(truncated.path), "\(damaged.stderr)")

    let missing = try chainsim("compare", short.path, dir.appendingPathComponent("nowhere.h5").path)
    #expect(missing.exitCode == 2)
    #expect(missing.stderr.contains("nowhere.h5"))

    let unknown = try chainsim("compare", short.path, short.path, "--subsystem", "harbour")
    #expect(unknown.exitCode == 2)
    #expect(unknown.stderr.contains("--subsystem harbour"), "\(unknown.stderr)")

    let badAlpha = try chainsim("compare", short.path, short.path, "--alpha", "1.5")
    #expect(badAlpha.exitCode == 2)

    let itself = try chainsim("compare", short.path, short.path, "--quiet")
    #expect(itself.exitCode == 0 && itself.stdout.isEmpty)
  }
}
