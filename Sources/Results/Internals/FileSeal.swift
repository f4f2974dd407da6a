import Foundation

/// The seal in the 512-byte HDF5 user block at the start of every file ChainSim writes: the
/// file's length and a CRC-32 of every byte after the user block, in plain text.
///
/// HDF5 protects its newer metadata with checksums, and deflate's Adler-32 protects
/// compressed chunks, but nothing guards variable-length strings (the global heap), v1
/// B-tree nodes or uncompressed data: a flipped bit there reads back as a different number
/// or label without an error. The seal covers every byte, so the readers refuse any change
/// before HDF5 parses a byte of it. HDF5 (h5py, netCDF, HDFView) skips the user block, and
/// `python3 -c 'import zlib,sys; d=open(sys.argv[1],"rb").read(); print("%08x" % zlib.crc32(d[512:]))'`
/// recomputes the CRC.
///
/// Files without a user block (written before the seal, or by another program) are read
/// unsealed, as before.
enum FileSeal {
  /// Size of the HDF5 user block that holds the seal (HDF5's smallest).
  static let userBlockSize = 512
  /// The seal's first line; the version is the last character before the newline.
  static let magic = Array("CHAINSIM-SEAL 1\n".utf8)
  private static let hdf5Signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]

  /// Writes the seal into the (unused) user block at the start of `bytes`.
  static func seal(_ bytes: inout [UInt8]) {
    precondition(bytes.count >= userBlockSize, "an HDF5 image with a user block")
    let crc = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[userBlockSize...])) }
    let record = magic + Array("bytes \(bytes.count)\ncrc32 \(hex(crc))\n".utf8)
    for i in 0..<userBlockSize { bytes[i] = i < record.count ? record[i] : 0 }
  }

  /// Checks the seal of the file at `path`, if it has one: refuses a damaged seal, a
  /// truncated or extended file, or any changed byte. A file starting with the HDF5
  /// signature has no seal and passes unchecked; anything else is left to HDF5 to refuse.
  static func verify(_ path: String) throws(ResultsError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .environment(path, "cannot open the file: \(String(cString: strerror(errno)))")
    }
    defer { try? handle.close() }
    let head = try read(handle, upTo: userBlockSize, path)
    if head.starts(with: hdf5Signature) { return }
    guard head.starts(with: magic.prefix(9)) else {
      if head.isEmpty { throw .input(path, "the file is empty, not a ChainSim results file") }
      if try sealMissing(handle, head, path) {
        throw .input(path, "the file is damaged: the seal in its first \(userBlockSize) bytes is unreadable")
      }
      return
    }
    guard head.count == userBlockSize else {
      throw .input(path, "the file is damaged (truncated): it has only \(head.count) bytes, less than its \(userBlockSize)-byte seal")
    }
    let (length, expected) = try parse(head, path)
    var crc = CRC32()
    var total = userBlockSize
    while true {
      let chunk = try read(handle, upTo: 1 << 20, path)
      if chunk.isEmpty { break }
      total += chunk.count
      chunk.withUnsafeBytes { crc.update($0) }
    }
    guard total == length else {
      throw .input(
        path,
        total < length
          ? "the file is damaged (truncated): it has \(total) of the \(length) bytes ChainSim wrote"
          : "the file is damaged or was changed after ChainSim wrote it: it has \(total) bytes, ChainSim wrote \(length)")
    }
    guard crc.value == expected else {
      throw .input(
        path,
        "the file is damaged or was changed after ChainSim wrote it: its checksum does not match (CRC-32 \(hex(crc.value)), sealed \(hex(expected)))"
      )
    }
  }

  /// The length and CRC the seal records; anything else in the user block is damage.
  private static func parse(_ head: Data, _ path: String) throws(ResultsError) -> (Int, UInt32) {
    let damaged = ResultsError.input(path, "the file is damaged: the seal in its first \(userBlockSize) bytes is unreadable")
    guard head.starts(with: magic) else {
      let found = String(decoding: head.prefix(magic.count - 1), as: UTF8.self)
      throw .input(
        path,
        "the file is damaged or from a newer ChainSim: its seal starts \(String(reflecting: found)), this ChainSim reads \(String(reflecting: String(decoding: magic.dropLast(), as: UTF8.self)))"
      )
    }
    let bytes = Array(head)
    let end = bytes.firstIndex(of: 0) ?? bytes.count
    guard bytes[end...].allSatisfy({ $0 == 0 }) else { throw damaged }
    let lines = String(decoding: bytes[magic.count..<end], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count == 3, lines[2].isEmpty,
      lines[0].hasPrefix("bytes "), let length = Int(lines[0].dropFirst(6)), length >= userBlockSize,
      lines[1].hasPrefix("crc32 "), lines[1].count == 14, let crc = UInt32(lines[1].dropFirst(6), radix: 16)
    else { throw damaged }
    // Every byte of the record is checked: the text must be exactly what `seal` writes.
    guard Array("bytes \(length)\ncrc32 \(hex(crc))\n".utf8) == Array(bytes[magic.count..<end]) else { throw damaged }
    return (length, crc)
  }

  /// Whether a file that does not start with a seal nor with the HDF5 signature has the
  /// signature where a ChainSim file has it (after the user block): then the seal was damaged.
  private static func sealMissing(_ handle: FileHandle, _ head: Data, _ path: String) throws(ResultsError) -> Bool {
    guard head.count == userBlockSize else { return false }
    return try read(handle, upTo: hdf5Signature.count, path).elementsEqual(hdf5Signature)
  }

  private static func read(_ handle: FileHandle, upTo count: Int, _ path: String) throws(ResultsError) -> Data {
    do {
      var data = Data()
      while data.count < count {
        guard let more = try handle.read(upToCount: count - data.count), !more.isEmpty else { break }
        data.append(more)
      }
      return data
    } catch {
      throw .environment(path, "cannot read the file: \(error.localizedDescription)")
    }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}

/// CRC-32 as zlib and Python's `zlib.crc32` compute it (reflected polynomial 0xEDB88320),
/// eight bytes a step (slicing-by-8).
struct CRC32 {
  private var state: UInt32 = 0xFFFF_FFFF

  /// The CRC of everything passed to ``update(_:)`` so far.
  var value: UInt32 { ~state }

  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var crc = CRC32()
    crc.update(bytes)
    return crc.value
  }

  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    let t = Self.tables
    var c = state
    var i = 0
    let n = bytes.count
    t.withUnsafeBufferPointer { t in
      while i + 8 <= n {
        let lo = c ^ (UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
        let hi = UInt32(bytes[i + 4]) | UInt32(bytes[i + 5]) << 8 | UInt32(bytes[i + 6]) << 16 | UInt32(bytes[i + 7]) << 24
        c =
          t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
          ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
          ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
        i += 8
      }
      while i < n {
        c = t[Int((c ^ UInt32(bytes[i])) & 0xFF)] ^ (c >> 8)
        i += 1
      }
    }
    state = c
  }

  /// Eight tables of 256 entries: table k advances a byte k places further.
  private static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for n in 0..<256 {
      var c = UInt32(n)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      t[n] = c
    }
    for k in 1..<8 {
      for n in 0..<256 {
        let previous = t[(k - 1) * 256 + n]
        t[k * 256 + n] = t[Int(previous & 0xFF)] ^ (previous >> 8)
      }
    }
    return t
  }()
}
