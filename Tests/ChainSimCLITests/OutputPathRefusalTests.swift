import Foundation
import Testing

/// Issue 17 (output paths, data loss): run, sweep, merge and report write only to a path
/// that is absent, an empty file or an older ChainSim file of the same kind. A device, a
/// FIFO, a folder, a foreign file or one of the command's own inputs (compared by device
/// and inode, so links and `..` are caught) is refused with exit 2, a line naming the
/// reason, and nothing written: before, `-o /dev/null` turned the device into a regular file
/// and `-o S.yaml` replaced the scenario with HDF5.
@Suite struct OutputPathRefusalTests {
  @Test(arguments: ["/dev/null", "/dev/full"])
  func aDeviceIsRefusedAndStaysADevice(device: String) throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    let node = DeviceNode(device)
    #expect(node.type == S_IFCHR)
    defer { node.restore(at: device) }
    let before = try FolderSnapshot(bench.folder)
    let r = try bench.run(output: device)
    try expectRefused(r, refusal(device, "is a device"), folder: bench.folder, before: before)
    #expect(DeviceNode(device) == node, "\(device) is still the same character device")
    let name = (device as NSString).lastPathComponent
    let temporaries = try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.hasPrefix(".\(name).tmp-") }
    #expect(temporaries.isEmpty, "no temporary file in /dev: \(temporaries)")
  }

  @Test func aFIFOIsRefusedWithoutOpeningIt() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    #expect(mkfifo(bench.path("pipe.h5"), 0o644) == 0)
    let before = try FolderSnapshot(bench.folder)
    let r = try bench.run(output: bench.path("pipe.h5"))
    try expectRefused(r, refusal(bench.path("pipe.h5"), "is a FIFO (a named pipe)"), folder: bench.folder, before: before)
  }

  @Test func aFolderIsRefused() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    try FileManager.default.createDirectory(at: bench.url("out.h5"), withIntermediateDirectories: false)
    try Data("kept".utf8).write(to: bench.url("out.h5/inside.txt"))
    let before = try FolderSnapshot(bench.folder)
    let r = try bench.run(output: "out.h5")
    try expectRefused(r, refusal("out.h5", "is a folder"), folder: bench.folder, before: before)
  }

  @Test func aTextFileIsRefusedAndAnEmptyFileOrAnOlderResultsFileIsReplaced() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    try Data("notes I want to keep\n".utf8).write(to: bench.url("notes.h5"))
    let before = try FolderSnapshot(bench.folder)
    try expectRefused(try bench.run(output: "notes.h5"), foreignFile("notes.h5"), folder: bench.folder, before: before)

    // An HDF5 file without ChainSim's seal may be anyone's data.
    let foreign = Data([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 600))
    try foreign.write(to: bench.url("other.h5"))
    let withHDF5 = try FolderSnapshot(bench.folder)
    try expectRefused(try bench.run(output: "other.h5"), foreignFile("other.h5"), folder: bench.folder, before: withHDF5)

    // What may be written still is: an empty file, then the results file written over itself.
    #expect(FileManager.default.createFile(atPath: bench.path("r.h5"), contents: Data()))
    let first = try bench.run(output: "r.h5")
    #expect(first.exitCode == 0, "\(first.stderr)")
    let written = try Data(contentsOf: bench.url("r.h5"))
    #expect(written.starts(with: Data("CHAINSIM-SEAL 1\n".utf8)))
    let again = try bench.run(output: "r.h5")
    #expect(again.exitCode == 0, "\(again.stderr)")
    #expect(try Data(contentsOf: bench.url("r.h5")) == written)
  }

  @Test func theScenarioItselfIsRefusedByAnyName() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    try FileManager.default.createSymbolicLink(atPath: bench.path("link.h5"), withDestinationPath: "S.yaml")
    try FileManager.default.createDirectory(at: bench.url("sub"), withIntermediateDirectories: false)
    #expect(link(bench.path("S.yaml"), bench.path("hard.h5")) == 0)
    let before = try FolderSnapshot(bench.folder)
    let role = "is one of this run's inputs (the scenario file)"
    try expectRefused(try bench.run(output: "S.yaml"), refusal("S.yaml", role), folder: bench.folder, before: before)
    try expectRefused(try bench.run(output: "./sub/../S.yaml"), refusal("./sub/../S.yaml", role), folder: bench.folder, before: before)
    try expectRefused(try bench.run(output: "./new/../S.yaml"), refusal("./new/../S.yaml", role), folder: bench.folder, before: before)
    try expectRefused(
      try bench.run(output: bench.path("S.yaml")), refusal(bench.path("S.yaml"), role), folder: bench.folder, before: before)
    try expectRefused(
      try bench.run(output: "link.h5"), refusal("link.h5", "is one of this run's inputs (the scenario file S.yaml)"),
      folder: bench.folder, before: before)
    try expectRefused(
      try bench.run(output: "hard.h5"), refusal("hard.h5", "is one of this run's inputs (the scenario file S.yaml)"),
      folder: bench.folder, before: before)
  }

  @Test func aBaseTheScenarioExtendsIsRefused() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    let before = try FolderSnapshot(bench.folder)
    let r = try bench.run("V.yaml", output: "S.yaml")
    try expectRefused(
      r, refusal("S.yaml", "is one of this run's inputs (a base scenario that V.yaml extends)"),
      folder: bench.folder, before: before)
    let own = try bench.run("V.yaml", output: "V.yaml")
    try expectRefused(own, refusal("V.yaml", "is one of this run's inputs (the scenario file)"), folder: bench.folder, before: before)
  }

  @Test func aSweepNeverWritesOverItsSweepFileOrItsBaseScenario() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    // `output:` in the sweep file is refused at its line, by validate too.
    try bench.writeSweep(output: "S.yaml")
    let withOutput = try FolderSnapshot(bench.folder)
    let located =
      "error: sweep.yaml:9:9: output: S.yaml is one of this run's inputs (the sweep's base scenario): ChainSim writes "
      + "only to a new file, an empty file or an older ChainSim results file; choose another output (nothing was written)"
    try expectRefused(try bench.chainsim(["sweep", "sweep.yaml", "-j", "1", "--quiet"]), located, folder: bench.folder, before: withOutput)
    try expectRefused(try bench.chainsim(["validate", "sweep.yaml"]), located, folder: bench.folder, before: withOutput)

    try bench.writeSweep()
    let before = try FolderSnapshot(bench.folder)
    let base = try bench.chainsim(["sweep", "sweep.yaml", "-j", "1", "--quiet", "-o", "S.yaml"])
    try expectRefused(
      base, refusal("S.yaml", "is one of this run's inputs (the sweep's base scenario)"),
      folder: bench.folder, before: before)
    let own = try bench.chainsim(["sweep", "sweep.yaml", "-j", "1", "--quiet", "-o", "sweep.yaml"])
    try expectRefused(own, refusal("sweep.yaml", "is one of this run's inputs (the sweep file)"), folder: bench.folder, before: before)
    let part = try bench.chainsim(["sweep", "sweep.yaml", "-j", "1", "--quiet", "--shard", "1/2", "-o", "S.yaml"])
    try expectRefused(
      part, refusal("S.yaml", "is one of this run's inputs (the sweep's base scenario)", kind: "ChainSim sweep part file"),
      folder: bench.folder, before: before)
    let slurm = try bench.chainsim(["sweep", "sweep.yaml", "--slurm", "2", "--quiet", "-o", "sweep.yaml"])
    try expectRefused(
      slurm, refusal("\(bench.folder.path)/sweep.yaml", "is one of this run's inputs (the sweep file)"),
      folder: bench.folder, before: before)

    // A base further down: the sweep's scenario V.yaml extends S.yaml.
    try bench.writeSweep(scenario: "V.yaml")
    let overVariant = try FolderSnapshot(bench.folder)
    let deeper = try bench.chainsim(["sweep", "sweep.yaml", "-j", "1", "--quiet", "-o", "S.yaml"])
    try expectRefused(
      deeper, refusal("S.yaml", "is one of this run's inputs (a base scenario that V.yaml extends)"),
      folder: bench.folder, before: overVariant)
  }

  @Test func aRecordsFolderHoldingOtherFilesIsRefusedBeforeAnyPointRuns() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    try bench.writeSweep()
    try FileManager.default.createDirectory(at: bench.url("s.h5.records"), withIntermediateDirectories: false)
    try Data("mine".utf8).write(to: bench.url("s.h5.records/notes.txt"))
    let before = try FolderSnapshot(bench.folder)
    let r = try bench.chainsim(["sweep", "sweep.yaml", "-j", "1", "--quiet", "-o", "s.h5"])
    try expectRefused(
      r,
      "error: s.h5.records: holds notes.txt, which is not a sweep record: a sweep keeps its "
        + "records there and removes the folder when done; remove it or choose another -o (nothing was written)",
      folder: bench.folder, before: before)
  }

  @Test func mergeAndReportNeverWriteOverTheirInputsOrForeignFiles() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    try bench.writeSweep()
    for k in 1...2 {
      let r = try bench.chainsim(["sweep", "sweep.yaml", "-j", "1", "--quiet", "--shard", "\(k)/2", "-o", "p\(k)"])
      #expect(r.exitCode == 0, "\(r.stderr)")
    }
    let merged = try bench.chainsim(["merge", "p1", "p2", "-o", "m.h5", "--quiet"])
    #expect(merged.exitCode == 0, "\(merged.stderr)")
    try Data("<p>my own page</p>\n".utf8).write(to: bench.url("page.html"))
    let before = try FolderSnapshot(bench.folder)
    let devices = (null: DeviceNode("/dev/null"), full: DeviceNode("/dev/full"))
    defer {
      devices.null.restore(at: "/dev/null")
      devices.full.restore(at: "/dev/full")
    }

    let ontoPart = try bench.chainsim(["merge", "p1", "p2", "-o", "p2"])
    try expectRefused(ontoPart, refusal("p2", "is one of this run's inputs (a part file to merge)"), folder: bench.folder, before: before)
    let ontoScenario = try bench.chainsim(["merge", "p1", "p2", "-o", "S.yaml"])
    try expectRefused(ontoScenario, foreignFile("S.yaml"), folder: bench.folder, before: before)
    let ontoDevice = try bench.chainsim(["merge", "p1", "p2", "-o", "/dev/null"])
    try expectRefused(ontoDevice, refusal("/dev/null", "is a device"), folder: bench.folder, before: before)

    let ontoInput = try bench.chainsim(["report", "m.h5", "-o", "m.h5"])
    try expectRefused(
      ontoInput, refusal("m.h5", "is one of this run's inputs (a results file this report reads)", kind: "ChainSim report"),
      folder: bench.folder, before: before)
    let ontoPage = try bench.chainsim(["report", "m.h5", "-o", "page.html"])
    try expectRefused(ontoPage, foreignFile("page.html", kind: "ChainSim report"), folder: bench.folder, before: before)
    let ontoFull = try bench.chainsim(["report", "m.h5", "-o", "/dev/full"])
    try expectRefused(ontoFull, refusal("/dev/full", "is a device", kind: "ChainSim report"), folder: bench.folder, before: before)
    #expect(DeviceNode("/dev/full") == devices.full && DeviceNode("/dev/null") == devices.null)

    // An older report is replaced.
    for _ in 0..<2 {
      let report = try bench.chainsim(["report", "m.h5", "-o", "r.html", "--quiet"])
      #expect(report.exitCode == 0, "\(report.stderr)")
    }
  }
}
