import Experiments
import Foundation
import Models
import Scenario

/// libFuzzer's entry point: one input, as a scenario or a sweep file, through the path
/// `chainsim validate` takes. Every thrown error is an accepted outcome (return 0); a crash,
/// a trap, a hang or a sanitizer report is a finding. Two invariants are checked on top:
/// a rejected input's message is not empty, and a loaded scenario's canonical text loads
/// again to the same SHA-256 (canonicalisation is idempotent).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = FuzzHarness.check(text)
  return 0
}

/// What one input goes through; also used by the replay driver of a build without libFuzzer.
enum FuzzHarness {
  /// The input's path in the in-memory file tree: next to the shipped variants, so that
  /// `extends: ../tianjin-2024.yaml`, `extends: base.yaml` (the baseline again) and
  /// `scenario: ../tianjin-2024.yaml` resolve, and `extends: input.yaml` is a cycle.
  static let inputPath = "scenarios/variants/input.yaml"
  /// A sweep with more points than this is expanded but not prepared point by point (each
  /// point loads and checks the whole scenario: a large grid is slow, not wrong).
  static let maxPreparedPoints = 6

  /// `CHAINSIM_FUZZ_MODE=front-end`: only the front end (YAML prescan and parse, the input's
  /// own schema check without `extends`, a sweep file's parsing), at thousands of inputs a
  /// second; the default mode takes the whole `validate` path (tens a second, as each input
  /// loads the 60 kB baseline it extends).
  static let frontEndOnly = ProcessInfo.processInfo.environment["CHAINSIM_FUZZ_MODE"] == "front-end"

  /// Runs one input; returns what `validate` would say (for the replay driver).
  @discardableResult
  static func check(_ text: String) -> String {
    if frontEndOnly { return checkFrontEnd(text) }
    var files = FuzzFiles.shipped
    files[inputPath] = text
    let reader = ScenarioSourceReader.inMemory(files)
    let isSweep = (try? ScenarioNode.parse(yaml: text, file: inputPath)).map(SweepDefinition.isSweep) ?? false
    do {
      if isSweep {
        return try checkSweep(reader)
      }
      let prepared = try ScenarioPreparation.prepare(path: inputPath, overrides: [], reader: reader)
      checkCanonical(prepared.canonicalText, sha256: prepared.sha256)
      return "ok (scenario \(prepared.name), sha256 \(prepared.sha256.prefix(12)))"
    } catch {
      // The message validate prints must say something.
      let message = ErrorClassification(error)?.message ?? "\(error)"
      if let e = error as? ScenarioError, e.message.isEmpty {
        fatalError("a ScenarioError with an empty message: \(e)")
      }
      if message.isEmpty { fatalError("an error with an empty message: \(type(of: error))") }
      return "rejected: \(message)"
    }
  }

  /// The front end alone: parse, the schema check of the input without its base, and a
  /// sweep file's own parsing (ranges, designs, constraints) without preparing its points.
  private static func checkFrontEnd(_ text: String) -> String {
    do {
      let root = try ScenarioNode.parse(yaml: text, file: inputPath)
      if SweepDefinition.isSweep(root) {
        let definition = try SweepDefinition(root: root, path: inputPath)
        return "ok (sweep \(definition.name): \(try definition.points().count) points)"
      }
      let loaded = try ScenarioLoader(schema: ChainSimSchema.root).load(text: text, name: "input.yaml")
      checkCanonical(loaded.canonicalText, sha256: loaded.sha256)
      return "ok (scenario \(loaded.name))"
    } catch {
      let message = ErrorClassification(error)?.message ?? "\(error)"
      if message.isEmpty { fatalError("an error with an empty message: \(type(of: error))") }
      return "rejected: \(message)"
    }
  }

  private static func checkSweep(_ reader: ScenarioSourceReader) throws -> String {
    let definition = try SweepDefinition(path: inputPath, reader: reader)
    var count = 1
    for p in definition.parameters {
      count = count.multipliedReportingOverflow(by: max(1, p.gridValues.count)).partialValue
    }
    if case .lhs(let n, _) = definition.design { count = n }
    if count > maxPreparedPoints {
      return "ok (sweep \(definition.name): \(try definition.points().count) points, not prepared one by one)"
    }
    let sweep = try SweepPreparation.prepare(path: inputPath, reader: reader)
    checkCanonical(sweep.base.canonicalText, sha256: sweep.base.sha256)
    return "ok (sweep \(definition.name): \(sweep.points.count) points)"
  }

  /// The canonical text of a loaded scenario loads again, to the same hash.
  private static func checkCanonical(_ canonical: String, sha256: String) {
    do {
      let again = try ScenarioLoader(schema: ChainSimSchema.root).load(text: canonical, name: "canonical.yaml")
      if again.sha256 != sha256 {
        fatalError("canonical text is not idempotent:\n--- first\n\(canonical)\n--- again\n\(again.canonicalText)")
      }
    } catch {
      fatalError("the canonical text of a loaded scenario does not load again: \(error)\n\(canonical)")
    }
  }
}
