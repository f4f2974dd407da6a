import Foundation
import Scenario

extension FingerprintBook {
  /// The file's path under `root` (the folder that holds `scenarios/`).
  public func location(root: String) -> String {
    URL(fileURLWithPath: root).appendingPathComponent(path).path
  }

  /// Reads the file under `root`: its text and its entries, or nil when there is no file.
  /// - Throws: ``FingerprintError`` (exit 2) naming the file, line and key of a malformed
  ///   entry; exit 3 when the file exists but cannot be read.
  public func read(root: String) throws(FingerprintError) -> (text: String, entries: [FingerprintEntry])? {
    let file = location(root: root)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else { return nil }
    if isFolder.boolValue { throw .input("\(path): this is a folder, not a fingerprint file") }
    let text: String
    do {
      text = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
      throw FingerprintError(message: "\(path): cannot read the fingerprint file: \(error.localizedDescription)", kind: .environment)
    }
    return (text, try entries(in: text, file: path))
  }

  /// The entries of a fingerprint file's text; `file` names it in messages.
  /// - Throws: ``FingerprintError`` (exit 2) naming the line and key that is wrong.
  public func entries(in text: String, file: String) throws(FingerprintError) -> [FingerprintEntry] {
    let root: ScenarioNode
    do {
      root = try ScenarioNode.parse(yaml: text, file: file)
    } catch {
      throw .input(error.description)
    }
    guard let list = root["fingerprints"] else { throw .input("\(file): no `fingerprints:` list") }
    if list.isNull { return [] }  // `fingerprints:` with no entry yet
    guard let items = list.sequence else { throw .input("\(list.location): `fingerprints` must be a list of entries") }
    var entries: [FingerprintEntry] = []
    for item in items {
      func value(_ key: String) throws(FingerprintError) -> ScenarioNode {
        guard let node = item[key], let scalar = node.scalar, !scalar.text.isEmpty else {
          throw .input("\(item.location): the entry needs `\(key):` (scenario, seed, replications, horizon, warmup, fingerprint)")
        }
        return node
      }
      func number(_ key: String, from lowest: Int) throws(FingerprintError) -> Int {
        let node = try value(key)
        guard let text = node.scalar?.text, let n = Int(text), n >= lowest else {
          throw .input("\(node.location): `\(key)` must be a whole number of at least \(lowest)")
        }
        return n
      }
      let fingerprint = try value("fingerprint")
      let hex = fingerprint.scalar?.text ?? ""
      guard hex.count == 16, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
        throw .input("\(fingerprint.location): `fingerprint` must be 16 lowercase hex digits, found '\(hex)'")
      }
      if let extra = item.mapping?.keys.first(where: { !Self.keys.contains($0) }) {
        throw .input("\(item.location): unknown key `\(extra)` (an entry has \(Self.keys.joined(separator: ", ")))")
      }
      let settings = FingerprintSettings(
        seed: try number("seed", from: 0), replications: try number("replications", from: 1),
        horizon: try value("horizon").scalar?.text ?? "", warmup: try value("warmup").scalar?.text ?? "")
      let run = FingerprintRun(scenario: try value("scenario").scalar?.text ?? "", settings: settings)
      entries.append(FingerprintEntry(run: run, fingerprint: hex))
    }
    return entries
  }

  /// The keys of an entry, in the order the file writes them.
  static let keys = ["scenario", "seed", "replications", "horizon", "warmup", "fingerprint"]
}
