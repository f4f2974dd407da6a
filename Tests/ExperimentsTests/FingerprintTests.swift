import Experiments
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every shipped scenario's trajectory matches `scenarios/fingerprints.yaml`, and every
/// shipped scenario and variant (``ShippedScenarios``, listed from `scenarios/` itself) has
/// its entries there. The full-year file (`scenarios/fingerprints-full-year.yaml`) is too
/// slow for a debug build: `.ci/run` checks it from the release binary.
@Suite struct FingerprintTests {
  static let book = FingerprintBook.threeDays

  /// The file's entries; a file that does not read gives none, and `fileReads` says why.
  static let entries: [FingerprintEntry] = (try? book.read(root: packageRoot.path))?.entries ?? []

  @Test func fileReads() throws {
    let file = try #require(try Self.book.read(root: packageRoot.path), "\(Self.book.path) is missing")
    #expect(!file.entries.isEmpty)
    #expect(file.text == Self.book.text(of: file.entries), "not in the form chainsim fingerprints --update writes")
  }

  @Test func everyShippedScenarioHasItsEntries() throws {
    let shipped = try ShippedScenarios.list(root: packageRoot.path)
    #expect(shipped.first == "scenarios/tianjin-2024.yaml")
    #expect(shipped.contains("scenarios/variants/automated-cranes.yaml"))
    let recorded = Set(Self.entries.map(\.run))
    let missing = Self.book.runs(of: Self.entries, shipped: shipped).filter { !recorded.contains($0) }
    #expect(missing.isEmpty, "no entry in \(Self.book.path) for \(missing): run chainsim fingerprints --update")
    let unshipped = Self.entries.filter { !shipped.contains($0.run.scenario) }
    #expect(unshipped.isEmpty, "\(unshipped): not a shipped scenario (removed or renamed?)")
  }

  @Test(arguments: entries)
  func trajectoryMatches(entry: FingerprintEntry) async throws {
    let got = try await Fingerprinting.fingerprint(of: entry.run, root: packageRoot.path, jobs: 2)
    #expect(
      got == entry.fingerprint,
      "\(entry): fingerprint \(got), expected \(entry.fingerprint) — if the change is deliberate, run chainsim fingerprints --update")
  }
}
