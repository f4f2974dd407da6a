import Experiments
import Foundation
import Testing

/// The fingerprint files' reading, writing and checking, on scenario folders made for the
/// test (the shipped file itself is checked by ``FingerprintTests``).
@Suite struct FingerprintBookTests {
  /// A package root in a temporary folder, with `files` (relative path → text) written.
  func root(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-fingerprints-\(UUID().uuidString)")
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  @Test func shippedScenariosLeaveOutSweepsLocalFilesAndFingerprintFiles() throws {
    let dir = try root([
      "scenarios/base.yaml": "", "scenarios/README.md": "", "scenarios/fingerprints.yaml": "",
      "scenarios/fingerprints-full-year.yaml": "", "scenarios/.hidden.yaml": "",
      "scenarios/variants/b.yaml": "", "scenarios/variants/a.yml": "", "scenarios/variants/deeper/c.yaml": "",
      "scenarios/sweeps/s.yaml": "", "scenarios/local/mine.yaml": "", "scenarios/zz.yaml": "",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(
      try ShippedScenarios.list(root: dir.path) == [
        "scenarios/base.yaml", "scenarios/zz.yaml", "scenarios/variants/a.yml", "scenarios/variants/b.yaml",
        "scenarios/variants/deeper/c.yaml",
      ])
  }

  @Test func aRootWithoutScenariosIsRefused() throws {
    let dir = try root(["README.md": ""])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(throws: FingerprintError.self) { try ShippedScenarios.list(root: dir.path) }
  }

  @Test func textReadsBackAsItsEntries() throws {
    let settings = FingerprintSettings(seed: 7, replications: 2, horizon: "3d", warmup: "1d")
    let entries = [
      FingerprintEntry(run: FingerprintRun(scenario: "scenarios/a.yaml", settings: settings), fingerprint: "0123456789abcdef"),
      FingerprintEntry(
        run: FingerprintRun(scenario: "scenarios/odd: \"name\" #1.yaml", settings: settings), fingerprint: "fedcba9876543210"),
    ]
    let text = FingerprintBook.threeDays.text(of: entries)
    #expect(text.hasPrefix("# Expected event-trajectory fingerprints"))
    #expect(
      text.contains(
        "  - scenario: scenarios/a.yaml\n    seed: 7\n    replications: 2\n    horizon: 3d\n    warmup: 1d\n    fingerprint: 0123456789abcdef\n"
      ))
    #expect(try FingerprintBook.threeDays.entries(in: text, file: "f.yaml") == entries)
  }

  @Test(arguments: [
    ("fingerprints:\n  - scenario: a.yaml\n    seed: 7\n", "f.yaml:2:5: the entry needs `fingerprint:`"),
    (
      "fingerprints:\n  - {scenario: a.yaml, seed: x, replications: 1, horizon: 1d, warmup: 0d, fingerprint: 0123456789abcdef}\n",
      "`seed` must be a whole number of at least 0"
    ),
    (
      "fingerprints:\n  - {scenario: a.yaml, seed: 1, replications: 1, horizon: 1d, warmup: 0d, fingerprint: 0123}\n",
      "`fingerprint` must be 16 lowercase hex digits, found '0123'"
    ),
    (
      "fingerprints:\n  - {scenario: a.yaml, seed: 1, replications: 1, horizon: 1d, warmup: 0d, fingerprint: 0123456789abcdef, x: 1}\n",
      "unknown key `x`"
    ),
    ("entries: []\n", "f.yaml: no `fingerprints:` list"),
  ])
  func malformedEntriesAreRefusedWithTheirPlace(text: String, message: String) {
    #expect {
      try FingerprintBook.threeDays.entries(in: text, file: "f.yaml")
    } throws: { error in
      (error as? FingerprintError).map { $0.message.contains(message) && $0.failureKind == .badInput } ?? false
    }
  }

  @Test func checkListsAShippedScenarioWithoutEntries() async throws {
    let book = FingerprintBook.threeDays
    let dir = try root(["scenarios/base.yaml": "", "scenarios/variants/v.yaml": "", book.path: book.text(of: [])])
    defer { try? FileManager.default.removeItem(at: dir) }
    let check = try await Fingerprinting.check(book, root: dir.path, jobs: 1)
    #expect(!check.passed)
    #expect(check.outcomes.isEmpty)
    #expect(
      check.missing.map(\.description) == [
        "scenarios/base.yaml seed 2024", "scenarios/base.yaml seed 7",
        "scenarios/variants/v.yaml seed 2024", "scenarios/variants/v.yaml seed 7",
      ])
  }

  @Test func checkWithoutTheFileIsRefused() async throws {
    let dir = try root(["scenarios/base.yaml": ""])
    defer { try? FileManager.default.removeItem(at: dir) }
    await #expect(throws: FingerprintError.self) { try await Fingerprinting.check(.fullYear, root: dir.path, jobs: 1) }
  }

  /// A short run of the baseline and a variant: update writes what check then accepts, with
  /// the settings the old file recorded; a changed fingerprint, an entry for a removed
  /// scenario and a hand-edited layout each fail the check.
  @Test func updateWritesWhatCheckAccepts() async throws {
    let book = FingerprintBook.threeDays
    let baseline = try String(contentsOf: packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml"), encoding: .utf8)
    let variant = try String(contentsOf: packageRoot.appendingPathComponent("scenarios/variants/new-hub.yaml"), encoding: .utf8)
    let short = FingerprintSettings(seed: 11, replications: 1, horizon: "12h", warmup: "1h")
    let stale = FingerprintEntry(
      run: FingerprintRun(scenario: "scenarios/tianjin-2024.yaml", settings: short), fingerprint: "0000000000000000")
    let gone = FingerprintEntry(run: FingerprintRun(scenario: "scenarios/gone.yaml", settings: short), fingerprint: "0000000000000000")
    let dir = try root([
      "scenarios/tianjin-2024.yaml": baseline, "scenarios/variants/new-hub.yaml": variant,
      book.path: book.text(of: [stale, gone]),
    ])
    defer { try? FileManager.default.removeItem(at: dir) }

    let before = try await Fingerprinting.check(book, root: dir.path, jobs: 1)
    #expect(before.outcomes.count == 1 && before.outcomes.allSatisfy { !$0.matches })
    #expect(before.missing.map(\.description) == ["scenarios/variants/new-hub.yaml seed 11"])
    #expect(before.unshipped == [gone])

    let update = try await Fingerprinting.update(book, root: dir.path, jobs: 1)
    #expect(update.changedFile)
    #expect(update.removed == [gone])
    #expect(update.outcomes.map(\.run.settings) == [short, short])
    #expect(update.outcomes.map(\.expected) == ["0000000000000000", nil])
    let after = try await Fingerprinting.check(book, root: dir.path, jobs: 1)
    #expect(after.passed)
    #expect(after.outcomes.map(\.actual) == update.outcomes.map(\.actual))
    #expect(after.outcomes[0].actual != after.outcomes[1].actual, "the variant changes the trajectory")
    let again = try await Fingerprinting.update(book, root: dir.path, jobs: 1)
    #expect(!again.changedFile)

    let file = dir.appendingPathComponent(book.path)
    try (try String(contentsOf: file, encoding: .utf8) + "# a note\n").write(to: file, atomically: true, encoding: .utf8)
    let edited = try await Fingerprinting.check(book, root: dir.path, jobs: 1)
    #expect(!edited.isInGeneratedForm && !edited.passed)
  }
}
