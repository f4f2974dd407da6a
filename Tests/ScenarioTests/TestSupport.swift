import Foundation
import Scenario
import Testing

/// A small port-like schema used across the tests (the library itself knows no domain).
enum TestSchema {
  static let terminal = Schema([
    .count("berths", default: 2, doc: "Berths at the terminal"),
    .count("cranes_per_berth", default: .optional, doc: "Quay cranes per berth at this terminal"),
    .distribution("interarrival", of: .duration, default: "exp(mean: 6h)", doc: "Time between vessel arrivals"),
    .fraction("share", default: "50%", doc: "Share of calls"),
    .list("hours", of: .number(.duration), default: .optional, doc: "Opening hours"),
  ])

  static let port = Schema([
    .bool("enabled", default: true, doc: "Simulate the port"),
    .count("cranes_per_berth", default: 2, min: 0, max: 12, doc: "Quay cranes per berth"),
    .rate("gate_rate", default: "30/h", doc: "Trucks through the gate"),
    .choice("mode", ["fifo", "priority"], default: "fifo", doc: "Berth allocation rule"),
    .number("quay_length", unit: .distance, default: .optional, min: 0, doc: "Quay length"),
    .namedList("terminals", terminal, doc: "Container terminals"),
    .list("tags", of: .string, default: .optional, doc: "Free tags"),
  ])

  static let root = Schema([
    .string("name", default: .optional, doc: "Scenario name"),
    .duration("horizon", default: "365d", doc: "Simulated time"),
    .duration("warmup", default: .required, doc: "Warm-up period"),
    .section("port", port, doc: "The port"),
  ])

  /// `root` without the required warm-up, for fixture files that do not set it.
  static let lenientRoot = Schema([
    .string("name", default: .optional, doc: "Scenario name"),
    .duration("horizon", default: "365d", doc: "Simulated time"),
    .section("port", port, doc: "The port"),
  ])
}

enum Fixtures {
  static func path(_ relative: String) throws -> String {
    let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return base.appendingPathComponent(relative).path
  }

  /// The error a closure throws, or nil.
  static func error<T>(_ body: () throws(ScenarioError) -> T) -> ScenarioError? {
    do throws(ScenarioError) {
      _ = try body()
      return nil
    } catch {
      return error
    }
  }

  /// A fresh temporary folder.
  static func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }
}
