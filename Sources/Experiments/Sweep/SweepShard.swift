import Foundation
import Results
import SimKernel

/// `--shard K/N`: the points `i` with `i % N == K - 1`, so shards get interleaved points
/// (neighbouring grid points often cost alike) and together cover the sweep exactly once.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
  /// 1-based shard number.
  public var index: Int
  public var count: Int

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Parses `K/N` with 1 ≤ K ≤ N.
  public init(parsing text: String) throws(SweepError) {
    let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let k = parts[0], let n = parts[1] else {
      throw .input("--shard expects K/N with whole numbers 1 ≤ K ≤ N, e.g. --shard 2/4, found \(DisplayText.quoted(text))")
    }
    guard n >= 1 else {
      throw .input("--shard \(text): the number of shards N must be at least 1 (got \(n)\(n < 0 ? ": negative" : ""))")
    }
    guard (1...n).contains(k) else {
      throw .input("--shard \(text): the shard index is out of range; it must be between 1 and \(n)\(k < 0 ? " (got \(k): negative)" : "")")
    }
    self.init(index: k, count: n)
  }

  /// This shard's points among `pointCount`.
  /// - Throws: ``SweepError`` when the shard would be empty (more shards than points).
  public func points(of pointCount: Int) throws(SweepError) -> [Int] {
    guard count <= pointCount else {
      throw .input("--shard \(self): the sweep has \(pointCount) points, so it can be split into at most \(pointCount) shards")
    }
    return (0..<pointCount).filter { $0 % count == index - 1 }
  }

  public var description: String { "\(index)/\(count)" }
}

/// Part files: what one shard produced (the sweep header, its points' records and
/// replication counts), checksummed; `merge` assembles parts into the sweep's HDF5 file.
public enum SweepParts {
  /// Version 2: metrics carry their `valid_min` (results format 2).
  static let magic = Array("CHAINSIM-PART-2\n".utf8)

  /// `output/<sweep stem>.part-K-of-N`.
  public static func defaultPath(for output: String, shard: SweepShard) -> String {
    let stem = (output as NSString).deletingPathExtension
    return "\(stem).part-\(shard.index)-of-\(shard.count)"
  }

  /// Writes a shard's part file durably (temporary name, fsync, rename).
  public static func write(header: SweepHeader, shard: SweepShard, outcome: SweepOutcome, to path: String) throws(SweepError) {
    var w = _ByteWriter()
    w.raw(magic)
    w.header(header)
    w.i64(shard.index)
    w.i64(shard.count)
    let points = outcome.outputs.keys.sorted()
    w.i64(points.count)
    for p in points {
      let used = outcome.used[p] ?? 0
      w.i64(p)
      w.i64(used)
      for r in 0..<used {
        guard let o = outcome.outputs[p]?[r] else { throw .input("point \(p) replication \(r) is missing from the shard") }
        let record = SweepRecordStore.encode(sweepSHA256: header.sweepSHA256, point: p, output: o)
        w.i64(record.count)
        w.raw(record)
      }
    }
    w.seal()
    try DurableFile.write(w.bytes, to: path, content: .sweepPart)
  }

  /// One part read back.
  struct Part {
    var header: SweepHeader
    var shard: SweepShard
    var outputs: [Int: [Int: ReplicationOutput]]
    var used: [Int: Int]
  }

  static func read(_ path: String) throws(SweepError) -> Part {
    let bytes = try DurableFile.sweepFile(path)
    if !bytes.starts(with: magic), bytes.starts(with: Array("CHAINSIM-PART-".utf8)) {
      throw .input("\(path): this part file was written by another ChainSim version; run its shard again with this one")
    }
    guard bytes.starts(with: magic) else {
      throw .input("\(path): this is not a ChainSim sweep part file (written by chainsim sweep --shard K/N)")
    }
    guard _ByteReader.verify(bytes) else { throw .input("\(path): the part file is damaged (its checksum does not match)") }
    var r = _ByteReader(Array(bytes.dropLast(8)))
    do {
      _ = try r.take(magic.count)
      let header = try r.header()
      let shard = SweepShard(index: try r.i64(), count: try r.i64())
      var outputs: [Int: [Int: ReplicationOutput]] = [:]
      var used: [Int: Int] = [:]
      for _ in 0..<(try r.count()) {
        let p = try r.i64(), n = try r.i64()
        used[p] = n
        for _ in 0..<n {
          let record = Array(try r.take(try r.count()))
          guard let decoded = SweepRecordStore.decode(record), decoded.point == p, decoded.sha == header.sweepSHA256 else {
            throw _ByteReader.Truncated()
          }
          outputs[p, default: [:]][decoded.output.replication] = decoded.output
        }
      }
      return Part(header: header, shard: shard, outputs: outputs, used: used)
    } catch {
      throw .input("\(path): the part file is damaged or from another ChainSim version")
    }
  }

  /// Reads part files and assembles the whole sweep, in canonical order: the same results
  /// (and, written, the same bytes) as the sweep run in one go.
  /// - Throws: ``SweepError`` `.input` for parts of different sweeps, a missing or
  ///   repeated shard, or a damaged part.
  public static func merge(_ paths: [String]) throws(SweepError) -> SweepResults {
    guard !paths.isEmpty else { throw .input("merge needs the part files of a sweep") }
    var parts: [(path: String, part: Part)] = []
    for path in paths { parts.append((path, try read(path))) }
    let first = parts[0]
    for (path, part) in parts.dropFirst() {
      guard part.header.sweepSHA256 == first.part.header.sweepSHA256 else {
        throw .input(
          """
          \(path) belongs to a different sweep (sweep_sha256 \(part.header.sweepSHA256.prefix(12))…) than \(first.path) \
          (\(first.part.header.sweepSHA256.prefix(12))…): parts of different sweeps cannot be merged
          """)
      }
      guard part.header == first.part.header else {
        throw .input("\(path) and \(first.path) have the same sweep hash but different contents: a part is damaged")
      }
      guard part.shard.count == first.part.shard.count else {
        throw .input("\(path) is shard \(part.shard) but \(first.path) is shard \(first.part.shard): the sweep was split differently")
      }
    }
    let n = first.part.shard.count
    var byShard: [Int: String] = [:]
    for (path, part) in parts {
      if let other = byShard[part.shard.index] {
        throw .input("shard \(part.shard) is given twice: \(other) and \(path)")
      }
      byShard[part.shard.index] = path
    }
    let missing = (1...n).filter { byShard[$0] == nil }
    guard missing.isEmpty else {
      throw .input(
        "shard\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")) "
          + "of the sweep \(missing.count > 1 ? "are" : "is") missing: merge needs all \(n) part files")
    }
    var outputs: [Int: [Int: ReplicationOutput]] = [:]
    var used: [Int: Int] = [:]
    for (_, part) in parts {
      outputs.merge(part.outputs) { a, _ in a }
      used.merge(part.used) { a, _ in a }
    }
    return try first.part.header.results(outputs: outputs, used: used)
  }
}
