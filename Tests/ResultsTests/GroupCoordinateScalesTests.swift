import Foundation
import SimKernel
import Testing

@testable import Results

/// Format 2, read back through ChainSim's own HDF5 layer (no Python): each timeseries,
/// summary and check group holds its own `replication` (and `time`, and in sweep files
/// `point`) dimension scale, with the root's values, and its datasets are attached to
/// those; text datasets have `units`; metrics keep their `valid_min`.
@Suite("Coordinate scales in every group", .serialized)
struct GroupCoordinateScalesTests {
  /// Opens `path` and hands the file to `body` (inside HDF5's lock).
  func inspect<T>(_ path: String, _ body: (H5File) throws -> T) throws -> T {
    try HDF5.serialized { () throws -> T in
      let file = try HDF5.openFileReadOnly(path)
      let result = try body(file)
      try file.close()
      return result
    }
  }

  func scales(of dataset: String, axes: Int, in file: H5File) throws -> [String?] {
    let handle = try file.dataset(dataset)
    return try (0..<axes).map { axis throws -> String? in try handle.attachedScalePath(axis: axis) }
  }

  func doubles(_ name: String, _ count: Int, in file: H5File) throws -> [Double] {
    try file.dataset(name).read(count: count, zero: 0.0, memoryType: HDF5.nativeDouble, what: name)
  }

  func integers(_ name: String, _ count: Int, in file: H5File) throws -> [Int64] {
    try file.dataset(name).read(count: count, zero: Int64(0), memoryType: HDF5.nativeInt64, what: name)
  }

  @Test("a run file's groups have their own replication and time scales, attached to their datasets")
  func runFileGroups() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: path)
    let times = SampleRun.sampleTimes.count
    try inspect(path) { (file: H5File) throws in
      #expect(
        try scales(of: "/timeseries/port/berth_occupancy", axes: 3, in: file)
          == ["/timeseries/port/replication", "/timeseries/port/time", "/timeseries/port/terminal"])
      #expect(try scales(of: "/summary/rail/rail_share", axes: 2, in: file) == ["/summary/rail/replication", "/summary/rail/corridor"])
      #expect(try scales(of: "/checks/port/vessel_balance/entered", axes: 1, in: file) == ["/checks/port/vessel_balance/replication"])
      #expect(try scales(of: "/replication_fingerprint", axes: 1, in: file) == ["/replication"])
      for group in ["/timeseries/port", "/timeseries/rail", "/summary/port", "/checks/rail/container_balance"] {
        let replication = try file.dataset("\(group)/replication")
        #expect(try replication.isScale(), "\(group)/replication is a dimension scale")
        #expect(try replication.readStringAttribute("units") == "1")
        #expect(try integers("\(group)/replication", 3, in: file) == [0, 1, 2])
      }
      for group in ["/timeseries/port", "/timeseries/rail"] {
        #expect(try file.dataset("\(group)/time").isScale())
        #expect(try file.dataset("\(group)/time").readStringAttribute("units") == "h")
        #expect(try doubles("\(group)/time", times, in: file) == SampleRun.sampleTimes)
      }
      #expect(try file.hasChild("/summary/port/time") == false, "a summary has no time axis")
    }
  }

  @Test("label scales and /scenario have units (empty: text) and a long name")
  func textDatasetsHaveUnits() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let run = folder.path("run.h5"), sweep = folder.path("sweep.h5")
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: SampleRun.replications(), to: run)
    try ResultsWriter.writeSweep(SweepReadTests.sampleSweep(), to: sweep)
    for (path, names) in [
      (run, ["/scenario", "/timeseries/port/terminal", "/summary/port/terminal", "/summary/rail/corridor"]),
      (sweep, ["/scenario", "/sweep/definition", "/sweep/scenario_sha256", "/timeseries/port/terminal"]),
    ] {
      try inspect(path) { (file: H5File) throws in
        for name in names {
          let dataset = try file.dataset(name)
          #expect(try dataset.readStringAttribute("units") == "", "\(name) in \(path)")
          #expect(try dataset.readStringAttribute("long_name")?.isEmpty == false, "\(name) in \(path)")
        }
      }
    }
  }

  @Test("a sweep file's groups have their own point, replication and time scales")
  func sweepFileGroups() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("sweep.h5")
    try ResultsWriter.writeSweep(SweepReadTests.sampleSweep(), to: path)
    try inspect(path) { (file: H5File) throws in
      #expect(
        try scales(of: "/timeseries/port/berth_occupancy", axes: 4, in: file)
          == ["/timeseries/port/point", "/timeseries/port/replication", "/timeseries/port/time", "/timeseries/port/terminal"])
      #expect(try scales(of: "/summary/port/vessel_wait_mean", axes: 2, in: file) == ["/summary/port/point", "/summary/port/replication"])
      #expect(
        try scales(of: "/checks/port/vessel_balance/passed", axes: 2, in: file)
          == ["/checks/port/vessel_balance/point", "/checks/port/vessel_balance/replication"])
      #expect(try scales(of: "/sweep/uict_berths", axes: 1, in: file) == ["/sweep/point"])
      for group in ["/timeseries/port", "/summary/rail", "/sweep"] {
        #expect(try file.dataset("\(group)/point").isScale())
        #expect(try integers("\(group)/point", 3, in: file) == [0, 1, 2])
      }
    }
    // The reader skips the scales: the parameters and metrics are the ones written.
    let back = try ResultsFile.readSweep(path: path)
    #expect(back.parameters == SweepReadTests.sampleSweep().parameters)
    #expect(back.cells == SweepReadTests.sampleSweep().cells)
  }

  @Test("a metric's valid_min is written and read back; none is written where none is declared")
  func validMinRoundTrips() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let path = folder.path("run.h5")
    let replications = SampleRun.replications().map { output -> ReplicationOutput in
      var output = output
      output.subsystems[0].series[0].info.validMin = 0
      output.subsystems[0].kpis[0].info.validMin = -273.15
      return output
    }
    try ResultsWriter.write(metadata: SampleRun.metadata(), replications: replications, to: path)
    let port = try #require(try ResultsFile.read(path: path).subsystem("port"))
    #expect(port.series.map(\.info.validMin) == [0, nil])
    #expect(port.kpis.map(\.info.validMin) == [-273.15, nil])
    try inspect(path) { (file: H5File) throws in
      #expect(try file.dataset("/timeseries/port/vessels_at_anchor").readDoubleAttribute("valid_min") == 0)
      #expect(try file.dataset("/timeseries/port/berth_occupancy").readDoubleAttribute("valid_min") == nil)
    }
  }

  @Test("a metric or label axis may not take a coordinate scale's name")
  func coordinateNamesAreReserved() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    for name in ["time", "replication", "point"] {
      let replications = SampleRun.replications().map { output -> ReplicationOutput in
        var output = output
        output.subsystems[0].kpis[0].info.name = name
        return output
      }
      let error = #expect(throws: ResultsError.self) {
        try ResultsWriter.write(metadata: SampleRun.metadata(), replications: replications, to: folder.path("\(name).h5"))
      }
      #expect(error?.message.contains("coordinate scale") == true, "\(error?.description ?? "no error")")
    }
    #expect(try folder.entries().isEmpty, "nothing written")
  }
}

extension H5Handle where ID == H5FileID {
  /// Opens the dataset at `path`, failing when it is something else.
  func dataset(_ path: String) throws -> H5Dataset {
    guard case .dataset(let dataset) = try openChild(path) else {
      throw HDF5Failure(operation: "open \(path)", detail: "not a dataset")
    }
    return dataset
  }
}
