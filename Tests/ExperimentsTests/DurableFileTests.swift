import Foundation
import Results
import Testing

@testable import Experiments

/// Issue 10 (C): a durable write (records, part files) removes the temporary file a killed
/// writer of the same name left, and a refused write says what to do about it. (Issue 18:
/// sweep files go through Results' one ``DurableFile``; failures come as ``SweepError``.)
@Suite struct DurableFileTests {
  /// A process id above the kernel's largest (`pid_max` is at most 2^22): never alive.
  static let deadPID = (1 << 22) + 1

  @Test func staleTemporaryOfAKilledWriterIsRemoved() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-durable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let part = dir.appendingPathComponent("small.part-1-of-2").path
    let stale = dir.appendingPathComponent(".small.part-1-of-2.tmp-\(Self.deadPID)").path
    #expect(FileManager.default.createFile(atPath: stale, contents: Data(repeating: 7, count: 100)))
    try DurableFile.write(Array("complete".utf8), to: part, content: .sweepPart)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["small.part-1-of-2"])
    #expect(try DurableFile.sweepFile(part) == Array("complete".utf8))
  }

  /// The one writer treats a missing folder as results files always were: bad input
  /// (exit 2) naming the folder (before Issue 18 a record said "cannot create the file", 3).
  @Test func aMissingFolderIsRefusedNamingTheFileAndTheFolder() {
    let folder = "/nonexistent-\(UUID().uuidString)"
    let path = folder + "/x.rec"
    #expect(throws: SweepError.self) { try DurableFile.write([1], to: path, content: .sweepRecord) }
    do {
      try DurableFile.write([1], to: path, content: .sweepRecord)
    } catch {
      #expect(error.exitCode == 2)
      #expect(error.message == "\(path): the folder \(folder) does not exist", "\(error.message)")
    }
  }
}
