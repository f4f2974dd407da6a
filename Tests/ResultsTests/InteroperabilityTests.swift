import Foundation
import SimKernel
import Testing

@testable import Results

/// The file as researchers and reviewers meet it: h5py, xarray and the layout checker.
@Suite("Results files in Python tools", .serialized)
struct InteroperabilityTests {
  @Test("scripts/check-layout accepts the file")
  func layoutChecker() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    let script = checkerScript()
    let result = try run("python3", [script, path, "--subsystem", "port", "--subsystem", "rail"])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("conforms"))
  }

  @Test(
    "scripts/check-layout finds what an edit broke",
    arguments: [
      ("del f.attrs['fingerprint']", "/: no attribute fingerprint"),
      ("del f['timeseries/port/berth_occupancy'].attrs['units']", "/timeseries/port/berth_occupancy: no units attribute"),
      ("f['summary/rail/rail_share'].attrs['better'] = 'up'", "/summary/rail/rail_share: better is 'up'"),
      ("f['checks/port/vessel_balance'].attrs['passed'] = False", "/checks/port/vessel_balance: passed is false"),
      ("del f['summary/rail']", "/summary/rail: missing"),
      ("del f['scenario'].attrs['units']", "/scenario: no units attribute"),
      ("del f['timeseries/port/terminal'].attrs['units']", "/timeseries/port/terminal: a scale with no units attribute"),
    ])
  func layoutCheckerFindsProblems(edit: String, expected: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    let edited = try run("python3", ["-c", "import h5py, sys; f = h5py.File(sys.argv[1], 'r+'); \(edit); f.close()", path])
    #expect(edited.status == 0, "\(edited.output)")
    let result = try run("python3", [checkerScript(), path, "--subsystem", "port", "--subsystem", "rail"])
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains(expected), "\(result.output)")
  }

  @Test("xarray names the dimensions replication, time and the label axis")
  func xarrayDimensions() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    let snippet = """
      import json, sys, warnings, h5py, xarray as xr
      warnings.simplefilter("error")
      path = sys.argv[1]
      ts = xr.open_dataset(path, engine="h5netcdf", group="timeseries/port")
      sm = xr.open_dataset(path, engine="h5netcdf", group="summary/rail")
      with h5py.File(path, "r") as f:
          out = {
              "ts_dims": list(ts["berth_occupancy"].dims), "ts_units": ts["berth_occupancy"].attrs["units"],
              "terminals": [str(x) for x in ts["terminal"].values],
              "anchor_dims": list(ts["vessels_at_anchor"].dims),
              "sm_dims": list(sm["rail_share"].dims), "better": sm["rail_share"].attrs["better"],
              "value": float(ts["berth_occupancy"][1, 2, 0]),
              "format": f.attrs["format"], "seed": int(f.attrs["seed"]),
              "passed": bool(f["checks/port/vessel_balance"].attrs["passed"]),
              "scenario": f["scenario"][()].decode("utf-8"),
          }
      print(json.dumps(out))
      """
    let result = try run("python3", ["-c", snippet, path])
    #expect(result.status == 0, "\(result.output)")
    let json = try #require(result.output.split(separator: "\n").last.map { Data($0.utf8) })
    let out = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any], "\(result.output)")
    #expect(out["ts_dims"] as? [String] == ["replication", "time", "terminal"])
    #expect(out["anchor_dims"] as? [String] == ["replication", "time"])
    #expect(out["sm_dims"] as? [String] == ["replication", "corridor"])
    #expect(out["ts_units"] as? String == "1")
    #expect(out["better"] as? String == "higher")
    #expect(out["terminals"] as? [String] == SampleRun.terminals.labels)
    #expect(out["value"] as? Double == SampleRun.value(1, 2, 0, 2))
    #expect(out["format"] as? String == "chainsim-results")
    #expect(out["seed"] as? UInt64 == SampleRun.metadata().seed)
    #expect(out["passed"] as? Bool == true)
    #expect(out["scenario"] as? String == SampleRun.metadata().scenarioText)
  }

  @Test("an HDF5 file from another program is bad input")
  func foreignHDF5() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("foreign.h5")
    let made = try run(
      "python3", ["-c", "import h5py, sys; f = h5py.File(sys.argv[1], 'w'); f['x'] = [1, 2]; f.attrs['format'] = 'other'; f.close()", path])
    #expect(made.status == 0, "\(made.output)")
    let error = #expect(throws: ResultsError.self) { _ = try ResultsFile.read(path: path) }
    #expect(error?.classification == .input)
    #expect(error?.message.contains("not a ChainSim results file") == true)
  }

  @Test("a file from a newer format version, or missing a part, is bad input")
  func incompatibleFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let newer = folder.path("newer.h5"), partial = folder.path("partial.h5")
    for path in [newer, partial] {
      try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    }
    let edit =
      "import h5py, sys; f = h5py.File(sys.argv[1], 'r+'); f.attrs['format_version'] = \(Layout.formatVersion + 1); f.close(); "
      + "g = h5py.File(sys.argv[2], 'r+'); del g['summary/rail']; g.close()"
    let edited = try run("python3", ["-c", edit, newer, partial])
    #expect(edited.status == 0, "\(edited.output)")
    // Edited after ChainSim wrote them: the seal no longer matches.
    for path in [newer, partial] {
      let error = #expect(throws: ResultsError.self) { _ = try ResultsFile.read(path: path) }
      #expect(error?.message.contains("changed after ChainSim wrote it") == true, "\(error?.description ?? "no error")")
    }
    // Sealed again (as a newer ChainSim or a broken writer would seal them), the reader
    // reaches the layout and says what is wrong with it.
    let reseal = """
      import sys, zlib
      for p in sys.argv[1:]:
          d = bytearray(open(p, 'rb').read())
          seal = b'CHAINSIM-SEAL 1\\nbytes %d\\ncrc32 %08x\\n' % (len(d), zlib.crc32(bytes(d[512:])))
          d[:512] = seal + bytes(512 - len(seal))
          open(p, 'wb').write(d)
      """
    let resealed = try run("python3", ["-c", reseal, newer, partial])
    #expect(resealed.status == 0, "\(resealed.output)")
    for (path, expected) in [(newer, "format version \(Layout.formatVersion + 1)"), (partial, "/summary")] {
      let error = #expect(throws: ResultsError.self) { _ = try ResultsFile.read(path: path) }
      #expect(error?.classification == .input)
      #expect(error?.message.contains(expected) == true, "\(error?.description ?? "no error") should mention \(expected)")
    }
  }
}
