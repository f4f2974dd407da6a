import Foundation
import Testing

/// The ring section from the command line: located errors for bad input (exit 2, no file),
/// and `--trace ring` writing a named compound dataset that h5py reads by field.
@Suite(.serialized) struct RingCLITests {
  static let cases: [(file: String, message: String)] = [
    (
      "ring-unknown-category.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/ring-unknown-category.yaml:7:18: ring.bases[name=Wuqing].harvest[name=leafy_vegetable].name: unknown category 'leafy_vegetable'; categories are leafy_vegetables, fruit, meat, aquatic, dairy; did you mean 'leafy_vegetables'?"
    ),
    (
      "ring-unknown-node.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/ring-unknown-node.yaml:8:13: ring.roads.links[name=Wuqing - nowhere].to: unknown node 'Wuqing hubb': a link must join sites (hubs, bases, destinations, the port) or junctions; known nodes are Wuqing hub, Langfang hub, Zhuozhou hub, Majuqiao DC, Shunyi DC, Wuqing, Jinghai, Baodi, Jizhou, Ninghe, Gu'an, Zhuozhou, Yutian, Xinfadi, Dayangfang, Shunyi Shimen, Tianjin Port, 6th Ring SE, 6th Ring S, 6th Ring NE; did you mean 'Wuqing hub'?"
    ),
    (
      "ring-threshold.yaml",
      "error: Tests/ChainSimCLITests/Fixtures/ring-threshold.yaml:7:18: ring.categories[name=dairy].threshold: the spoilage threshold 0.95 must be below the initial quality 0.9 (a fresh lot would be spoiled at harvest)"
    ),
  ]

  @Test(arguments: cases.indices)
  func badRingInputIsRejectedWithFileLineAndKeyPath(index: Int) throws {
    try expectRejected(fixture: Self.cases[index].file, message: Self.cases[index].message)
  }

  @Test func traceRingIsReadableByField() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("ring.h5").path
    let r = try chainsim(
      "run", "scenarios/tianjin-2024.yaml", "--replications", "1", "--horizon", "2d", "--set", "run.warmup=1d",
      "--set", "port.enabled=false", "--set", "recycling.enabled=false", "--trace", "ring", "-o", out, "--quiet")
    #expect(r.exitCode == 0, "\(r.stderr)")
    let script = """
      import h5py, sys
      f = h5py.File(sys.argv[1], "r")
      d = f["/traces/ring"]
      assert d.dtype.names[:5] == ("replication", "lot", "parent", "category", "step"), d.dtype.names
      assert d.shape[0] > 0
      steps = set(s.decode() for s in d["step"])
      assert {"harvest", "load", "depart", "arrive", "store"} <= steps, steps
      assert "ring_record" in f["/traces"]
      print("ok", d.shape[0])
      """
    let check = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, out])
    #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
    let bad = try chainsim("run", "scenarios/tianjin-2024.yaml", "--trace", "port", "-o", out, "--quiet")
    #expect(bad.exitCode == 2)
  }
}
