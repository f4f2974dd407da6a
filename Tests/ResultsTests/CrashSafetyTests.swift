import Foundation
import SimKernel
import Testing

@testable import Results

/// Issue 10 (C) regressions in the writer: a killed writer's temporary file does not stay
/// forever, trace files are reproducible (no timestamp on the committed record type), and a
/// refused write says what to do about it.
@Suite(.serialized) struct CrashSafetyTests {
  /// A process id above the kernel's largest (`pid_max` is at most 2^22): never alive.
  static let deadPID = (1 << 22) + 1

  func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crash-safety-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func names(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  @Test func writeRemovesTemporaryFilesOfDeadWritersOnly() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("run.h5").path
    let stale = ".run.h5.tmp-\(Self.deadPID)"
    let live = ".run.h5.tmp-\(getppid())"  // our parent is alive: its file is left alone
    let other = ".other.h5.tmp-\(Self.deadPID)"  // another name's file is not ours to remove
    for name in [stale, live, other] {
      #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data([1, 2, 3])))
    }
    try ResultsWriter.write(
      metadata: SampleRun.metadata(replications: 2), replications: [SampleRun.replication(0), SampleRun.replication(1)], to: path)
    #expect(try names(dir) == [live, other, "run.h5"].sorted())
  }

  @Test func temporaryNameIsHiddenAndPerProcess() {
    #expect(TemporaryFiles.temporaryPath(for: "/a/b/run.h5") == "/a/b/.run.h5.tmp-\(getpid())")
  }

  @Test func traceFilesAreReproducibleAcrossSeconds() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let meta = SampleRun.metadata(replications: 1)
    let table = TraceTable(
      name: "ring", longName: "steps",
      columns: [
        TraceColumn(name: "lot", values: .int([7, 8, 9])),
        TraceColumn(name: "step", values: .string(["harvest", "deliver", "spoil"])),
      ])
    let a = dir.appendingPathComponent("a.h5").path, b = dir.appendingPathComponent("b.h5").path
    try ResultsWriter.write(metadata: meta, replications: [SampleRun.replication(0)], traces: [table], to: a)
    // HDF5 object timestamps have a resolution of one second: cross a second boundary.
    Thread.sleep(forTimeInterval: 1.1)
    try ResultsWriter.write(metadata: meta, replications: [SampleRun.replication(0)], traces: [table], to: b)
    let x = try Data(contentsOf: URL(fileURLWithPath: a)), y = try Data(contentsOf: URL(fileURLWithPath: b))
    #expect(x == y, "the committed trace record type must not carry a timestamp")
  }

  @Test func refusedWritesSayWhatToDo() {
    #expect(TemporaryFiles.hint(forErrno: ENOSPC).contains("the disk is full"))
    #expect(TemporaryFiles.hint(forErrno: EFBIG).contains("file size limit is exceeded"))
    #expect(TemporaryFiles.hint(forErrno: EDQUOT).contains("quota"))
    #expect(TemporaryFiles.hint(forErrno: EACCES).isEmpty)
  }
}
