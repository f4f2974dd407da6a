import Foundation
import Testing

/// One row of `Fixtures/bad/EXPECTED.tsv`: a malformed file and the error it must give.
struct BadInputCase: Sendable, CustomTestStringConvertible {
  /// Path under `Fixtures/bad/` (`sweep/...` for sweep files).
  var file: String
  /// The file the error points at, under `Fixtures/bad/` (`-`: the file itself).
  var at: String
  var line: Int
  var column: Int
  /// The key path before the message (`-`: none, e.g. a YAML syntax error).
  var keyPath: String
  /// Part of the message a planner reads; `{bad}` stands for the fixture folder.
  var fragment: String

  var testDescription: String { file }
  var isSweep: Bool { file.hasPrefix("sweep/") }
  var path: String { fixture("bad/\(file)") }
  var expectedFragment: String { fragment.replacingOccurrences(of: "{bad}", with: fixture("bad/")) }
  /// `file:line:column:` as the error prints it (the suffix of the path for another file,
  /// which the loader may print as `sweep/../x.yaml`).
  var expectedLocation: String { "\(at == "-" ? path : at):\(line):\(column):" }
}

/// How a `chainsim` process ended.
struct RefusalOutcome {
  var exitCode: Int32
  var signalled: Bool
  var timedOut: Bool
  var stdout: String
  var stderr: String
}

/// The malformed-input corpus (Issue 10): every file in `Fixtures/bad/` is refused by
/// `validate` and by `run` (or `sweep`) with exit code 2, its file, line, column, key path and a
/// clear message, without a crash, a hang or any file left in the output folder.
@Suite(.serialized) struct BadInputCorpusTests {
  static let folder = packageRoot.appendingPathComponent(fixture("bad"))
  static let manifestName = "EXPECTED.tsv"
  /// Files in the folder that are not cases.
  static let notCases: Set<String> = [manifestName, "make-generated.py"]
  /// The files that were in `Fixtures/bad/` before the corpus.
  static let earlier: Set<String> = [
    "bad-distribution.yaml", "both-arrivals.yaml", "cycle-a.yaml", "cycle-b.yaml", "missing-extends.yaml",
    "negative-capacity.yaml", "negative-yard.yaml", "shares-not-one.yaml", "syntax.yaml", "unknown-alternative.yaml",
    "unknown-key.yaml", "unknown-terminal.yaml", "wrong-unit.yaml",
  ]

