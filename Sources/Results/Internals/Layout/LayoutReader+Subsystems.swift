import CHDF5
import SimKernel

/// One subsystem as the file holds it: every metric and check flat over the cells of the
/// index axes, each metric with its width per cell (times × labels for series).
struct SubsystemTable {
  struct Metric {
    let info: MetricInfo
    let values: [Double]
    let width: Int

    /// The values of one cell.
    func cell(_ cell: Int) -> [Double] { Array(values[(cell * width)..<((cell + 1) * width)]) }
  }

  /// A check as written (the writer's own type: one shape on both sides).
  typealias Check = LayoutSubsystem.Check

  let name: String
  let series: [Metric]
  let kpis: [Metric]
  let checks: [Check]
}

extension LayoutReader {
  /// Every subsystem of `/timeseries`, `/summary` and `/checks` (which must list the same
  /// subsystems), over index axes of `shape` and `times` sample times.
  func subsystemTables(shape: [Int], times: Int) throws(ResultsError) -> [SubsystemTable] {
    let timeseries = try group(file, Layout.timeseries, "/")
    let summary = try group(file, Layout.summary, "/")
    let checks = try group(file, Layout.checks, "/")
    let names = try attempt { () throws(HDF5Failure) in try timeseries.childNames() }
    for (group, kind) in [(summary, Layout.summary), (checks, Layout.checks)] {
      let others = try attempt { () throws(HDF5Failure) in try group.childNames() }
      guard others.sorted() == names.sorted() else {
        throw .input(path, "/\(kind) has subsystems \(others) but /timeseries has \(names)")
      }
    }
    let cells = shape.reduce(1, *)
    var tables: [SubsystemTable] = []
    for name in names {
      tables.append(
        SubsystemTable(
          name: name,
          series: try metrics(
            in: try group(timeseries, name, "/timeseries"), "/timeseries/\(name)", leading: shape + [times], cells: cells),
          kpis: try metrics(in: try group(summary, name, "/summary"), "/summary/\(name)", leading: shape, cells: cells),
          checks: try checkTables(in: try group(checks, name, "/checks"), "/checks/\(name)", shape: shape)))
    }
    return tables
  }

  /// The metrics of one group with the given leading shape, each optionally with a label
  /// axis, skipping the group's scales; `cells` is the number of cells of the index axes.
  private func metrics(in group: H5Group, _ where_: String, leading: [Int], cells: Int) throws(ResultsError) -> [SubsystemTable.Metric] {
    var found: [SubsystemTable.Metric] = []
    for name in try attempt({ () throws(HDF5Failure) in try group.childNames() }) {
      let here = "\(where_)/\(name)"
      let dataset = try dataset(group, name, where_)
      if try attempt({ () throws(HDF5Failure) in try dataset.isScale() }) { continue }
      let dims = try attempt { () throws(HDF5Failure) in try dataset.shape() }
      guard dims.count == leading.count || dims.count == leading.count + 1, Array(dims.prefix(leading.count)) == leading else {
        throw .input(path, "\(here) has shape \(dims); expected \(leading) optionally followed by a label axis")
      }
      var axis: LabelAxis? = nil
      if dims.count == leading.count + 1 {
        axis = try labelAxis(of: dataset, axis: leading.count, count: dims[leading.count], here)
      }
      let info = try metricInfo(dataset, name: name, axis: axis, here)
      let total = dims.reduce(1, *)
      let values = try attempt { () throws(HDF5Failure) in
        try dataset.read(count: total, zero: 0.0, memoryType: HDF5.nativeDouble, what: here)
      }
      found.append(SubsystemTable.Metric(info: info, values: values, width: cells > 0 ? total / cells : 0))
    }
    return found
  }

  /// The string label scale attached to `axis` of `dataset`.
  private func labelAxis(of dataset: H5Dataset, axis: Int, count: Int, _ here: String) throws(ResultsError) -> LabelAxis {
    guard let scalePath = try attempt({ () throws(HDF5Failure) in try dataset.attachedScalePath(axis: axis) }) else {
      throw .input(path, "\(here): axis \(axis) has no label scale attached")
    }
    let scale = try self.dataset(file, scalePath, "/")
    let labels = try attempt { () throws(HDF5Failure) in try scale.readStrings(count: count, what: scalePath) }
    let name = scalePath.split(separator: "/").last.map(String.init) ?? scalePath
    return LabelAxis(name: name, labels: labels)
  }

  /// A metric dataset's description: its `long_name`, `units`, `better` and `valid_min`
  /// attributes (a missing `better` is `none`; `valid_min` is absent in version 1 files and
  /// for quantities without a lower bound), with the label axis read by the caller.
  private func metricInfo(_ dataset: H5Dataset, name: String, axis: LabelAxis?, _ here: String) throws(ResultsError) -> MetricInfo {
    let betterText = try attempt { () throws(HDF5Failure) in try dataset.readStringAttribute(Layout.Attribute.better) }
    guard let better = Better(rawValue: betterText ?? Better.none.rawValue) else {
      throw .input(path, "\(here) has better = \(String(reflecting: betterText ?? "")), expected lower, higher or none")
    }
    let validMin = try attempt { () throws(HDF5Failure) in try dataset.readDoubleAttribute(Layout.Attribute.validMin) }
    return MetricInfo(
      name: name, longName: try text(dataset, Layout.Attribute.longName, here),
      units: try text(dataset, Layout.Attribute.units, here), better: better, axis: axis, validMin: validMin)
  }

  /// The check groups of one subsystem: entered, left, remained and passed over `shape`.
  private func checkTables(in group: H5Group, _ where_: String, shape: [Int]) throws(ResultsError) -> [SubsystemTable.Check] {
    var found: [SubsystemTable.Check] = []
    for name in try attempt({ () throws(HDF5Failure) in try group.childNames() }) {
      let here = "\(where_)/\(name)"
      let check = try self.group(group, name, where_, kind: "a group of check results")
      // `passed` is h5py's boolean enum; any 8-bit integer is read too.
      let passedData = try dataset(check, Layout.Check.passed, here)
      let isEnum = try attempt { () throws(HDF5Failure) in try passedData.typeClass() } == H5T_ENUM
      let bool = try attempt { () throws(HDF5Failure) in try H5Create.boolType() }
      let passed: [Int8] =
        isEnum
        ? try table(check, Layout.Check.passed, in: here, zero: 0, memoryType: bool, shape: shape)
        : try table(check, Layout.Check.passed, in: here, zero: 0, memoryType: HDF5.nativeInt8, shape: shape)
      found.append(
        SubsystemTable.Check(
          name: name, longName: try text(check, Layout.Attribute.longName, here), units: try text(check, Layout.Attribute.units, here),
          entered: try table(check, Layout.Check.entered, in: here, zero: 0.0, memoryType: HDF5.nativeDouble, shape: shape),
          left: try table(check, Layout.Check.left, in: here, zero: 0.0, memoryType: HDF5.nativeDouble, shape: shape),
          remained: try table(check, Layout.Check.remained, in: here, zero: 0.0, memoryType: HDF5.nativeDouble, shape: shape),
          passed: passed.map { $0 != 0 }))
    }
    return found
  }
}
