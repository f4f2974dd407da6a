import Foundation
import SimKernel
import Testing

@testable import Results

@Suite("Writing and reading results files", .serialized)
struct WriteReadTests {
  @Test("read(write(x)) gives back the metadata and every replication's output")
  func roundTrip() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)

    let contents = try ResultsFile.read(path: path)
    #expect(contents.formatVersion == 3)
    #expect(contents.metadata == SampleRun.metadata())
    #expect(contents.replications == [0, 1, 2])
    #expect(contents.replicationOutputs() == [0, 1, 2].map { SampleRun.replication($0) })
    let port = try #require(contents.subsystem("port"))
    #expect(port.series.map(\.info.name) == ["vessels_at_anchor", "berth_occupancy"])
    #expect(port.series[1].info.axis == SampleRun.terminals)
    #expect(port.kpis[0].info.better == .lower)
    #expect(port.checks[0].allPassed)
    #expect(contents.subsystems.map(\.name) == ["port", "rail"])
    #expect(try folder.entries() == ["run.h5"])
  }

  @Test("the same inputs give byte-identical files at different paths and times")
  func byteIdentical() throws {
    let first = try TemporaryFolder(), second = try TemporaryFolder()
    defer { first.cleanUp(); second.cleanUp() }
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: first.path("a.h5"))
    Thread.sleep(forTimeInterval: 1.1)
    let reordered = SampleRun.replications().reversed().map { $0 }
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: reordered, to: second.path("other-name.h5"))
    let a = try Data(contentsOf: URL(fileURLWithPath: first.path("a.h5")))
    let b = try Data(contentsOf: URL(fileURLWithPath: second.path("other-name.h5")))
    #expect(a.count > 1000)
    #expect(a == b)
    #expect(a.range(of: Data(first.url.path.utf8)) == nil, "the file must not contain its path")
  }

  @Test("a missing folder is bad input and leaves nothing behind")
  func missingFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("no-such-folder/run.h5")
    let error = #expect(throws: ResultsError.self) {
      try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    }
    #expect(error?.classification == .input)
    #expect(error?.description.contains("does not exist") == true)
    #expect(try folder.entries().isEmpty)
  }

  @Test("mismatched replications fail, leave no temporary file and keep an existing file")
  func mismatchedReplications() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    let old = Data("previous results".utf8)
    try old.write(to: URL(fileURLWithPath: path))
    var runs = SampleRun.replications()
    runs[1] = SampleRun.replication(0, terminals: LabelAxis(name: "terminal", labels: ["UICT", "Other"]))
    let error = #expect(throws: ResultsError.self) {
      try ResultsWriter.write(metadata: SampleRun.metadata(), replications: runs, to: path)
    }
    #expect(error?.classification == .input)
    #expect(error?.exitCode == 2)
    #expect(error?.message.contains("berth_occupancy") == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
    #expect(try folder.entries() == ["run.h5"])
  }

  @Test("outputs that do not fit the layout are refused before writing")
  func invalidOutputs() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    var badName = SampleRun.replications()
    for i in badName.indices { badName[i].subsystems[0].name = "Port Area" }
    var shortSeries = SampleRun.replications()
    shortSeries[2].subsystems[1].series[0].values.removeLast()
    let cases: [(String, [ReplicationOutput], RunMetadata)] = [
      ("snake_case", badName, SampleRun.metadata()),
      ("expected 6", shortSeries, SampleRun.metadata()),
      ("says 5 replications", SampleRun.replications(), SampleRun.metadata(replications: 5)),
      ("appears twice", [SampleRun.replication(0), SampleRun.replication(0), SampleRun.replication(1)], SampleRun.metadata()),
      ("no replications", [], SampleRun.metadata(replications: 0)),
    ]
    for (expected, runs, metadata) in cases {
      let error = #expect(throws: ResultsError.self) {
        try ResultsWriter.write(metadata: metadata, replications: runs, to: path)
      }
      #expect(error?.classification == .input)
      #expect(error?.message.contains(expected) == true, "\(error?.message ?? "no error") should mention \(expected)")
    }
    #expect(try folder.entries().isEmpty)
  }

  @Test("a file that is missing, not HDF5 or damaged is bad input")
  func unreadableFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let text = folder.path("notes.h5")
    try Data("port:\n  berths: 4\n".utf8).write(to: URL(fileURLWithPath: text))
    let good = folder.path("good.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: good)
    let truncated = folder.path("truncated.h5")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))

    for (path, expected) in [
      (folder.path("absent.h5"), "no such file"), (text, "not an HDF5 file"), (truncated, "damaged"),
      (folder.url.path, "folder"),
    ] {
      let error = #expect(throws: ResultsError.self) { _ = try ResultsFile.read(path: path) }
      #expect(error?.classification == .input)
      #expect(error?.path == path)
      #expect(error?.description.contains(expected) == true, "\(error?.description ?? "no error") should say \(expected)")
    }
  }
}
