import Foundation
import Results

/// A run's fingerprint next to the one its file expects (nil for a run the file lacks).
public struct FingerprintOutcome: Sendable, Equatable {
  public var run: FingerprintRun
  /// What the file records, if anything.
  public var expected: String?
  /// What the run gave.
  public var actual: String

  /// Whether the run gave what the file records.
  public var matches: Bool { expected == actual }
}

/// What `chainsim fingerprints --check` found in one fingerprint file.
public struct FingerprintCheck: Sendable {
  /// The file, relative to the root.
  public var file: String
  /// Every entry that names a shipped scenario, run.
  public var outcomes: [FingerprintOutcome]
  /// Runs the file must hold but does not (a shipped scenario or one of its seeds without
  /// an entry).
  public var missing: [FingerprintRun]
  /// Entries whose scenario is not a shipped scenario (a removed or renamed file).
  public var unshipped: [FingerprintEntry]
  /// Whether the file is exactly what `--update` writes for its entries (order, format).
  public var isInGeneratedForm: Bool

  /// Whether every entry matches, none is missing or unshipped, and the file is in form.
  public var passed: Bool {
    outcomes.allSatisfy(\.matches) && missing.isEmpty && unshipped.isEmpty && isInGeneratedForm
  }
}

/// What `chainsim fingerprints --update` wrote.
public struct FingerprintUpdate: Sendable {
  /// The file, relative to the root.
  public var file: String
  /// Every run, with what the file recorded before (nil for a new entry).
  public var outcomes: [FingerprintOutcome]
  /// Entries of the old file that are gone (their scenario is no longer shipped).
  public var removed: [FingerprintEntry]
  /// Whether the file's text changed (it is not rewritten when it did not).
  public var changedFile: Bool
}

/// Runs scenarios with a fingerprint file's settings, in memory (no results file), and
/// checks or rewrites the file.
public enum Fingerprinting {
  /// The trajectory fingerprint of `run`: the scenario under `root` run with its settings.
  /// - Parameter jobs: the most replications running at once (≥ 1); the result does not
  ///   depend on it.
  /// - Throws: `ScenarioError` when the scenario does not load.
  public static func fingerprint(of run: FingerprintRun, root: String, jobs: Int) async throws -> String {
    let path = URL(fileURLWithPath: root).appendingPathComponent(run.scenario).path
    let prepared = try ScenarioPreparation.prepare(path: path, overrides: run.settings.overrides)
    let outputs = await ReplicationSet.run(prepared.config, jobs: jobs)
    return ReplicationSet.combinedFingerprint(outputs)
  }

  /// Checks `book` under `root`: runs every entry and lists what is missing or unknown.
  /// `onOutcome` is called after each run.
  /// - Throws: ``FingerprintError`` when the file is absent or malformed; `ScenarioError`
  ///   when a shipped scenario does not load.
  public static func check(
    _ book: FingerprintBook, root: String, jobs: Int, onOutcome: (@Sendable (FingerprintOutcome) -> Void)? = nil
  ) async throws -> FingerprintCheck {
    guard let (text, entries) = try book.read(root: root) else {
      throw FingerprintError.input(
        "\(book.path): no such file; write it with chainsim fingerprints --update\(book.coversEveryShippedScenario ? "" : " --full-year")")
    }
    let shipped = try ShippedScenarios.list(root: root)
    let recorded = Set(entries.map(\.run))
    var outcomes: [FingerprintOutcome] = []
    for entry in entries where shipped.contains(entry.run.scenario) {
      let outcome = FingerprintOutcome(
        run: entry.run, expected: entry.fingerprint, actual: try await fingerprint(of: entry.run, root: root, jobs: jobs))
      onOutcome?(outcome)
      outcomes.append(outcome)
    }
    let runs = book.runs(of: entries, shipped: shipped)
    // In the form --update writes: its text, and the runs it holds in the order --update
    // puts them, each once (missing and unshipped entries are reported on their own).
    let wanted = Set(runs)
    let inOrder = entries.map(\.run).filter { wanted.contains($0) } == runs.filter { recorded.contains($0) }
    return FingerprintCheck(
      file: book.path, outcomes: outcomes,
      missing: runs.filter { !recorded.contains($0) },
      unshipped: entries.filter { !shipped.contains($0.run.scenario) },
      isInGeneratedForm: inOrder && text == book.text(of: entries))
  }

  /// Rewrites `book` under `root`: every run it must hold (``FingerprintBook/runs(of:shipped:)``)
  /// with a fresh fingerprint. `onOutcome` is called after each run.
  /// - Throws: ``FingerprintError`` when the old file is malformed or the new one cannot be
  ///   written (exit 3); `ScenarioError` when a shipped scenario does not load.
  public static func update(
    _ book: FingerprintBook, root: String, jobs: Int, onOutcome: (@Sendable (FingerprintOutcome) -> Void)? = nil
  ) async throws -> FingerprintUpdate {
    let old = try book.read(root: root)
    let oldEntries = old?.entries ?? []
    let shipped = try ShippedScenarios.list(root: root)
    var outcomes: [FingerprintOutcome] = []
    for run in book.runs(of: oldEntries, shipped: shipped) {
      let outcome = FingerprintOutcome(
        run: run, expected: oldEntries.first { $0.run == run }?.fingerprint,
        actual: try await fingerprint(of: run, root: root, jobs: jobs))
      onOutcome?(outcome)
      outcomes.append(outcome)
    }
    let kept = Set(outcomes.map(\.run))
    let text = book.text(of: outcomes.map { FingerprintEntry(run: $0.run, fingerprint: $0.actual) })
    let changed = text != old?.text
    if changed { try write(text, to: book.location(root: root)) }
    return FingerprintUpdate(
      file: book.path, outcomes: outcomes, removed: oldEntries.filter { !kept.contains($0.run) }, changedFile: changed)
  }

  /// Writes a fingerprint file durably (temporary name, fsync, rename), over an older one only.
  private static func write(_ text: String, to path: String) throws(FingerprintError) {
    do {
      try DurableFile(path: path, content: .fingerprints).write(Array(text.utf8))
    } catch {
      throw FingerprintError(message: error.description, kind: error.failureKind)
    }
  }
}

extension OutputDestination.Content {
  /// A fingerprint file (``FingerprintBook``), recognised by its first comment line.
  static let fingerprints = OutputDestination.Content(name: "ChainSim fingerprint file") { head in
    head.starts(with: Array("# Expected event-trajectory fingerprint".utf8))
  }
}
