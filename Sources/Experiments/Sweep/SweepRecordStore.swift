import Foundation
import Results
import SimKernel

/// The durable records of a sweep: one checksummed file per finished (point, replication)
/// in a folder next to the output (`FILE.records/`), written to a temporary name, fsynced
/// and renamed, so a kill at any moment loses no finished record and leaves no torn one.
///
/// Record file `p<point>-r<replication>.rec` (6 digits each), little-endian:
/// magic `CHAINSIM-RECORD2` (metrics with their `valid_min`; a `RECORD1` record of an older
/// ChainSim is run again), the sweep's SHA-256 (64 hex characters), point, replication,
/// the replication's output (series, KPIs, checks with their metadata), and an FNV-1a 64
/// checksum of all that. The folder's `SWEEP` file names the sweep the records belong to.
public struct SweepRecordStore: Sendable {
  static let magic = Array("CHAINSIM-RECORD2".utf8)
  static let manifestName = "SWEEP"
  static let manifestMagic = Array("chainsim sweep records v1\n".utf8)

  /// The records folder.
  public let folder: String
  /// The sweep the records belong to.
  public let sweepSHA256: String
  /// fsync each record (off only to measure what durability costs).
  public let sync: Bool

  /// `FILE.records` for the output `FILE`.
  public static func folder(for output: String) -> String { output + ".records" }

  /// Opens (or creates) the records folder of `output` for the sweep `sha256`.
  /// - Throws: ``SweepError`` `.input` when the folder holds records of another sweep (the
  ///   sweep file, its base scenario or the options changed since the partial run), or is
  ///   not a records folder at all (``checkFolder(_:)``).
  public init(output: String, sweepSHA256: String, sweepName: String, sync: Bool = true) throws(SweepError) {
    folder = Self.folder(for: output)
    self.sweepSHA256 = sweepSHA256
    self.sync = sync
    try Self.checkFolder(folder)
    let manifest = (folder as NSString).appendingPathComponent(Self.manifestName)
    let fm = FileManager.default
    if fm.fileExists(atPath: manifest) {
      let text = String(decoding: (try? DurableFile.sweepFile(manifest)) ?? [], as: UTF8.self)
      let stored = text.split(separator: "\n").first { $0.hasPrefix("sha256 ") }.map { String($0.dropFirst(7)) } ?? "?"
      guard stored == sweepSHA256 else {
        throw .input(
          """
          \(folder) holds the records of a partial run of a different sweep (sweep_sha256 \(stored.prefix(12))…, \
          now \(sweepSHA256.prefix(12))…): the sweep file, its base scenario, the options (--precision) or \
          ChainSim changed since then. Results of the two are not mixed: restore the sweep, or delete \(folder) to \
          start over, or write to another output with -o.
          """)
      }
    } else {
      do {
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw .environment("cannot create the records folder \(folder): \(error.localizedDescription)")
      }
      let text = String(decoding: Self.manifestMagic, as: UTF8.self) + "sha256 \(sweepSHA256)\nsweep \(sweepName)\n"
      do {
        try DurableFile.write(Array(text.utf8), to: manifest, content: .sweepManifest)
      } catch {
        // Nothing is recorded yet: leave no empty records folder behind (a full disk).
        _ = rmdir(folder)
        throw error
      }
    }
    // Temporary files of a killed writer are incomplete by construction: remove them.
    for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".") && name.contains(".tmp-") {
      try? fm.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
    }
  }

  /// Refuses a records folder that is not one, before anything is run: a file, a device or
  /// a folder holding anything but a sweep's `SWEEP` file, `.rec` records and temporary
  /// files (the folder is removed once the results are written, so nothing else may be in
  /// it). Absent or empty is fine; existing records of the same sweep are how a sweep resumes.
  static func checkFolder(_ folder: String) throws(SweepError) {
    let refusal = { (why: String) in
      SweepError.input(
        "\(folder): \(why): a sweep keeps its records there and removes the folder when done; "
          + "remove it or choose another -o (nothing was written)")
    }
    var info = stat()
    guard stat(folder, &info) == 0 else { return }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw refusal("exists and is not a records folder") }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    guard !names.isEmpty else { return }
    // Records without a SWEEP file: a finished sweep killed while it removed its records
    // (SWEEP goes first). Each record carries its sweep's hash, so they are safe to resume from.
    for name in names.sorted() {
      let path = (folder as NSString).appendingPathComponent(name)
      let isTemporary = name.hasPrefix(".") && name.contains(".tmp-")
      if name == manifestName {
        do { try OutputDestination(path: path, content: .sweepManifest).check() } catch { throw SweepError(error) }
      } else if !isTemporary {
        var entry = stat()
        guard name.hasSuffix(".rec"), lstat(path, &entry) == 0, entry.st_mode & S_IFMT == S_IFREG else {
          throw refusal("holds \(name), which is not a sweep record")
        }
      }
    }
  }

  static func fileName(point: Int, replication: Int) -> String {
    String(format: "p%06d-r%06d.rec", point, replication)
  }

  /// Encodes one record (also the unit of part files).
  static func encode(sweepSHA256: String, point: Int, output: ReplicationOutput) -> [UInt8] {
    var w = _ByteWriter()
    w.raw(magic)
    w.raw(Array(sweepSHA256.utf8))
    w.i64(point)
    w.i64(output.replication)
    w.output(output)
    w.seal()
    return w.bytes
  }

  /// Decodes a record: nil when it is damaged or not a record.
  static func decode(_ bytes: [UInt8]) -> (sha: String, point: Int, output: ReplicationOutput)? {
    guard _ByteReader.verify(bytes) else { return nil }
    var r = _ByteReader(Array(bytes.dropLast(8)))
    do {
      guard Array(try r.take(magic.count)) == magic else { return nil }
      let sha = String(decoding: try r.take(64), as: UTF8.self)
      let point = try r.i64()
      let replication = try r.i64()
      let output = try r.output()
      guard output.replication == replication, r.atEnd else { return nil }
      return (sha, point, output)
    } catch {
      return nil
    }
  }

  /// Writes the record of a finished (point, replication) durably.
  public func write(point: Int, output: ReplicationOutput) throws(SweepError) {
    let bytes = Self.encode(sweepSHA256: sweepSHA256, point: point, output: output)
    let path = (folder as NSString).appendingPathComponent(Self.fileName(point: point, replication: output.replication))
    try DurableFile.write(bytes, to: path, content: .sweepRecord, sync: sync)
  }

  /// Every intact record of this sweep, as `[point: [replication: output]]`. Damaged records
  /// (a disk error; a kill cannot tear one) are removed, to be run again.
  public func load() -> [Int: [Int: ReplicationOutput]] {
    var found: [Int: [Int: ReplicationOutput]] = [:]
    let fm = FileManager.default
    let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".rec") && !$0.hasPrefix(".") }.sorted()
    for name in names {
      let path = (folder as NSString).appendingPathComponent(name)
      guard let bytes = try? DurableFile.sweepFile(path), let record = Self.decode(bytes), record.sha == sweepSHA256,
        Self.fileName(point: record.point, replication: record.output.replication) == name
      else {
        try? fm.removeItem(atPath: path)
        continue
      }
      found[record.point, default: [:]][record.output.replication] = record.output
    }
    return found
  }

  /// Removes the folder (after the results file is complete).
  public func remove() {
    try? FileManager.default.removeItem(atPath: folder)
  }
}