  static let cases: [BadInputCase] = {
    guard let text = try? String(contentsOf: folder.appendingPathComponent(manifestName), encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { row in
      if row.hasPrefix("#") || row.isEmpty { return nil }
      let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 6, let line = Int(f[2]), let column = Int(f[3]) else { return nil }
      return BadInputCase(file: f[0], at: f[1], line: line, column: column, keyPath: f[4], fragment: f[5])
    }
  }()

  /// Starts `chainsim`, kills it after `timeout` seconds, and reports how it ended.
  static func start(_ arguments: [String]) throws -> () -> RefusalOutcome {
    let process = Process()
    process.executableURL = chainsimBinary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let timedOut = LockedFlag()
    DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
      if process.isRunning {
        timedOut.set()
        process.terminate()
      }
    }
    return {
      let o = out.fileHandleForReading.readDataToEndOfFile()
      let e = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return RefusalOutcome(
        exitCode: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
        timedOut: timedOut.value, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
  }

  /// The checks every refusal must pass.
  static func expectRefusal(_ o: RefusalOutcome, _ c: BadInputCase, _ command: String) {
    let label = "\(command) \(c.file)"
    #expect(!o.timedOut, "\(label): hung")
    #expect(!o.signalled, "\(label): killed by signal \(o.exitCode)")
    #expect(o.exitCode == 2, "\(label): exit \(o.exitCode): \(o.stderr)")
    for crash in ["Fatal error", "Program crashed", "Backtrac", "*** Signal", "Stack dump"] {
      #expect(!o.stderr.contains(crash), "\(label): crashed: \(o.stderr)")
    }
    #expect(o.stdout.isEmpty, "\(label): printed \(o.stdout)")
    let lines = o.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(label): one error line, found \(o.stderr)")
    #expect(o.stderr.hasPrefix("error: "), "\(label): \(o.stderr)")
    #expect(o.stderr.contains(c.path), "\(label): names the file: \(o.stderr)")
    #expect(o.stderr.contains(c.expectedLocation), "\(label): at \(c.expectedLocation): \(o.stderr)")
    if c.keyPath != "-" {
      #expect(o.stderr.contains(":\(c.column): \(c.keyPath): "), "\(label): key path \(c.keyPath): \(o.stderr)")
    }
    #expect(o.stderr.contains(c.expectedFragment), "\(label): says '\(c.expectedFragment)': \(o.stderr)")
  }

  @Test(arguments: cases)
  func refusedWithALocatedMessage(_ c: BadInputCase) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = dir.appendingPathComponent("out.h5").path
    // Both commands at once: they are independent and the machine has two cores.
    let validate = try Self.start(["validate", c.path])
    let run = try Self.start(
      c.isSweep
        ? ["sweep", c.path, "-o", output, "--quiet", "-j", "1"]
        : ["run", c.path, "-o", output, "--quiet", "-j", "1"])
    Self.expectRefusal(validate(), c, "validate")
    Self.expectRefusal(run(), c, c.isSweep ? "sweep" : "run")
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(left.isEmpty, "\(c.file): no output or temporary file: \(left)")
  }

  @Test func manifestAndFolderAgree() throws {
    let fm = FileManager.default
    var onDisk: [String] = []
    for name in try fm.contentsOfDirectory(atPath: Self.folder.path) where !Self.notCases.contains(name) {
      var isDirectory: ObjCBool = false
      _ = fm.fileExists(atPath: Self.folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
      if isDirectory.boolValue {
        onDisk += try fm.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(name).path).map { "\(name)/\($0)" }
      } else {
        onDisk.append(name)
      }
    }
    let listed = Self.cases.map(\.file)
    #expect(Set(listed).count == listed.count, "a file is listed twice")
    #expect(Set(onDisk).subtracting(listed).sorted() == [], "files in Fixtures/bad/ missing from EXPECTED.tsv")
    #expect(Set(listed).subtracting(onDisk).sorted() == [], "EXPECTED.tsv lists files that do not exist")
    let new = Set(listed).subtracting(Self.earlier)
    #expect(new.count >= 50, "at least 50 new cases, found \(new.count)")
    #expect(listed.filter { $0.hasPrefix("sweep/") }.count >= 15, "sweep cases")
    // Generated files stay small: the deepest is 10,000 levels in about 50 kB.
    for name in listed {
      let size = (try fm.attributesOfItem(atPath: Self.folder.appendingPathComponent(name).path)[.size] as? NSNumber)?.intValue ?? 0
      #expect(size < 64 * 1024, "\(name) is \(size) bytes")
    }
  }

  /// A file over the loader's 4 MiB limit, made at run time rather than committed.
  @Test func fileOverTheByteLimitIsRefusedBeforeParsing() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let limit = 4 << 20
    let padding = String(repeating: "# padding to make the file larger than the loader accepts\n", count: limit / 58 + 10)
    let scenario = dir.appendingPathComponent("huge.yaml")
    try ("extends: \(packageRoot.path)/scenarios/tianjin-2024.yaml\n" + padding).write(to: scenario, atomically: true, encoding: .utf8)
    let sweep = dir.appendingPathComponent("huge-sweep.yaml")
    try ("scenario: huge.yaml\nparameters:\n  - {name: b, path: run.seed, values: [1, 2]}\n" + padding)
      .write(to: sweep, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for (file, args) in [(scenario, ["run", scenario.path]), (sweep, ["sweep", sweep.path]), (scenario, ["validate", scenario.path])] {
      let extra = args[0] == "validate" ? [] : ["-o", out.appendingPathComponent("r.h5").path, "--quiet"]
      let o = try Self.start(args + extra)()
      #expect(o.exitCode == 2 && !o.signalled, "\(args[0]): \(o.stderr)")
      #expect(o.stderr.contains("\(file.path):1:1: the file is "), "\(args[0]): \(o.stderr)")
      #expect(o.stderr.contains("bytes; the limit is \(limit) bytes"), "\(args[0]): \(o.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }
}

/// A flag set from the timeout's queue and read by the test.
final class LockedFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var flag = false
  func set() { lock.withLock { flag = true } }
  var value: Bool { lock.withLock { flag } }
}
