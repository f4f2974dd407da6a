import Foundation
import Results
import Testing

/// Issue 17: the writer's own guard. `ResultsWriter` replaces only an absent path, an empty
/// file or an older sealed results file; a socket, a dangling link, an HDF5 file without
/// ChainSim's seal or any other file is refused with `.input` (exit 2) and left as it was.
@Suite struct OutputDestinationTests {
  func write(to path: String) throws(ResultsError) {
    try ResultsWriter.write(metadata: SampleRun.metadata(replications: 1), replications: [SampleRun.replication(0)], to: path)
  }

  func refusal(_ path: String) -> ResultsError? {
    do {
      try write(to: path)
      return nil
    } catch {
      return error
    }
  }

  @Test func aSocketIsRefused() throws {
    let dir = try TemporaryFolder()
    defer { dir.cleanUp() }
    let socket = dir.path("s.h5")
    let made = try run("python3", ["-c", "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", socket])
    #expect(made.status == 0, "\(made.output)")
    let error = try #require(refusal(socket))
    #expect(error.classification == .input)
    #expect(error.message.hasPrefix("is a socket: "), "\(error)")
    var info = stat()
    #expect(lstat(socket, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK, "still a socket")
    #expect(try dir.entries() == ["s.h5"])
  }

  @Test func aDanglingLinkIsRefusedAndKept() throws {
    let dir = try TemporaryFolder()
    defer { dir.cleanUp() }
    try FileManager.default.createSymbolicLink(atPath: dir.path("gone.h5"), withDestinationPath: "nowhere.h5")
    let error = try #require(refusal(dir.path("gone.h5")))
    #expect(error.classification == .input)
    #expect(error.message.hasPrefix("is a symbolic link to a missing file: "), "\(error)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("gone.h5")) == "nowhere.h5")
  }

  @Test func onlyASealedFileOrAnEmptyOneIsReplaced() throws {
    let dir = try TemporaryFolder()
    defer { dir.cleanUp() }
    let unsealed = Data([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(count: 1000)
    try unsealed.write(to: URL(fileURLWithPath: dir.path("plain.h5")))
    let error = try #require(refusal(dir.path("plain.h5")))
    #expect(
      error.description
        == "\(dir.path("plain.h5")): exists and is not a ChainSim results file: remove it or choose another -o (nothing was written)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("plain.h5"))) == unsealed)

    #expect(FileManager.default.createFile(atPath: dir.path("empty.h5"), contents: Data()))
    try write(to: dir.path("empty.h5"))
    try write(to: dir.path("empty.h5"))  // now an older sealed file
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("empty.h5"))).starts(with: Data("CHAINSIM-SEAL 1\n".utf8)))
    #expect(try dir.entries() == ["empty.h5", "plain.h5"])
  }

  @Test func inputsAreComparedByInodeNotByName() throws {
    let dir = try TemporaryFolder()
    defer { dir.cleanUp() }
    try Data("port: {}\n".utf8).write(to: URL(fileURLWithPath: dir.path("S.yaml")))
    #expect(link(dir.path("S.yaml"), dir.path("same.h5")) == 0)
    let destination = OutputDestination(
      path: dir.path("same.h5"), content: .results,
      inputs: [OutputDestination.Input(path: dir.path("S.yaml"), role: "the scenario file")])
    var refused: ResultsError?
    do { try destination.check() } catch { refused = error }
    let error = try #require(refused)
    #expect(error.classification == .input)
    #expect(error.message.hasPrefix("is one of this run's inputs (the scenario file \(dir.path("S.yaml"))): "), "\(error)")
    #expect(throws: ResultsError.self) { try destination.prepare() }
  }
}
