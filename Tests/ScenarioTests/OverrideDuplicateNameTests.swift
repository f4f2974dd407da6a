import Foundation
import Scenario
import Testing

/// A file that extends another may not name one entry of a named list twice, just as a full
/// file may not (Issue 17: the last one used to win silently).
struct OverrideDuplicateNameTests {
  let base = try! ScenarioNode.parse(
    yaml: """
      port:
        terminals:
          - {name: UICT, berths: 2}
          - {name: CSP, berths: 3}
      """, file: "base.yaml")

  @Test func aRepeatedNameInTheOverlayIsRefusedAtItsSecondOccurrence() throws {
    let overlay = try ScenarioNode.parse(
      yaml: """
        port:
          terminals:
            - name: CSP
              berths: 4
            - name: CSP
              berths: 5
        """, file: "variant.yaml")
    let error = Fixtures.error { () throws(ScenarioError) in try base.merged(with: overlay) }
    #expect(error?.location == SourceLocation(file: "variant.yaml", line: 5, column: 13))
    #expect(error?.keyPath == "port.terminals")
    #expect(
      error?.message.hasPrefix("duplicate name 'CSP' (first used at line 3); names in a list must be unique") == true,
      "\(String(describing: error))")
  }

  @Test func aRemoveAndAChangeOfTheSameEntryAreTwoOccurrencesToo() throws {
    let overlay = try ScenarioNode.parse(
      yaml: """
        port:
          terminals:
            - {name: UICT, remove: true}
            - {name: UICT, berths: 9}
        """, file: "variant.yaml")
    let error = Fixtures.error { () throws(ScenarioError) in try base.merged(with: overlay) }
    #expect(error?.location?.line == 4 && error?.keyPath == "port.terminals")
  }

  @Test func distinctNamesStillMergeByName() throws {
    let overlay = try ScenarioNode.parse(
      yaml: """
        port:
          terminals:
            - {name: CSP, berths: 4}
            - {name: New, berths: 1}
        """, file: "variant.yaml")
    let merged = try base.merged(with: overlay)
    #expect(try merged.resolve("port.terminals[name=CSP].berths").scalar?.text == "4")
    #expect(try merged.resolve("port.terminals").sequence?.count == 3)
  }
}
