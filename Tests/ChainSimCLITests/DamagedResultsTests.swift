import Foundation
import Testing

/// Damaged results files given to `inspect`, `compare`, `report` and `merge`: truncated at
/// seeded lengths, single bits flipped at seeded offsets spread over the whole file and inside
/// the raw data of every dataset, foreign HDF5, a ChainSim look-alike with a dataset missing,
/// a non-HDF5 file and a folder named `.h5`. Every command must either print exactly what it
/// prints for the undamaged file (exit 0/1: the damage hit unused bytes) or exit 2 naming the
/// file; never a signal, a Swift trap or an HDF5 diagnostic dump.
@Suite(.serialized) struct DamagedResultsTests {
  /// The undamaged files, made once: a run file, two shard part files and their merged sweep.
  static let good = Result { try GoodFiles() }

  @Test func truncatedRunFiles() throws {
    let good = try Self.good.get()
    var random = SplitMix64(seed: 10_001)
    let n = good.run.count
    var lengths = [0, 8, 100, 511, 512, 520, n / 2, n - 1]
    for _ in 0..<6 { lengths.append(Int(random.next() % UInt64(n - 1))) }
    let cases = lengths.map { DamageCase(name: "truncated to \($0) of \(n) bytes", bytes: good.run.prefix($0)) }
    try DamageHarness(good: good, target: .run).check(cases, expectRefused: true)
  }

  @Test func bitFlipsInRunFiles() throws {
    let good = try Self.good.get()
    var random = SplitMix64(seed: 10_002)
    // 40 flips, one in each fortieth of the file: superblock, object headers, B-trees, heaps, data.
    let cases = (0..<40).map { i -> DamageCase in
      let lower = i * good.run.count / 40, upper = (i + 1) * good.run.count / 40
      return DamageCase.flip(good.run, at: lower + Int(random.next() % UInt64(upper - lower)), bit: Int(random.next() % 8))
    }
    try DamageHarness(good: good, target: .run, withMerge: false).check(cases, expectRefused: false)
  }

  /// The crucial case: one flip inside the stored data of each dataset (compressed chunks,
  /// contiguous and variable-length strings alike) must never give a different number silently.
  @Test func bitFlipsInsideRawData() throws {
    let good = try Self.good.get()
    var random = SplitMix64(seed: 10_003)
    let all = try good.rawDataRegions()
    #expect(all.count >= 100, "the run file has raw data in many datasets: \(all.count)")
    // Every uncompressed dataset (label scales: references into the global heap) and a
    // seeded sample of the compressed ones.
    var regions = all.filter { !$0.chunked }
    var chunked = all.filter(\.chunked)
    for _ in 0..<16 where !chunked.isEmpty { regions.append(chunked.remove(at: Int(random.next() % UInt64(chunked.count)))) }
    var cases = regions.map { region in
      DamageCase.flip(
        good.run, at: region.offset + Int(random.next() % UInt64(region.size)), bit: Int(random.next() % 8),
        label: "in the data of /\(region.name)")
    }
    // Strings live in the global heap: the resolved scenario text and the label scales.
    for text in ["horizon:", "UICT"] {
      let at = try #require(good.run.range(of: Data(text.utf8), options: .backwards)).lowerBound
      cases.append(.flip(good.run, at: at, bit: 1, label: "in the text \(String(reflecting: text))"))
    }
    try DamageHarness(good: good, target: .run, withMerge: false).check(cases, expectRefused: true)
  }

  @Test func foreignAndMisnamedFiles() throws {
    let good = try Self.good.get()
    let foreign = try good.python("foreign")
    let lookAlike = try good.python("missing-dataset", good.runPath)
    let cases = [
      DamageCase(name: "foreign HDF5 file", bytes: foreign, message: "not a ChainSim results file"),
      DamageCase(name: "ChainSim attributes, /time missing", bytes: lookAlike, message: "/time is missing"),
      DamageCase(name: "text file named .h5", bytes: Data("port,rail\n1,2\n".utf8), message: "not an HDF5 file"),
      DamageCase(name: "empty file", bytes: Data(), message: nil),
      DamageCase(name: "folder named .h5", bytes: nil, message: "folder"),
    ]
    try DamageHarness(good: good, target: .run).check(cases, expectRefused: true)
  }

  @Test func damagedSweepFiles() throws {
    let good = try Self.good.get()
    var random = SplitMix64(seed: 10_004)
    let n = good.sweep.count
    var cases = [0, 8, 512, n / 2, n - 1].map { DamageCase(name: "truncated to \($0) of \(n) bytes", bytes: good.sweep.prefix($0)) }
    for i in 0..<16 {
      let lower = i * n / 16, upper = (i + 1) * n / 16
      cases.append(.flip(good.sweep, at: lower + Int(random.next() % UInt64(upper - lower)), bit: Int(random.next() % 8)))
    }
    try DamageHarness(good: good, target: .sweep).check(cases, expectRefused: false)
  }

