import SimKernel

/// Reads a ChainSim run file back into ``ResultsContents`` with the ``LayoutReader``: the
/// layout over `[replication]`. Anything that does not fit the layout is bad input
/// (`.input`), named with the path and the part that is wrong.
enum FileReader {
  static func read(_ path: String) throws(ResultsError) -> ResultsContents {
    try LayoutReader.open(path, as: "results file") { (reader) throws(ResultsError) -> ResultsContents in
      guard let format = try reader.formatAttribute() else {
        throw .input(path, "this HDF5 file is not a ChainSim results file (it has no format attribute)")
      }
      guard format == Layout.format else {
        throw .input(path, "this HDF5 file is not a ChainSim results file (its format is \(String(reflecting: format)))")
      }
      return try contents(reader)
    }
  }

  private static func contents(_ reader: LayoutReader) throws(ResultsError) -> ResultsContents {
    let (formatVersion, metadata) = try reader.rootMetadata()
    if try reader.isSweep() {
      throw .input(
        reader.path,
        "this is a sweep file (it has a /sweep group), not the results of one run: draw it with chainsim report, or read it with xarray")
    }
    let replications = try reader.replicationIndices(metadata)
    let rows = replications.count
    let (fingerprints, events) = try reader.counts(shape: [rows])
    let tables = try reader.subsystemTables(shape: [rows], times: metadata.sampleTimes.count)
    let subsystems = tables.map { table in
      SubsystemResults(
        name: table.name,
        series: table.series.map { metric in SeriesResults(info: metric.info, values: (0..<rows).map(metric.cell)) },
        kpis: table.kpis.map { metric in KPIResults(info: metric.info, values: (0..<rows).map(metric.cell)) },
        checks: table.checks.map {
          CheckResults(
            name: $0.name, longName: $0.longName, units: $0.units, entered: $0.entered, left: $0.left, remained: $0.remained,
            passed: $0.passed)
        })
    }
    return ResultsContents(
      formatVersion: formatVersion, metadata: metadata, replications: replications.map { Int($0) },
      replicationFingerprints: fingerprints, replicationEvents: events.map { Int($0) }, subsystems: subsystems)
  }
}
