import Foundation
import Scenario
import Testing

/// Scenario files are read only when they are regular files within the size limit; anything
/// else gets its real reason, not "permission denied" (Issue 17).
@Suite(.serialized) struct IrregularFilesTests {
  let loader = ScenarioLoader(schema: TestSchema.lenientRoot)

  func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-irregular-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func loadError(_ path: String) -> ScenarioError? {
    Fixtures.error { () throws(ScenarioError) in try loader.load(path: path) }
  }

  /// The error of a scenario that extends `target`.
  func extendsError(_ target: String) throws -> ScenarioError? {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let variant = dir.appendingPathComponent("variant.yaml")
    try "extends: \(target)\nwarmup: 1h\n".write(to: variant, atomically: true, encoding: .utf8)
    return loadError(variant.path)
  }

  @Test func aDeviceIsNamedAsADevice() throws {
    #expect(
      loadError("/dev/zero")?.message == "cannot read '/dev/zero': it is a device (such as /dev/zero or /dev/null), not a scenario file")
    let e = try extendsError("/dev/zero")
    #expect(e?.keyPath == "extends")
    #expect(e?.message.hasPrefix("cannot read '/dev/zero': it is a device") == true)
  }

  @Test func aFIFOIsNamedAndNeverWaitedOn() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("pipe.yaml").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // No writer: opening it for reading would block forever without O_NONBLOCK.
    #expect(
      loadError(fifo)?.message
        == "cannot read '\(fifo)': it is a FIFO (a named pipe), not a scenario file; save the scenario to a regular file")
    #expect(try extendsError(fifo)?.message.hasPrefix("cannot read '\(fifo)': it is a FIFO") == true)
  }

  @Test func aKernelInterfaceIsNotReadAsAScenario() throws {
    #expect(
      loadError("/proc/self/mem")?.message
        == "cannot read '/proc/self/mem': it is a kernel interface (a file of /proc), not a scenario file")
    #expect(try extendsError("/proc/self/status")?.message.hasPrefix("cannot read '/proc/self/status': it is a kernel interface") == true)
  }

  @Test func aResultsFileIsNamedWithWhatToDoInstead() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let results = dir.appendingPathComponent("run.h5")
    try Data([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]).write(to: results)
    let top = loadError(results.path)
    #expect(top?.location?.line == 1)
    #expect(
      top?.message
        == "cannot read the file: it is a ChainSim results file (HDF5), not a scenario; to see what it holds, run: chainsim inspect \(results.path)"
    )
    let e = try extendsError(results.path)
    #expect(e?.keyPath == "extends")
    #expect(e?.message.hasPrefix("cannot read '\(results.path)': it is a ChainSim results file (HDF5), not a scenario") == true)
    #expect(ScenarioSourceReader.fileSystem.text(atPath: results.path) == nil, "a sweep reader refuses it too")
  }

  @Test func aSealedResultsFileOfAnySizeIsNamedAsOne() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    // ChainSim's files start with a 512-byte user block holding its seal; HDF5 follows.
    var bytes = Data("CHAINSIM-SEAL 1\nbytes 5000000\n".utf8)
    bytes.append(Data(count: 512 - bytes.count))
    bytes.append(Data([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]))
    let small = dir.appendingPathComponent("small.h5")
    try bytes.write(to: small)
    #expect(loadError(small.path)?.message.hasPrefix("cannot read the file: it is a ChainSim results file (HDF5), not a scenario") == true)
    bytes.append(Data(count: 5 << 20))
    let large = dir.appendingPathComponent("large.h5")
    try bytes.write(to: large)
    #expect(
      loadError(large.path)?.message.hasPrefix("cannot read the file: it is a ChainSim results file (HDF5), not a scenario") == true,
      "a results file over the size limit is still named as one")
  }

  @Test func aHugeFileIsRefusedFromItsSizeWithoutReadingIt() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    // A sparse file of 64 GiB: reading it would take minutes and all the memory.
    let path = dir.appendingPathComponent("sparse.yaml").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data("name: x\n".utf8)))
    #expect(truncate(path, 64 << 30) == 0)
    let e = loadError(path)
    #expect(e?.message == "the file is \(64 << 30) bytes; the limit is \(4 << 20) bytes")
    #expect(throws: ScenarioError.self) { try ScenarioSourceReader.fileSystem.readText(atPath: path, maxBytes: 1 << 20) }
  }

  @Test func anExtendedTextFileIsQuotedOneLineAtMost() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let passwd = dir.appendingPathComponent("passwd")
    let lines = (0..<40).map { "user\($0):x:\(1000 + $0):\(1000 + $0):User \($0):/home/user\($0):/bin/bash" }
    try (lines.joined(separator: "\n") + "\n").write(to: passwd, atomically: true, encoding: .utf8)
    let e = try extendsError(passwd.path)
    let text = try #require(e?.description)
    #expect(!text.contains("user2:"), "one line of the file at most: \(text)")
    #expect(text.count < 200 + 3 * passwd.path.count, "\(text.count) characters: \(text)")
    #expect(text.contains("found 'user0:x:1000:1000:User 0:/home/user0:/bin/bash user1:x:1001:1001:User 1:/home/us…' ("))
    #expect(text.contains(" characters)"))
  }
}
