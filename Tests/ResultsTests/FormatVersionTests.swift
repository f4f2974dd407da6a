import Foundation
import SimKernel
import Testing

@testable import Results

/// Format version 3 (every duration KPI with its mean, p50, p90 and p95; version 2 brought
/// coordinate scales in every group, `units` on text datasets and `valid_min`): this build
/// writes 3, still reads 2 and 1, and will not merge parts of two versions (a message says
/// why, not "different metrics").
@Suite("Results format versions", .serialized)
struct FormatVersionTests {
  @Test("files are written as version 3")
  func writesVersionThree() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    #expect(ResultsWriter.formatVersion == 3)
    #expect(try ResultsFile.read(path: path).formatVersion == 3)
  }

  @Test("a version 2 file (durations with fewer percentiles, same layout) is still read")
  func readsVersionTwo() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("v2.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    let downgrade = """
      import sys, zlib, h5py
      p = sys.argv[1]
      with h5py.File(p, 'r+') as f:
          f.attrs['format_version'] = 2
      d = bytearray(open(p, 'rb').read())
      seal = b'CHAINSIM-SEAL 1\\nbytes %d\\ncrc32 %08x\\n' % (len(d), zlib.crc32(bytes(d[512:])))
      d[:512] = seal + bytes(512 - len(seal))
      open(p, 'wb').write(d)
      """
    let edited = try run("python3", ["-c", downgrade, path])
    #expect(edited.status == 0, "\(edited.output)")
    let contents = try ResultsFile.read(path: path)
    #expect(contents.formatVersion == 2)
    #expect(contents.replicationOutputs() == [0, 1, 2].map { SampleRun.replication($0) })
  }

  @Test("a version 1 file (no group scales, no valid_min) is still read")
  func readsVersionOne() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("old.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    // Back to the version 1 layout: the groups' own scales removed (their datasets then
    // point at nothing, as a v1 reader never looks), version 1, sealed again.
    let downgrade = """
      import sys, zlib, h5py
      p = sys.argv[1]
      with h5py.File(p, 'r+') as f:
          f.attrs['format_version'] = 1
          for kind in ('timeseries', 'summary'):
              for sub in f[kind].values():
                  for name in ('time', 'replication'):
                      if name in sub: del sub[name]
      d = bytearray(open(p, 'rb').read())
      seal = b'CHAINSIM-SEAL 1\\nbytes %d\\ncrc32 %08x\\n' % (len(d), zlib.crc32(bytes(d[512:])))
      d[:512] = seal + bytes(512 - len(seal))
      open(p, 'wb').write(d)
      """
    let edited = try run("python3", ["-c", downgrade, path])
    #expect(edited.status == 0, "\(edited.output)")
    let contents = try ResultsFile.read(path: path)
    #expect(contents.formatVersion == 1)
    #expect(contents.replicationOutputs() == [0, 1, 2].map { SampleRun.replication($0) })
  }

  @Test("parts of different format versions are not merged, and the message says so")
  func mergeRefusesMixedVersions() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let a = folder.path("a.h5"), b = folder.path("b.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(replications: 1), replications: [SampleRun.replication(0)], to: a)
    try ResultsWriter.write(metadata: SampleRun.metadata(replications: 1), replications: [SampleRun.replication(1)], to: b)
    let first = try ResultsFile.read(path: a)
    var second = try ResultsFile.read(path: b)
    #expect(try ResultsContents.merging([first, second], fingerprint: "f", path: "m.h5").replications == [0, 1])
    second.formatVersion = 1
    let error = #expect(throws: ResultsError.self) {
      try ResultsContents.merging([first, second], fingerprint: "f", path: "m.h5")
    }
    #expect(error?.message.contains("part 2 has format version 1 and part 1 has 3") == true, "\(error?.description ?? "no error")")
  }
}
