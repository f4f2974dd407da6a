import CChainSimShims
import CHDF5

/// Property lists, dataspaces and datatypes that make files reproducible and compressed.
enum H5Create {
  /// Elements per chunk at most: 65,536 doubles = 512 KiB, under the 1 MiB chunk cache.
  static let chunkElementBudget = 65_536
  /// Deflate level: 4 trades little size for speed on numeric series.
  static let deflateLevel: UInt32 = 4

  /// File creation: no object timestamps; links and attributes keep their creation order;
  /// a 512-byte user block for the seal (``FileSeal``), which HDF5 readers skip.
  static func fileCreationList() throws(HDF5Failure) -> H5Handle {
    let plist = try HDF5.handle(H5Pcreate(cs_H5P_FILE_CREATE()), .propertyList, "create file-creation property list")
    try HDF5.check(H5Pset_obj_track_times(plist.raw, false), "turn off object time tracking")
    try HDF5.check(H5Pset_userblock(plist.raw, hsize_t(FileSeal.userBlockSize)), "reserve the user block for the seal")
    try orderCreation(plist)
    return plist
  }

  /// File access: the on-disk format pinned to HDF5 1.8 objects (both bounds), so a newer
  /// library writes the same bytes and HDF5 ≥ 1.8 readers (h5py, netCDF-4, HDFView) read it.
  static func fileAccessList() throws(HDF5Failure) -> H5Handle {
    let plist = try HDF5.handle(H5Pcreate(cs_H5P_FILE_ACCESS()), .propertyList, "create file-access property list")
    try HDF5.check(H5Pset_libver_bounds(plist.raw, H5F_LIBVER_V18, H5F_LIBVER_V18), "pin the file format to HDF5 1.8")
    return plist
  }

  /// Group creation: no timestamps, creation order of links and attributes tracked.
  static func groupCreationList() throws(HDF5Failure) -> H5Handle {
    let plist = try HDF5.handle(H5Pcreate(cs_H5P_GROUP_CREATE()), .propertyList, "create group-creation property list")
    try HDF5.check(H5Pset_obj_track_times(plist.raw, false), "turn off object time tracking")
    try orderCreation(plist)
    return plist
  }

  /// Dataset creation: no timestamps; chunked with shuffle + deflate when `compress` and
  /// every dimension is non-empty (HDF5 cannot chunk an empty dimension of fixed size).
  static func datasetCreationList(dims: [Int], compress: Bool) throws(HDF5Failure) -> H5Handle {
    let plist = try HDF5.handle(H5Pcreate(cs_H5P_DATASET_CREATE()), .propertyList, "create dataset-creation property list")
    try HDF5.check(H5Pset_obj_track_times(plist.raw, false), "turn off object time tracking")
    try HDF5.check(H5Pset_attr_creation_order(plist.raw, cs_H5P_CRT_ORDER_TRACKED_INDEXED()), "track attribute order")
    if compress, !dims.isEmpty, dims.allSatisfy({ $0 > 0 }) {
      let chunk = chunkShape(dims).map { hsize_t($0) }
      try HDF5.check(H5Pset_chunk(plist.raw, Int32(chunk.count), chunk), "set chunk shape \(chunk)")
      try HDF5.check(H5Pset_shuffle(plist.raw), "add the shuffle filter")
      try HDF5.check(H5Pset_deflate(plist.raw, deflateLevel), "add the deflate filter")
    }
    return plist
  }

  /// Datatype creation (for committed, named types): no timestamps, or the type's object
  /// header carries the wall clock and the file is not reproducible.
  static func datatypeCreationList() throws(HDF5Failure) -> H5Handle {
    let plist = try HDF5.handle(H5Pcreate(cs_H5P_DATATYPE_CREATE()), .propertyList, "create datatype-creation property list")
    try HDF5.check(H5Pset_obj_track_times(plist.raw, false), "turn off object time tracking")
    return plist
  }

  /// A chunk shape filled from the last dimension backwards within ``chunkElementBudget``.
  static func chunkShape(_ dims: [Int]) -> [Int] {
    var budget = chunkElementBudget
    var chunk = dims
    for axis in dims.indices.reversed() {
      chunk[axis] = max(1, min(dims[axis], budget))
      budget = max(1, budget / chunk[axis])
    }
    return chunk
  }

  /// A simple dataspace of `dims`, or a scalar one when `dims` is empty.
  static func dataspace(_ dims: [Int]) throws(HDF5Failure) -> H5Handle {
    if dims.isEmpty {
      return try HDF5.handle(H5Screate(H5S_SCALAR), .dataspace, "create scalar dataspace")
    }
    let sizes = dims.map { hsize_t($0) }
    return try HDF5.handle(H5Screate_simple(Int32(sizes.count), sizes, nil), .dataspace, "create dataspace \(dims)")
  }

  /// Variable-length, null-terminated UTF-8 strings (read back as `str` by h5py).
  static func utf8StringType() throws(HDF5Failure) -> H5Handle {
    let type = try HDF5.handle(H5Tcopy(cs_H5T_C_S1()), .datatype, "copy the C string type")
    try HDF5.check(H5Tset_size(type.raw, cs_H5T_VARIABLE()), "make the string type variable-length")
    try HDF5.check(H5Tset_cset(type.raw, H5T_CSET_UTF8), "make the string type UTF-8")
    try HDF5.check(H5Tset_strpad(type.raw, H5T_STR_NULLTERM), "make the string type null-terminated")
    return type
  }

  /// The boolean type h5py uses: an 8-bit enum with `FALSE = 0` and `TRUE = 1`.
  static func boolType() throws(HDF5Failure) -> H5Handle {
    let type = try HDF5.handle(H5Tenum_create(cs_H5T_NATIVE_INT8()), .datatype, "create the boolean enum type")
    var no: Int8 = 0
    var yes: Int8 = 1
    try HDF5.check(H5Tenum_insert(type.raw, "FALSE", &no), "define FALSE")
    try HDF5.check(H5Tenum_insert(type.raw, "TRUE", &yes), "define TRUE")
    return type
  }

  private static func orderCreation(_ plist: H5Handle) throws(HDF5Failure) {
    let flags = cs_H5P_CRT_ORDER_TRACKED_INDEXED()
    try HDF5.check(H5Pset_link_creation_order(plist.raw, flags), "track link creation order")
    try HDF5.check(H5Pset_attr_creation_order(plist.raw, flags), "track attribute creation order")
  }
}
