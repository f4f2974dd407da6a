import Foundation
import Testing

/// `--help` of every command reads well at 80 columns: defaults appear once, and text is
/// wrapped as paragraphs, not broken mid-sentence where the source had a line break (Issue 17).
@Suite struct HelpTextTests {
  static let commands: [[String]] = [
    [], ["run"], ["validate"], ["sweep"], ["merge"], ["compare"], ["inspect"], ["report"], ["schema"], ["fingerprints"],
  ]

  func help(_ command: [String]) throws -> String {
    let r = try runProgram(chainsimBinary, command + ["--help"], environment: ["COLUMNS": "80"])
    #expect(r.exitCode == 0, "\(command): \(r.stderr)")
    return r.stdout
  }

  @Test(arguments: commands)
  func aDefaultIsStatedOnce(_ command: [String]) throws {
    let text = try help(command).replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    let repeated = text.range(of: #"\(default:[^)]*\)\.? \(default:"#, options: .regularExpression)
    #expect(repeated == nil, "\(command): \(repeated.map { String(text[$0]) } ?? "")")
  }

  /// A line that continues a sentence on the next line must be full: the next line's first
  /// word would not have fitted (the parser wraps lines to fewer than 80 columns).
  @Test(arguments: commands)
  func paragraphsAreWrappedNotBroken(_ command: [String]) throws {
    let lines = try help(command).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (line, next) in zip(lines, lines.dropFirst()) where !line.hasPrefix("USAGE:") {
      guard !line.trimmingCharacters(in: .whitespaces).isEmpty, let first = next.split(separator: " ").first,
        let letter = first.first, letter.isLowercase,
        next.prefix(while: { $0 == " " }).count == line.prefix(while: { $0 == " " }).count
      else { continue }
      #expect(line.count + 1 + first.count >= 80, "\(command): broken after '\(line)' before '\(first)'")
    }
  }
}
