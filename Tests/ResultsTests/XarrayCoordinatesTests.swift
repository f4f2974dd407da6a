import Foundation
import SimKernel
import Testing

@testable import Results

/// The README's recipe as written: `xr.open_dataset(f, engine="h5netcdf", group=...)` on a
/// timeseries or summary group (and, in a sweep file, on `/sweep`) gives `time`,
/// `replication` (and `point`) as coordinates, so `.sel(...)` by value works.
@Suite("xarray coordinates of each group", .serialized)
struct XarrayCoordinatesTests {
  /// Runs `snippet` with the file's path and returns the JSON object it prints last.
  func python(_ snippet: String, _ path: String) throws -> [String: Any] {
    let result = try run("python3", ["-c", snippet, path])
    #expect(result.status == 0, "\(result.output)")
    let json = try #require(result.output.split(separator: "\n").last.map { Data($0.utf8) }, "\(result.output)")
    return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any], "\(result.output)")
  }

  @Test("run file: .sel(time=, replication=) on timeseries/port and .sel(replication=) on summary/port")
  func runFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    let out = try python(
      """
      import json, sys, warnings, xarray as xr
      warnings.simplefilter("error")
      ts = xr.open_dataset(sys.argv[1], engine="h5netcdf", group="timeseries/port")
      sm = xr.open_dataset(sys.argv[1], engine="h5netcdf", group="summary/port")
      print(json.dumps({
          "ts_coords": sorted(ts.coords), "sm_coords": sorted(sm.coords),
          "at_12h": [float(v) for v in ts["berth_occupancy"].sel(time=12.0, replication=1).values],
          "window": list(ts["vessels_at_anchor"].sel(time=slice(6.0, 18.0)).shape),
          "wait_r2": float(sm["vessel_wait_mean"].sel(replication=2)),
          "time_units": ts["time"].attrs["units"],
      }))
      """, path)
    #expect(out["ts_coords"] as? [String] == ["replication", "terminal", "time"])
    #expect(out["sm_coords"] as? [String] == ["replication", "terminal"])
    #expect(out["at_12h"] as? [Double] == (0..<3).map { SampleRun.value(1, 2, $0, 2) }, "time 12 h is sample 2")
    #expect(out["window"] as? [Int] == [3, 3])
    #expect(out["wait_r2"] as? Double == SampleRun.value(2, 0, 0, 3))
    #expect(out["time_units"] as? String == "h")
  }

  @Test("sweep file: .sel(point=, replication=, time=) on timeseries/port, summary/port and sweep")
  func sweepFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("sweep.h5")
    try ResultsWriter.writeSweep(SweepReadTests.sampleSweep(), to: path)
    let out = try python(
      """
      import json, sys, warnings, xarray as xr
      warnings.simplefilter("error")
      ts = xr.open_dataset(sys.argv[1], engine="h5netcdf", group="timeseries/port")
      sm = xr.open_dataset(sys.argv[1], engine="h5netcdf", group="summary/port")
      sw = xr.open_dataset(sys.argv[1], engine="h5netcdf", group="sweep")
      print(json.dumps({
          "ts_coords": sorted(ts.coords), "sm_coords": sorted(sm.coords), "sw_coords": sorted(sw.coords),
          "anchor": float(ts["vessels_at_anchor"].sel(point=1, replication=0, time=6.0)),
          "wait": float(sm["vessel_wait_mean"].sel(point=2, replication=1)),
          "berths": float(sw["uict_berths"].sel(point=1)),
      }))
      """, path)
    #expect(out["ts_coords"] as? [String] == ["point", "replication", "terminal", "time"])
    #expect(out["sm_coords"] as? [String] == ["point", "replication", "terminal"])
    #expect(out["sw_coords"] as? [String] == ["point"])
    #expect(out["anchor"] as? Double == SampleRun.value(0, 1, 0, 1))
    #expect(out["wait"] as? Double == SampleRun.value(1, 0, 0, 3) + 2 * 7, "point 2's wait is shifted by 14")
    #expect(out["berths"] as? Double == 4)
  }
}
