import Foundation
import Testing

/// Issue 17: what can be checked is checked before the first event. A read-only output
/// folder was reported only after the whole simulation (exit 3 after the run), and a sweep
/// with an unknown `--precision` KPI ran the first batch of points and left records before
/// exiting 2. Now both are refused before anything runs: the commands are run on a
/// terminal (`script`), where a replication that finished would draw the progress line.
@Suite(.serialized) struct EarlyRefusalTests {
  /// Runs `chainsim ARGUMENTS` in `folder` on a pseudo-terminal, so that the progress line
  /// is drawn (it is silent when standard error is not a terminal); returns what the
  /// terminal showed.
  func onTerminal(_ arguments: [String], in folder: URL) throws -> CommandResult {
    let quoted = ([chainsimBinary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let r = try runProgram(URL(fileURLWithPath: "/usr/bin/script"), ["-qefc", quoted.joined(separator: " "), "/dev/null"], in: folder)
    return CommandResult(exitCode: r.exitCode, stdout: r.stdout.replacingOccurrences(of: "\r\n", with: "\n"), stderr: r.stderr)
  }

  @Test(.enabled(if: ReadOnlyFolder.canBeMade, ReadOnlyFolder.why))
  func aReadOnlyFolderIsReportedBeforeTheRun() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    try bench.writeSweep()
    let folder = bench.url("ro")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let undo = try #require(ReadOnlyFolder.make(folder))
    defer { undo() }
    let before = try FolderSnapshot(bench.folder)
    let commands: [(String, [String])] = [
      ("ro/r.h5", ["run", "S.yaml", "--horizon", "2d", "--set", "run.warmup=1d", "--replications", "2", "-j", "1", "-o", "ro/r.h5"]),
      (
        "ro/new/r.h5",
        ["run", "S.yaml", "--horizon", "2d", "--set", "run.warmup=1d", "--replications", "2", "-j", "1", "-o", "ro/new/r.h5"]
      ),
      ("ro/s.h5", ["sweep", "sweep.yaml", "-j", "1", "-o", "ro/s.h5"]),
    ]
    for (output, arguments) in commands {
      let r = try onTerminal(arguments, in: bench.folder)
      #expect(r.exitCode == 3, "\(r.stdout)")
      #expect(!r.stdout.contains("replications,"), "no replication ran (no progress line): \(r.stdout)")
      let lines = r.stdout.split(separator: "\n").filter { !$0.hasPrefix("warning: ") }
      let folderNamed = output.hasPrefix("ro/new") ? "cannot create the folder ro/new: " : "cannot write in the folder ro: "
      #expect(
        lines.count == 1 && lines[0].hasPrefix("error: \(output): \(folderNamed)")
          && lines[0].hasSuffix(" (checked before running; nothing was written)"), "\(r.stdout)")
      #expect(try FolderSnapshot(bench.folder) == before)
    }
  }

