import Foundation
import SimKernel
import Testing

@testable import Results

@Suite("Merging results of one run setup", .serialized)
struct MergeTests {
  @Test("shards merged in any order give the same bytes as one run")
  func mergeShards() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let all = SampleRun.replications()
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: all, to: folder.path("whole.h5"))
    try ResultsWriter.write(
      metadata: SampleRun.metadata(replications: 2), replications: [SampleRun.replication(2), SampleRun.replication(0)],
      to: folder.path("shard-a.h5"))
    try ResultsWriter.write(
      metadata: SampleRun.metadata(replications: 1), replications: [SampleRun.replication(1)], to: folder.path("shard-b.h5"))

    let parts = [try ResultsFile.read(path: folder.path("shard-b.h5")), try ResultsFile.read(path: folder.path("shard-a.h5"))]
    let merged = try ResultsContents.merging(parts, fingerprint: SampleRun.metadata().fingerprint, path: folder.path("merged.h5"))
    #expect(merged == (try ResultsFile.read(path: folder.path("whole.h5"))))
    try ResultsWriter.write(merged, to: folder.path("merged.h5"))
    let whole = try Data(contentsOf: URL(fileURLWithPath: folder.path("whole.h5")))
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("merged.h5"))) == whole)
  }

  @Test("parts of different setups or with repeated replications are refused")
  func refuseMismatches() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try ResultsWriter.write(
      metadata: SampleRun.metadata(replications: 1), replications: [SampleRun.replication(0)], to: folder.path("a.h5"))
    var otherSeed = SampleRun.metadata(replications: 1)
    otherSeed.seed = 7
    try ResultsWriter.write(metadata: otherSeed, replications: [SampleRun.replication(1)], to: folder.path("b.h5"))
    let a = try ResultsFile.read(path: folder.path("a.h5")), b = try ResultsFile.read(path: folder.path("b.h5"))
    let seedError = #expect(throws: ResultsError.self) { _ = try ResultsContents.merging([a, b], fingerprint: "x", path: "m.h5") }
    #expect(seedError?.message.contains("seed") == true)
    let repeatError = #expect(throws: ResultsError.self) { _ = try ResultsContents.merging([a, a], fingerprint: "x", path: "m.h5") }
    #expect(repeatError?.message.contains("replication 0 appears") == true)
    #expect(repeatError?.classification == .input)
  }
}
