import Foundation

/// The scenarios ChainSim ships: every `.yaml` (or `.yml`) file under `scenarios/` and its
/// folders, except the sweep files (`scenarios/sweeps/`), a planner's own scenarios
/// (`scenarios/local/`, which git ignores) and the fingerprint files themselves
/// (``FingerprintBook/all``). Hidden files and folders, and symbolic links to folders, are
/// not followed.
///
/// The order is a folder's files first, then its folders, each by name: the baseline
/// (`scenarios/tianjin-2024.yaml`) comes before `scenarios/variants/…`.
public enum ShippedScenarios {
  /// The folder scenarios are listed from, relative to the package root.
  public static let folder = "scenarios"
  /// Folders under ``folder`` that hold no shipped scenario.
  public static let excludedFolders = ["sweeps", "local"]

  /// The shipped scenarios under `root` (the folder that holds `scenarios/`), as paths
  /// relative to it, e.g. `scenarios/variants/new-hub.yaml`.
  /// - Throws: ``FingerprintError`` (exit 2) when `scenarios/` is missing, 3 when a folder
  ///   cannot be read.
  public static func list(root: String) throws(FingerprintError) -> [String] {
    let top = URL(fileURLWithPath: root).appendingPathComponent(folder)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: top.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw .input("\(top.path): no scenarios folder here (run from the package root or give --root)")
    }
    let books = Set(FingerprintBook.all.map(\.path))
    return try files(in: top, relative: folder, excluding: excludedFolders.map { "\(folder)/\($0)" })
      .filter { !books.contains($0) }
  }

  private static func files(in url: URL, relative: String, excluding: [String]) throws(FingerprintError) -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    } catch {
      throw FingerprintError(message: "\(relative): cannot list the folder: \(error.localizedDescription)", kind: .environment)
    }
    var files: [String] = []
    var folders: [String] = []
    for name in names where !name.hasPrefix(".") {
      let path = "\(relative)/\(name)"
      let attributes = try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(name).path)
      switch attributes?[.type] as? FileAttributeType {
      case .typeDirectory?:
        if !excluding.contains(path) { folders.append(name) }
      case .typeRegular?, .typeSymbolicLink?:
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { files.append(path) }
      default:
        break
      }
    }
    for name in folders {
      files += try Self.files(in: url.appendingPathComponent(name), relative: "\(relative)/\(name)", excluding: excluding)
    }
    return files
  }
}
