/// Property lists, dataspaces and datatypes that make files reproducible and compressed.
enum H5Create {
  /// Elements per chunk at most: 65,536 doubles = 512 KiB, under the 1 MiB chunk cache.
  static let chunkElementBudget = 65_536
  /// Deflate level: 4 trades little size for speed on numeric series.
  static let deflateLevel: UInt32 = 4

  /// File creation: no object timestamps; links and attributes keep their creation order;
  /// a 512-byte user block for the seal (``FileSeal``), which HDF5 readers skip.
  static func fileCreationList() throws(HDF5Failure) -> H5PropertyList {
    let plist = try HDF5.createFileCreationList()
    try HDF5.disableTimeTracking(plist)
    try HDF5.setUserBlock(plist, size: FileSeal.userBlockSize)
    try orderCreation(plist)
    return plist
  }

  /// File access: the on-disk format pinned to HDF5 1.8 objects (both bounds), so a newer
  /// library writes the same bytes and HDF5 ≥ 1.8 readers (h5py, netCDF-4, HDFView) read it.
  static func fileAccessList() throws(HDF5Failure) -> H5PropertyList {
    let plist = try HDF5.createFileAccessList()
    try HDF5.pinFormatTo18(plist)
    return plist
  }

  /// Group creation: no timestamps, creation order of links and attributes tracked.
  static func groupCreationList() throws(HDF5Failure) -> H5PropertyList {
    let plist = try HDF5.createGroupCreationList()
    try HDF5.disableTimeTracking(plist)
    try orderCreation(plist)
    return plist
  }

  /// Dataset creation: no timestamps; chunked with shuffle + deflate when `compress` and
  /// every dimension is non-empty (HDF5 cannot chunk an empty dimension of fixed size).
  static func datasetCreationList(dims: [Int], compress: Bool) throws(HDF5Failure) -> H5PropertyList {
    let chunk = compress && !dims.isEmpty && dims.allSatisfy({ $0 > 0 }) ? chunkShape(dims) : nil
    return try datasetCreationList(chunk: chunk)
  }

  /// Dataset creation with an explicit chunk shape (shuffled and deflated), or contiguous
  /// storage when `chunk` is nil; `what` names the list in messages.
  static func datasetCreationList(chunk: [Int]?, what: String = "dataset-creation") throws(HDF5Failure) -> H5PropertyList {
    let plist = try HDF5.createDatasetCreationList(what)
    try HDF5.disableTimeTracking(plist)
    try HDF5.trackAttributeOrder(plist, "track attribute order")
    if let chunk = chunk?.map({ UInt64($0) }) {
      try HDF5.setChunk(plist, chunk, "set chunk shape \(chunk)")
      try HDF5.addShuffle(plist)
      try HDF5.addDeflate(plist, level: deflateLevel)
    }
    return plist
  }

  /// Datatype creation (for committed, named types): no timestamps, or the type's object
  /// header carries the wall clock and the file is not reproducible.
  static func datatypeCreationList() throws(HDF5Failure) -> H5PropertyList {
    let plist = try HDF5.createDatatypeCreationList()
    try HDF5.disableTimeTracking(plist)
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
  static func dataspace(_ dims: [Int]) throws(HDF5Failure) -> H5Dataspace {
    dims.isEmpty ? try HDF5.createScalarSpace() : try HDF5.createSimpleSpace(dims)
  }

  /// Variable-length, null-terminated UTF-8 strings (read back as `str` by h5py).
  static func utf8StringType() throws(HDF5Failure) -> H5Datatype {
    try textType(size: nil, "the string type")
  }

  /// Null-terminated UTF-8 strings of `size` bytes, or variable-length ones when nil.
  static func textType(size: Int?, _ what: String) throws(HDF5Failure) -> H5Datatype {
    let type = try HDF5.copyCString()
    try HDF5.setSize(type, size, size == nil ? "make \(what) variable-length" : "size \(what)")
    try HDF5.setUTF8(type, "make \(what) UTF-8")
    try HDF5.setNullTerminated(type, "make \(what) null-terminated")
    return type
  }

  /// The boolean type h5py uses: an 8-bit enum with `FALSE = 0` and `TRUE = 1`.
  static func boolType() throws(HDF5Failure) -> H5Datatype {
    let type = try HDF5.createInt8Enum()
    try HDF5.insert(type, member: "FALSE", value: 0)
    try HDF5.insert(type, member: "TRUE", value: 1)
    return type
  }

  private static func orderCreation(_ plist: H5PropertyList) throws(HDF5Failure) {
    try HDF5.trackLinkOrder(plist)
    try HDF5.trackAttributeOrder(plist)
  }
}
