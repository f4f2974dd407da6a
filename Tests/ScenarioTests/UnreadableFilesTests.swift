import Foundation
import Scenario
import Testing

/// Files that are not UTF-8 YAML text, and errors inside a base file: each error names the
/// file and a line (Issue 10 bad-input corpus; regression tests for the loader's fixes).
@Suite(.serialized) struct UnreadableFilesTests {
  func error(_ name: String, _ bytes: [UInt8], also: [(String, String)] = []) throws -> ScenarioError? {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-unreadable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (file, text) in also { try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8) }
    let path = dir.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let loader = ScenarioLoader(schema: TestSchema.lenientRoot)
    return Fixtures.error { () throws(ScenarioError) in try loader.load(path: path) }
      .map {
        var e = $0; e.location?.file = ($0.location?.file as NSString?)?.lastPathComponent ?? ""; return e
      }
  }

  @Test func notUTF8IsLocatedAtTheFirstBadByte() throws {
    let latin1 = Array("warmup: 1h\nname: 4 ".utf8) + [0xB0] + Array("C\n".utf8)
    #expect(
      try error("a.yaml", latin1)?.description
        == "a.yaml:2:9: cannot read the file: it is not UTF-8 text (a binary file, or text saved in another encoding); save it as UTF-8")
    #expect(
      try error("b.yaml", [0xFF, 0xFE, 0x6E, 0x00])?.description
        == "b.yaml:1:1: cannot read the file: it is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8")
    #expect(
      try error("c.h5", [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A])?.description.hasPrefix(
        "c.h5:1:1: cannot read the file: it is a ChainSim results file (HDF5), not a scenario; to see what it holds, run: chainsim inspect "
      ) == true)
  }

  @Test func controlBytesTabsAndEmptyDocumentsAreLocated() throws {
    #expect(
      try error("nul.yaml", Array("warmup: 1h\nname: x\0\n".utf8))?.description
        == "nul.yaml:2:8: the file is not plain text: control characters are not allowed (found the byte 0x00); a scenario file holds UTF-8 text only"
    )
    #expect(
      try error("tab.yaml", Array("port:\n\tenabled: true\n".utf8))?.description.hasSuffix(
        "; a tab: indent with spaces, YAML does not allow tabs there") == true)
    #expect(
      try error("dash.yaml", Array("# nothing\n---\n".utf8))?.description
        == "dash.yaml:1:1: the file is empty (no keys, only comments, blank lines or '---')")
    let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    #expect(try error("deep.yaml", Array("port: \(deep)\n".utf8))?.message.hasPrefix("nesting is deeper than") == true)
  }

  @Test func anErrorInABaseFileNamesTheFileLoaded() throws {
    let e = try error("variant.yaml", Array("extends: base.yaml\nwarmup: 1h\n".utf8), also: [("base.yaml", "port:\n  enabled: maybe\n")])
    #expect(e?.location?.file == "base.yaml")
    #expect(e?.message.hasPrefix("expected true or false, found 'maybe' (in a base scenario that ") == true)
    #expect(e?.message.hasSuffix("variant.yaml extends)") == true)
  }
}
