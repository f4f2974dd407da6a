import Experiments
import Foundation
import Scenario
import Testing

/// Values that validated and then crashed `run` (Issue 17) are refused at load, with the
/// allowed range; the corpus (Fixtures/bad/val-huge-*.yaml) checks the command line, these
/// check the limits that need a generated input or the warnings' text.
@Suite struct ExtremeValueBoundsTests {
  static let baseline: String = {
    let url = packageRoot.appendingPathComponent("scenarios/tianjin-2024.yaml")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  func prepare(_ input: String) throws(ScenarioError) -> PreparedRun {
    let reader = ScenarioSourceReader.inMemory(["scenarios/tianjin-2024.yaml": Self.baseline, "scenarios/variants/input.yaml": input])
    return try ScenarioPreparation.prepare(path: "scenarios/variants/input.yaml", overrides: [], reader: reader)
  }

  func error(_ input: String) -> ScenarioError? {
    do {
      _ = try prepare(input)
      return nil
    } catch { return error }
  }

  @Test func tooManyRecyclingSitesIsAnErrorNotGigabytesOfLinks() {
    // The recycling network links every pair of sites: 30,000 points asked for 10⁹ links.
    let points = (0..<1_000).map {
      "    - {name: p\($0), kind: community, latitude: 39.0, longitude: 117.6, centre: Binhai, categories: [weee]}\n"
    }
    let e = error("extends: ../tianjin-2024.yaml\nrecycling:\n  collection_points:\n" + points.joined())
    #expect(e?.keyPath == "recycling.collection_points")
    #expect(e?.message.contains("expected at most 1000 centres and collection points together") == true, "\(String(describing: e))")
  }

  @Test func tooManyRoadNodesIsAnError() {
    let junctions = (0..<2_000).map { "      - {name: j\($0), latitude: 39.9, longitude: 116.4}\n" }
    let e = error("extends: ../tianjin-2024.yaml\nring:\n  roads:\n    junctions:\n" + junctions.joined())
    #expect(e?.keyPath == "ring.roads.junctions")
    #expect(e?.message.contains("expected at most 2000 road nodes") == true, "\(String(describing: e))")
  }

  @Test func tablesFromProductsOfListsAndAllVehiclesAreBounded() {
    // Each list is bounded by the file; their product (or 11 fleets of 10,000) is not.
    let categories = (0..<1_100).map {
      "    - {name: c\($0), shelf_life: 2d, threshold: 50%, cold_temperature: 2, lot_mass: 1t, order_size: 1t}\n"
    }
    let destinations = (0..<1_000).map { "    - {name: d\($0), latitude: 39.9, longitude: 116.4}\n" }
    let table = error(
      "extends: ../tianjin-2024.yaml\nring:\n  categories:\n" + categories.joined() + "  destinations:\n" + destinations.joined())
    #expect(table?.keyPath == "ring.destinations")
    #expect(
      table?.message.contains("1003 destinations × 1105 categories is more than 1000000 combinations") == true,
      "\(String(describing: table))")
    let fleets = (0..<11).map { "    - {name: f\($0), kind: ambient, home: Wuqing, vehicles: 10000, capacity: 20t}\n" }
    let vehicles = error("extends: ../tianjin-2024.yaml\nring:\n  fleets:\n" + fleets.joined())
    #expect(vehicles?.keyPath == "ring.fleets")
    #expect(
      vehicles?.message.contains("expected at most 100000 vehicles in all fleets together") == true, "\(String(describing: vehicles))")
  }

  @Test func everyUnitKindHasItsLimitAndTheBoundaryIsAccepted() throws {
    // At the limit: accepted. Beyond: refused with the range.
    _ = try prepare("extends: ../tianjin-2024.yaml\nrun:\n  warmup: 876599h\n  horizon: 876600h\n  sample_interval: 100d\n")
    let cases: [(String, String, String)] = [
      ("run:\n  warmup: 876601h\n", "run.warmup", "expected a duration between 0h and 876600h"),
      (
        "port:\n  containers:\n    export_lead: \"uniform(0h, 1e6h)\"\n", "port.containers.export_lead",
        "at most 876600h in size (100 years), found max = 1000000h"
      ),
      (
        "port:\n  terminals:\n    - name: UICT\n      crane_productivity: 2e9/h\n", "port.terminals[name=UICT].crane_productivity",
        "at most 1000000000/h in size, found value = 2000000000/h"
      ),
      (
        "ring:\n  categories:\n    - name: leafy_vegetables\n      lot_mass: \"exp(mean: 2e9t)\"\n",
        "ring.categories[name=leafy_vegetables].lot_mass", "at most 1000000000t in size, found mean = 2000000000t"
      ),
      (
        "rail:\n  corridors:\n    - name: Beijing\n      road_km: 100001km\n", "rail.corridors[name=Beijing].road_km",
        "expected a distance between 1e-09km and 100000km"
      ),
      ("rail:\n  choice:\n    value_of_time: 1e16\n", "rail.choice.value_of_time", "expected a number between 0 and 1e+15, found 1e16"),
      (
        "port:\n  services:\n    - name: UICT liner calls\n      moves: \"empirical([2000, 3e5])\"\n",
        "port.services[name=UICT liner calls].moves", "found value 2 = 300000"
      ),
    ]
    for (body, keyPath, fragment) in cases {
      let e = error("extends: ../tianjin-2024.yaml\n" + body)
      #expect(e?.keyPath == keyPath, "\(body)")
      #expect(e?.message.contains(fragment) == true, "\(body): \(String(describing: e))")
    }
  }

  @Test func baselineNamesUsedAboveExist() throws {
    // The cases above address the baseline's names; fail here, not obscurely, if they change.
    let p = try prepare("extends: ../tianjin-2024.yaml\n")
    #expect(p.config.ring?.categories.contains { $0.name == "leafy_vegetables" } == true)
    #expect(p.config.rail?.corridors.contains { $0.name == "Beijing" } == true)
  }

  @Test func warningsOfExtremeLoadsPrintCompactNumbers() throws {
    // 1e308 moves a call printed 300-digit offered loads; now the largest valid values give
    // loads beyond 10⁹, which print with an exponent.
    let p = try prepare(
      """
      extends: ../tianjin-2024.yaml
      port:
        terminals:
          - name: UICT
            crane_productivity: 0.0001/h
        services:
          - name: UICT liner calls
            calls_per_week: 10080
            moves: 100000

      """)
    let load = p.warnings.first { $0.hasPrefix("port.terminals[name=UICT]: offered load") }
    #expect(load != nil, "\(p.warnings)")
    #expect(load?.contains("e+") == true, "\(load ?? "")")
    for w in p.warnings { #expect(w.firstMatch(of: /[0-9]{16,}/) == nil, "\(w)") }
  }
}