  @Test func damagedPartFiles() throws {
    let good = try Self.good.get()
    var random = SplitMix64(seed: 10_005)
    let n = good.part.count
    var cases = [0, 8, n / 2, n - 1].map { DamageCase(name: "truncated to \($0) of \(n) bytes", bytes: good.part.prefix($0)) }
    for i in 0..<12 {
      let lower = i * n / 12, upper = (i + 1) * n / 12
      cases.append(.flip(good.part, at: lower + Int(random.next() % UInt64(upper - lower)), bit: Int(random.next() % 8)))
    }
    cases.append(DamageCase(name: "a results file given as a part", bytes: good.run, message: "not a ChainSim sweep part file"))
    try DamageHarness(good: good, target: .part).check(cases, expectRefused: false)
  }
}

// MARK: - Damage

/// One damaged file: its bytes (nil: a folder of that name) and, when known, a phrase the
/// refusal must contain.
struct DamageCase {
  var name: String
  var bytes: Data?
  var message: String? = nil

  static func flip(_ data: Data, at offset: Int, bit: Int, label: String = "") -> DamageCase {
    var bytes = data
    let index = bytes.startIndex + offset
    bytes[index] ^= UInt8(1 << bit)
    return DamageCase(name: "bit \(bit) of byte \(offset) flipped \(label)", bytes: bytes)
  }
}

/// What a command did: its exit, whether a signal ended it, its output (stdout and any file
/// it wrote), and stderr.
struct DamageOutcome: Equatable {
  var exitCode: Int32
  var signalled: Bool
  var output: String
  var stderr: String
}

/// Runs every command on a damaged file at a fixed path and judges the outcome against the
/// same command on the undamaged bytes at that path.
struct DamageHarness {
  enum Target { case run, sweep, part }

  let good: GoodFiles
  let target: Target
  /// Whether `merge` (which reads part files, not HDF5) is among the commands for run files.
  var withMerge = true

  /// The commands for a file at `path` in `dir`: name and arguments.
  func commands(_ path: String, _ dir: URL) -> [(String, [String])] {
    let out = "out"  // relative to `dir`, so that printed paths agree with the baseline's
    switch target {
    case .run:
      return [
        ("inspect", ["inspect", path, "--json", "--all-series"]),
        ("compare", ["compare", good.runPath, path, "--json"]),
        ("report", ["report", path, "-o", out]),
      ] + (withMerge ? [("merge", ["merge", path, "-o", out])] : [])
    case .sweep:
      return [("report", ["report", path, "-o", out]), ("inspect", ["inspect", path])]
    case .part:
      return [("merge", ["merge", good.otherPartPath, path, "-o", out])]
    }
  }

  /// Checks every case with every command; with `expectRefused` every case must exit 2.
  func check(_ cases: [DamageCase], expectRefused: Bool) throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let baselineDir = root.appendingPathComponent("baseline")
    let baseline = try outcomes(of: DamageCase(name: "undamaged", bytes: bytes), in: baselineDir)
    for (name, outcome) in baseline {
      let refusedAnyway = (name == "merge" && target == .run) || (name == "inspect" && target == .sweep)
      #expect(outcome.exitCode == (refusedAnyway ? 2 : 0), "undamaged \(name): \(outcome.stderr)")
    }
    let results = Collected(count: cases.count)
    DispatchQueue.concurrentPerform(iterations: cases.count) { index in
      results.set(index, Result { try outcomes(of: cases[index], in: root.appendingPathComponent("case\(index)")) })
    }
    var refused = 0, harmless = 0
    for (index, damage) in cases.enumerated() {
      let found = try results.get(index)
      for ((command, outcome), (_, base)) in zip(found, baseline) {
        let what = "\(damage.name), \(command)"
        #expect(!outcome.signalled, "\(what): killed by signal \(outcome.exitCode)")
        #expect(!outcome.stderr.contains("Fatal error"), "\(what): Swift trap: \(outcome.stderr)")
        #expect(!outcome.stderr.contains("HDF5-DIAG"), "\(what): HDF5 printed its error stack: \(outcome.stderr)")
        if outcome.exitCode == 2 {
          refused += 1
          #expect(outcome.stderr.contains(Self.damagedName), "\(what): the message names the file: \(outcome.stderr)")
          #expect(outcome.stderr.split(separator: "\n").count <= 3, "\(what): a short message: \(outcome.stderr)")
          if let message = damage.message, command != "merge" || message == "folder" {
            #expect(outcome.stderr.contains(message), "\(what): \(outcome.stderr)")
          }
        } else {
          harmless += 1
          #expect(!expectRefused, "\(what): expected exit 2, got \(outcome.exitCode): \(outcome.stderr)")
          #expect([0, 1].contains(outcome.exitCode), "\(what): exit \(outcome.exitCode): \(outcome.stderr)")
          #expect(
            outcome.exitCode == base.exitCode && outcome.output == base.output,
            "\(what): exit \(outcome.exitCode) with output different from the undamaged file's")
        }
      }
    }
    print(
      "DamagedResultsTests \(target): \(cases.count) damaged files x \(baseline.count) commands: \(refused) refused (exit 2), \(harmless) unchanged output"
    )
  }

  static let damagedName = "damaged-target.h5"

  private var bytes: Data {
    switch target {
    case .run: good.run
    case .sweep: good.sweep
    case .part: good.part
    }
  }

  /// Writes the case at `dir/damaged-target.h5` and runs every command on it.
  private func outcomes(of damage: DamageCase, in dir: URL) throws -> [(String, DamageOutcome)] {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent(Self.damagedName)
    if let bytes = damage.bytes {
      try bytes.write(to: file)
    } else {
      try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
    }
    // The same relative path for the baseline and every case, so that printed paths agree.
    let relative = Self.damagedName
    return try commands(relative, dir).map { name, arguments in
      let out = dir.appendingPathComponent("out")
      try? FileManager.default.removeItem(at: out)
      let result = try runProgram(chainsimBinary, arguments, in: dir)
      var output = result.stdout
      if let written = try? Data(contentsOf: out) { output += "\n--- written file ---\n" + written.base64EncodedString() }
      return (name, DamageOutcome(exitCode: result.exitCode, signalled: result.signalled, output: output, stderr: result.stderr))
    }
  }
}

