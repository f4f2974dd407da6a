import Foundation
import Testing

@testable import Results

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 18: the one durable-file writer behind results, sweep records, part files, SLURM
/// scripts and reports: one file mode, `O_CLOEXEC`, temporary files of killed writers
/// removed, the folder flushed, and nothing left behind when a write fails.
@Suite struct DurableFileWriterTests {
  /// A process id above the kernel's largest (`pid_max` is at most 2^22): never alive.
  static let deadPID = (1 << 22) + 1
  /// Any file may be replaced (the writer's rules, not ``OutputDestination``'s, are tested).
  static let anything = OutputDestination.Content(name: "test file") { _ in true }

  func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("durable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func names(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  func mode(_ path: String) -> mode_t {
    var info = stat()
    #expect(stat(path, &info) == 0)
    return info.st_mode & 0o777
  }

  /// The process's umask (read by setting and restoring it).
  func currentUmask() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }

  @Test func writesTheWholeFileWithTheOneMode() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("page.html").path
    try DurableFile(path: path, content: Self.anything).write(Array("first".utf8))
    try DurableFile(path: path, content: Self.anything).write(Array("second, longer".utf8))
    #expect(FileManager.default.contents(atPath: path) == Data("second, longer".utf8))
    #expect(DurableFile.fileMode == 0o666)
    #expect(mode(path) == DurableFile.fileMode & ~currentUmask())
    #expect(try names(dir) == ["page.html"])
  }

  @Test func theTemporaryFileIsOpenedCloseOnExecWithTheOneMode() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try DurableFile(path: dir.appendingPathComponent("run.h5").path, content: Self.anything)
    #expect(file.temporaryPath == dir.appendingPathComponent(".run.h5.tmp-\(getpid())").path)
    let descriptor = try file.openTemporary()
    defer {
      _ = close(descriptor)
      _ = unlink(file.temporaryPath)
    }
    let flags = fcntl(descriptor, F_GETFD)
    #expect(flags >= 0)
    #expect(flags & FD_CLOEXEC != 0, "a child process must not inherit a half-written file")
    #expect(fcntl(descriptor, F_GETFL) & O_ACCMODE == O_WRONLY)
    var info = stat()
    #expect(fstat(descriptor, &info) == 0)
    #expect(info.st_mode & 0o777 == DurableFile.fileMode & ~currentUmask())
  }

  @Test func staleTemporariesOfKilledWritersOfThisNameAreRemovedAndNothingElse() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("report.html").path
    let stale = ".report.html.tmp-\(Self.deadPID)"
    let live = ".report.html.tmp-\(getppid())"  // our parent is alive: its file is left alone
    let other = ".other.html.tmp-\(Self.deadPID)"  // another name's file is not ours to remove
    let foreign = ".report.html.tmp-notapid"  // not ChainSim's naming
    for name in [stale, live, other, foreign] {
      #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data([1, 2, 3])))
    }
    try DurableFile(path: path, content: Self.anything).write([42])
    #expect(try names(dir) == [foreign, live, other, "report.html"].sorted())
  }

  @Test func theFolderIsFlushedAndAFolderThatCannotBeFlushedIsAnEnvironmentFailure() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("p0-r0.rec").path
    let file = try DurableFile(path: path, content: Self.anything)
    try file.syncFolder()
    try FileManager.default.removeItem(at: dir)
    #expect(throws: ResultsError.self) { try file.syncFolder() }
    do {
      try file.syncFolder()
    } catch {
      #expect(error.classification == .environment)
      #expect(error.message.hasPrefix("cannot flush the folder to disk: No such file or directory"), "\(error.message)")
    }
  }

  @Test func withoutSyncTheFileIsStillWholeAndInPlace() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("p0-r1.rec").path
    try DurableFile(path: path, content: Self.anything).write([1, 2, 3], sync: false)
    #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    #expect(try names(dir) == ["p0-r1.rec"])
  }

  /// A rename that fails (a folder took the name after the check) leaves what was there
  /// and no temporary file.
  @Test func aFailedWriteLeavesNoTemporaryFile() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("run.h5").path
    let file = try DurableFile(path: path, content: Self.anything)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    #expect(FileManager.default.createFile(atPath: path + "/inside", contents: Data([9])))
    do {
      try file.write([1, 2, 3])
      Issue.record("the write replaced a folder")
    } catch {
      #expect(error.classification == .environment)
      #expect(error.message.hasPrefix("cannot move the new file into place"), "\(error.message)")
    }
    #expect(try names(dir) == ["run.h5"])
    #expect(FileManager.default.contents(atPath: path + "/inside") == Data([9]))
  }

  @Test func refusesWhatIsNotAFileInAnExistingFolder() {
    let missing = "/nonexistent-\(UUID().uuidString)"
    #expect(throws: ResultsError.input(missing + "/x.h5", "the folder \(missing) does not exist")) {
      try DurableFile(path: missing + "/x.h5", content: Self.anything)
    }
    #expect(throws: ResultsError.self) { try DurableFile(path: "", content: Self.anything) }
  }

  @Test func readGivesTheWholeFileAndRefusesFoldersAndMissingFiles() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("part").path
    try DurableFile(path: path, content: Self.anything).write([5, 6, 7])
    #expect(try DurableFile.read(path) == [5, 6, 7])
    #expect(throws: ResultsError.input(dir.path, "this is a folder, not a file")) { try DurableFile.read(dir.path) }
    #expect(throws: ResultsError.input(path + "x", "there is no such file, or it cannot be read")) {
      try DurableFile.read(path + "x")
    }
  }
}
