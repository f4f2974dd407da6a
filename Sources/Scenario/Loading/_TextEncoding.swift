import Foundation

/// Says why bytes are not a scenario's UTF-8 text, and where: a results file, an image,
/// UTF-16 text, or the line and column of the first byte that is not UTF-8.
enum _TextEncoding {
  /// The signature HDF5 writes at offset 0 of a file (ChainSim's results files have it).
  static let hdf5Signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]

  /// The seal ChainSim writes at the start of its results files (the HDF5 user block).
  static let chainSimSeal = Array("CHAINSIM-SEAL ".utf8)

  /// Whether `data` (a file's first bytes) is a ChainSim results file or any HDF5 file: the
  /// ChainSim seal, or the HDF5 signature at offset 0, 512, 1024 or 2048 (after a user block).
  static func isResultsFile(_ data: Data) -> Bool {
    if data.starts(with: chainSimSeal) { return true }
    for offset in [0, 512, 1_024, 2_048] where data.count >= offset + hdf5Signature.count {
      if data.dropFirst(offset).starts(with: hdf5Signature) { return true }
    }
    return false
  }

  /// Why a results file is not a scenario, and what to do with it instead.
  static func resultsFileReason(_ path: String) -> String {
    "it is a ChainSim results file (HDF5), not a scenario; to see what it holds, run: chainsim inspect \(path)"
  }

  static func notUTF8(_ data: Data) -> (why: String, line: Int, column: Int) {
    let bytes = [UInt8](data.prefix(8))
    if bytes.starts(with: [0x89, 0x48, 0x44, 0x46]) {
      return ("it is an HDF5 file (a results file?), not a YAML scenario", 1, 1)
    }
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return ("it is a PNG image, not a YAML scenario", 1, 1) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return ("it is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8", 1, 1)
    }
    let (line, column) = firstInvalidByte(data)
    return ("it is not UTF-8 text (a binary file, or text saved in another encoding); save it as UTF-8", line, column)
  }

  /// Line and column (in bytes, 1-based) of the first byte that does not decode as UTF-8.
  private static func firstInvalidByte(_ data: Data) -> (line: Int, column: Int) {
    let bytes = [UInt8](data)
    var line = 1, lineStart = 0, i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (line, i - lineStart + 1)
      }
      if i + length > bytes.count { return (line, i - lineStart + 1) }
      if length > 1, String(bytes: bytes[i..<(i + length)], encoding: .utf8) == nil { return (line, i - lineStart + 1) }
      if b == 0x0A {
        line += 1
        lineStart = i + 1
      }
      i += length
    }
    return (line, max(1, i - lineStart + 1))
  }
}
