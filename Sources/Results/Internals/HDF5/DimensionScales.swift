import SimKernel

/// HDF5 dimension scales (`H5DS*` from hdf5_hl): how xarray and netCDF learn dimension names.
extension H5Handle where ID == H5DatasetID {
  /// Makes this dataset a dimension scale called `name`.
  func makeScale(_ name: String) throws(HDF5Failure) {
    try HDF5.makeScale(self, name)
  }

  /// Attaches `scale` to axis `axis` of this dataset.
  func attach(_ scale: H5Dataset, axis: Int, what: String) throws(HDF5Failure) {
    try HDF5.attach(scale, to: self, axis: axis, what)
  }

  /// Whether this dataset is a dimension scale.
  func isScale() throws(HDF5Failure) -> Bool {
    try HDF5.isScale(self)
  }

  /// The full path of the first scale attached to axis `axis`, or `nil` when there is none.
  func attachedScalePath(axis: Int) throws(HDF5Failure) -> String? {
    try HDF5.firstScalePath(of: self, axis: axis)
  }
}

/// The coordinate scales (`point`, `replication`, `time`) of the layout, written the same way
/// at the root and inside every group that uses them: netCDF-4 readers (h5netcdf, and so
/// xarray's `open_dataset(..., group=)`) see as a group's coordinates only the variables in
/// that group, so each `/timeseries/<subsystem>`, `/summary/<subsystem>`, check group and
/// `/sweep` carries its own copy, and its datasets are attached to those copies.
enum CoordinateScale {
  /// A float64 `time` scale in `parent` with the run's time unit.
  static func time(in parent: H5Handle<some H5LocationID>, _ times: [Double], unit: String, _ what: String) throws(HDF5Failure) -> H5Dataset
  {
    let scale = try parent.createDataset(Layout.time, fileType: HDF5.float64LE, dims: [times.count], compress: true)
    try scale.write(times, memoryType: HDF5.nativeDouble, what: what)
    try scale.makeScale(Layout.time)
    try scale.writeAttribute(Layout.Attribute.units, string: unit)
    try scale.writeAttribute(Layout.Attribute.longName, string: "sample time")
    return scale
  }

  /// An int64 index scale (`replication` or `point`) in `parent`, dimensionless (`units` = `1`).
  static func index(_ name: String, in parent: H5Handle<some H5LocationID>, _ values: [Int64], longName: String, _ what: String)
    throws(HDF5Failure) -> H5Dataset
  {
    let scale = try parent.createDataset(name, fileType: HDF5.int64LE, dims: [values.count], compress: true)
    try scale.write(values, memoryType: HDF5.nativeInt64, what: what)
    try scale.makeScale(name)
    try scale.writeAttribute(Layout.Attribute.units, string: "1")
    try scale.writeAttribute(Layout.Attribute.longName, string: longName)
    return scale
  }

  /// A string label scale (e.g. `terminal`) in `parent`. Labels are text, not numbers, so
  /// their `units` is the empty string (CF: no unit), as for every text dataset.
  static func labels(_ axis: LabelAxis, in parent: H5Handle<some H5LocationID>) throws(HDF5Failure) -> H5Dataset {
    let text = try H5Create.utf8StringType()
    let scale = try parent.createDataset(axis.name, fileType: text, dims: [axis.labels.count], compress: false)
    try scale.write(strings: axis.labels, what: "label axis \(axis.name)")
    try scale.makeScale(axis.name)
    try scale.writeAttribute(Layout.Attribute.units, string: Layout.textUnits)
    try scale.writeAttribute(Layout.Attribute.longName, string: axis.name)
    return scale
  }
}