/// Results gathered from concurrent work, by index.
final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<[(String, DamageOutcome)], Error>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Result<[(String, DamageOutcome)], Error>) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
  }

  func get(_ index: Int) throws -> [(String, DamageOutcome)] {
    lock.lock()
    defer { lock.unlock() }
    return try slots[index]!.get()
  }
}

// MARK: - Good files

/// The undamaged files, written once into a temporary folder that lives as long as the process.
struct GoodFiles: Sendable {
  let dir: URL
  let runPath: String
  let otherPartPath: String
  let run: Data
  let sweep: Data
  let part: Data

  init() throws {
    let dir = try temporaryDirectory()
    self.dir = dir
    let runPath = dir.appendingPathComponent("good.h5").path
    self.runPath = runPath
    let r = try chainsim(
      "run", "scenarios/tianjin-2024.yaml", "--horizon", "2d", "--replications", "2", "--set", "run.warmup=0d", "--set",
      "ring.enabled=false",
      "--set", "recycling.enabled=false", "-o", runPath, "--quiet")
    guard r.exitCode == 0 else { throw Failure("good run failed: \(r.stderr)") }
    let sweepDefinition = fixture("damaged/two-points.yaml")
    let parts = ["1/2", "2/2"].map { dir.appendingPathComponent("part-\($0.prefix(1))").path }
    for (shard, part) in zip(["1/2", "2/2"], parts) {
      let s = try chainsim("sweep", sweepDefinition, "--shard", shard, "-o", part, "--quiet")
      guard s.exitCode == 0 else { throw Failure("shard \(shard) failed: \(s.stderr)") }
    }
    let sweepPath = dir.appendingPathComponent("sweep.h5").path
    let m = try runProgram(chainsimBinary, ["merge"] + parts + ["-o", sweepPath, "--quiet"])
    guard m.exitCode == 0 else { throw Failure("merge failed: \(m.stderr)") }
    otherPartPath = parts[0]
    run = try Data(contentsOf: URL(fileURLWithPath: runPath))
    sweep = try Data(contentsOf: URL(fileURLWithPath: sweepPath))
    part = try Data(contentsOf: URL(fileURLWithPath: parts[1]))
  }

  /// Runs Fixtures/h5tool.py with `arguments` and an output file; returns its bytes.
  func python(_ command: String, _ arguments: String...) throws -> Data {
    let out = dir.appendingPathComponent("\(command).h5").path
    let r = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", fixture("h5tool.py"), command] + arguments + [out])
    guard r.exitCode == 0 else { throw Failure("h5tool.py \(command): \(r.stderr)") }
    return try Data(contentsOf: URL(fileURLWithPath: out))
  }

  /// Where each dataset of the run file stores its data (absolute offsets, from h5py).
  func rawDataRegions() throws -> [(name: String, offset: Int, size: Int, chunked: Bool)] {
    let r = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", fixture("h5tool.py"), "offsets", runPath])
    guard r.exitCode == 0 else { throw Failure("h5tool.py offsets: \(r.stderr)") }
    return r.stdout.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ")
      guard parts.count == 4, let offset = Int(parts[1]), let size = Int(parts[2]), size > 0 else { return nil }
      return (String(parts[0]), offset, size, parts[3] == "chunked")
    }
  }
}

struct Failure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A small seeded generator (SplitMix64), so the damage is the same on every run.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The seal is plain text that Python's `zlib.crc32` confirms, so anyone can check a file.
@Suite struct FileSealFormatTests {
  @Test func sealMatchesZlibCRC32() throws {
    let good = try DamagedResultsTests.good.get()
    let head = String(decoding: good.run.prefix(512).prefix { $0 != 0 }, as: UTF8.self)
    #expect(head.hasPrefix("CHAINSIM-SEAL 1\nbytes \(good.run.count)\ncrc32 "), "\(head)")
    let script = "import sys, zlib; d = open(sys.argv[1], 'rb').read(); print('crc32 %08x' % zlib.crc32(d[512:]))"
    let r = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, good.runPath])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(head.contains(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"), "\(head) vs \(r.stdout)")
  }
}
