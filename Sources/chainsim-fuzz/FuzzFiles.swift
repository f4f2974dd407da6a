import Foundation

/// The shipped scenario files, read once from `scenarios/` in the current folder (or in
/// `CHAINSIM_FUZZ_ROOT`), keyed by their path relative to the repository root; plus
/// `scenarios/variants/base.yaml`, a copy of the baseline for inputs that `extends: base.yaml`.
enum FuzzFiles {
  static let shipped: [String: String] = {
    let root = ProcessInfo.processInfo.environment["CHAINSIM_FUZZ_ROOT"] ?? FileManager.default.currentDirectoryPath
    var files: [String: String] = [:]
    let folder = (root as NSString).appendingPathComponent("scenarios")
    let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
    for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      if let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) {
        files["scenarios/" + name] = String(decoding: data, as: UTF8.self)
      }
    }
    guard let baseline = files["scenarios/tianjin-2024.yaml"] else {
      fatalError("chainsim-fuzz: no scenarios/tianjin-2024.yaml under \(root): run it from the repository root or set CHAINSIM_FUZZ_ROOT")
    }
    files["scenarios/variants/base.yaml"] = baseline
    return files
  }()
}
