import CChainSimShims
import CHDF5
import SimKernel

/// HDF5 dimension scales (`H5DS*` from hdf5_hl): how xarray and netCDF learn dimension names.
extension H5Handle {
  /// Makes this dataset a dimension scale called `name`. The corresponding C function is
  /// `H5DSset_scale`.
  func makeScale(_ name: String) throws(HDF5Failure) {
    try HDF5.check(H5DSset_scale(raw, name), "make \(name) a dimension scale")
  }

  /// Attaches `scale` to axis `axis` of this dataset. The corresponding C function is
  /// `H5DSattach_scale`.
  func attach(_ scale: H5Handle, axis: Int, what: String) throws(HDF5Failure) {
    try HDF5.check(H5DSattach_scale(raw, scale.raw, UInt32(axis)), "attach a dimension scale to axis \(axis) of \(what)")
  }

  /// Whether this dataset is a dimension scale. The corresponding C function is `H5DSis_scale`.
  func isScale() throws(HDF5Failure) -> Bool {
    try HDF5.truth(H5DSis_scale(raw), "check whether a dataset is a dimension scale")
  }

  /// The full path of the first scale attached to axis `axis`, or `nil` when there is none.
  func attachedScalePath(axis: Int) throws(HDF5Failure) -> String? {
    let count = H5DSget_num_scales(raw, UInt32(axis))
    guard count > 0 else {
      _ = H5Eclear2(cs_H5E_DEFAULT())
      return nil
    }
    var path: String? = nil
    let rc = withUnsafeMutablePointer(to: &path) { pointer -> herr_t in
      H5DSiterate_scales(raw, UInt32(axis), nil, { _, _, scale, data in
        guard let data else { return -1 }
        let length = H5Iget_name(scale, nil, 0)
        guard length > 0 else { return -1 }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        guard H5Iget_name(scale, &buffer, buffer.count) > 0 else { return -1 }
        let bytes = buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }
        data.assumingMemoryBound(to: String?.self).pointee = String(decoding: bytes, as: UTF8.self)
        return 1  // stop at the first scale
      }, pointer)
    }
    try HDF5.check(rc, "find the dimension scale of axis \(axis)")
    return path
  }
}

/// The coordinate scales (`point`, `replication`, `time`) of the layout, written the same way
/// at the root and inside every group that uses them: netCDF-4 readers (h5netcdf, and so
/// xarray's `open_dataset(..., group=)`) see as a group's coordinates only the variables in
/// that group, so each `/timeseries/<subsystem>`, `/summary/<subsystem>`, check group and
/// `/sweep` carries its own copy, and its datasets are attached to those copies.
enum CoordinateScale {
  /// A float64 `time` scale in `parent` with the run's time unit.
  static func time(in parent: H5Handle, _ times: [Double], unit: String, _ what: String) throws(HDF5Failure) -> H5Handle {
    let scale = try parent.createDataset(Layout.time, fileType: cs_H5T_IEEE_F64LE(), dims: [times.count], compress: true)
    try scale.write(times, memoryType: cs_H5T_NATIVE_DOUBLE(), what: what)
    try scale.makeScale(Layout.time)
    try scale.writeAttribute(Layout.Attribute.units, string: unit)
    try scale.writeAttribute(Layout.Attribute.longName, string: "sample time")
    return scale
  }

  /// An int64 index scale (`replication` or `point`) in `parent`, dimensionless (`units` = `1`).
  static func index(_ name: String, in parent: H5Handle, _ values: [Int64], longName: String, _ what: String) throws(HDF5Failure) -> H5Handle {
    let scale = try parent.createDataset(name, fileType: cs_H5T_STD_I64LE(), dims: [values.count], compress: true)
    try scale.write(values, memoryType: cs_H5T_NATIVE_INT64(), what: what)
    try scale.makeScale(name)
    try scale.writeAttribute(Layout.Attribute.units, string: "1")
    try scale.writeAttribute(Layout.Attribute.longName, string: longName)
    return scale
  }

  /// A string label scale (e.g. `terminal`) in `parent`. Labels are text, not numbers, so
  /// their `units` is the empty string (CF: no unit), as for every text dataset.
  static func labels(_ axis: LabelAxis, in parent: H5Handle) throws(HDF5Failure) -> H5Handle {
    let text = try H5Create.utf8StringType()
    let scale = try parent.createDataset(axis.name, fileType: text.raw, dims: [axis.labels.count], compress: false)
    try scale.write(strings: axis.labels, what: "label axis \(axis.name)")
    try scale.makeScale(axis.name)
    try scale.writeAttribute(Layout.Attribute.units, string: Layout.textUnits)
    try scale.writeAttribute(Layout.Attribute.longName, string: axis.name)
    return scale
  }
}