  @Test(.enabled(if: ReadOnlyFolder.canBeMade, ReadOnlyFolder.why))
  func mergeAndReportCheckTheirFolderBeforeReadingTheirInputs() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    let folder = bench.url("ro")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let undo = try #require(ReadOnlyFolder.make(folder))
    defer { undo() }
    try Data("not a part".utf8).write(to: bench.url("p1"))
    let before = try FolderSnapshot(bench.folder)
    // The inputs would be refused (exit 2) if they were read first.
    let merge = try bench.chainsim(["merge", "p1", "-o", "ro/m.h5"])
    #expect(merge.exitCode == 3, "\(merge.stderr)")
    #expect(merge.stderr.hasPrefix("error: ro/m.h5: cannot write in the folder ro: "), "\(merge.stderr)")
    let report = try bench.chainsim(["report", "p1", "-o", "ro/r.html"])
    #expect(report.exitCode == 3, "\(report.stderr)")
    #expect(report.stderr.hasPrefix("error: ro/r.html: cannot write in the folder ro: "), "\(report.stderr)")
    #expect(try FolderSnapshot(bench.folder) == before)
  }

  @Test func anUnknownPrecisionKPIIsRefusedBeforeAnyPointRuns() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    try bench.writeSweep()
    let before = try FolderSnapshot(bench.folder)
    let r = try onTerminal(["sweep", "sweep.yaml", "-j", "1", "-o", "s.h5", "--precision", "port.wait_for_berth_men=5%"], in: bench.folder)
    #expect(r.exitCode == 2, "\(r.stdout)")
    #expect(!r.stdout.contains("replications,"), "no replication ran (no progress line): \(r.stdout)")
    let lines = r.stdout.split(separator: "\n").filter { !$0.hasPrefix("warning: ") }
    #expect(
      lines.count == 1
        && lines[0].hasPrefix(
          "error: --precision: there is no KPI port.wait_for_berth_men; did you mean 'port.wait_for_berth_mean'? (KPIs: port.vessel_calls, "
        ),
      "\(r.stdout)")
    #expect(try FolderSnapshot(bench.folder) == before, "no records folder, no records")

    let subsystem = try bench.chainsim(["sweep", "sweep.yaml", "-j", "1", "-o", "s.h5", "--quiet", "--precision", "harbour.wait=5%"])
    #expect(subsystem.exitCode == 2)
    #expect(subsystem.stderr.hasPrefix("error: --precision: there is no KPI harbour.wait"), "\(subsystem.stderr)")
    #expect(try FolderSnapshot(bench.folder) == before)

    // A KPI that exists still runs.
    let known = try bench.chainsim([
      "sweep", "sweep.yaml", "-j", "1", "-o", "s.h5", "--quiet", "--precision", "port.wait_for_berth_mean=500%",
      "--max-replications", "2",
    ])
    #expect(known.exitCode == 0, "\(known.stderr)")
  }
}

extension EarlyRefusalTests {
  /// `--shard` is read before the sweep's points are prepared (up to 10,000 scenarios): a bad
  /// one is reported first, whatever the sweep file holds.
  @Test func aBadShardIsRefusedBeforeTheSweepIsPrepared() throws {
    let bench = try OutputPathBench()
    defer { bench.remove() }
    try Data("sweep: [unclosed\n".utf8).write(to: bench.url("broken.yaml"))
    let before = try FolderSnapshot(bench.folder)
    let r = try bench.chainsim(["sweep", "broken.yaml", "--shard", "3/2", "--quiet"])
    try expectRefused(
      r, "error: --shard 3/2: the shard index is out of range; it must be between 1 and 2", folder: bench.folder, before: before)
  }
}

/// A folder this process cannot write in. Root writes through permission bits, so as root
/// a read-only tmpfs is mounted on it; otherwise its mode is set to 0555.
enum ReadOnlyFolder {
  /// Makes `folder` read-only; returns what undoes it, or nil when this is not possible.
  static func make(_ folder: URL) -> (() -> Void)? {
    if geteuid() != 0 {
      guard chmod(folder.path, 0o555) == 0 else { return nil }
      return { _ = chmod(folder.path, 0o755) }
    }
    guard let r = try? runProgram(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", folder.path]),
      r.exitCode == 0
    else { return nil }
    return { _ = try? runProgram(URL(fileURLWithPath: "/bin/umount"), [folder.path]) }
  }

  /// Whether ``make(_:)`` works here: always as a user; as root only where mounting is
  /// permitted (root cannot observe a read-only folder otherwise: it writes through 0555).
  static let canBeMade: Bool = {
    guard let dir = try? temporaryDirectory() else { return false }
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let undo = make(dir) else { return false }
    undo()
    return true
  }()

  static let why: Comment =
    "running as root where mount -t tmpfs is not permitted: root writes through a 0555 folder, so a read-only folder cannot be made"
}
