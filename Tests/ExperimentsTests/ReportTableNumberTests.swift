import Experiments
import Foundation
import Results
import SimKernel
import Testing

/// One number format in the report's tables: four significant figures written out with
/// thousands separators, never exponent notation (before, `3029667` stood beside
/// `5.612e+07` in the accounts table).
struct ReportTableNumberTests {
  /// A run whose KPI `wait` has the given values per replication (2 replications).
  static func report(_ waits: [[Double]]) throws -> String {
    let runs = waits.enumerated().map { i, w in
      ReportBuilderTests.run(i == 0 ? "base" : "variant\(i)", wait: w)
    }
    let report = try ReportBuilder.build(runs.enumerated().map { .run(path: "\($0.offset).h5", contents: $0.element) })
    return HTMLReport.render(report)
  }

  /// The text of every numeric cell of the KPI table.
  static func numericCells(_ html: String) -> [String] {
    html.components(separatedBy: "<td class=\"num").dropFirst().compactMap { cell in
      cell.split(separator: ">", maxSplits: 1).last?.components(separatedBy: "</td>").first
    }
  }

  @Test func accountsSizedNumbersShareOneFormat() throws {
    let html = try Self.report([[3_029_667, 3_029_667], [56_120_000, 56_120_000]])
    let cells = Self.numericCells(html)
    #expect(cells.contains("3,030,000 ± 0"), "\(cells)")
    #expect(cells.contains("56,120,000 ± 0"), "\(cells)")
    #expect(cells.contains { $0.hasPrefix("+53,090,000 ± 0") }, "\(cells)")
    #expect(!html.contains("e+") && !html.contains("e-0"), "no exponent notation anywhere in the page")
  }

  @Test func everyTableNumberHasFourSignificantFiguresAndSeparators() throws {
    let html = try Self.report([[0.012345, 0.0123456], [1234.5, 999.96], [-98_765.4, -98_765.6]])
    let number = try Regex(#"^[+-]?(0|[1-9]\d{0,2}(,\d{3})*)(\.\d+)?$"#)
    var seen: [String] = []
    for cell in Self.numericCells(html) {
      for part in cell.replacingOccurrences(of: " ≠", with: "").components(separatedBy: " ± ") {
        #expect(part.wholeMatch(of: number) != nil, "\(part) in \(cell)")
        let digits = part.filter(\.isNumber).drop { $0 == "0" }
        #expect(
          digits.isEmpty || digits.count <= 4 || digits.dropFirst(4).allSatisfy { $0 == "0" }, "at most 4 significant figures: \(part)")
        seen.append(part)
      }
    }
    #expect(seen.contains("0.01235"), "\(seen)")
    #expect(seen.contains("1,117"), "mean of 1234.5 and 999.96: \(seen)")
    #expect(seen.contains("-98,770"), "\(seen)")
  }
}
