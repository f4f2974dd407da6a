import CChainSimShims
import CHDF5

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
