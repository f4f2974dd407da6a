import CChainSimShims
import CHDF5
import Foundation

/// Groups and datasets: creating, opening, listing, writing and reading whole arrays.
extension H5Handle {
  /// Creates a child group with reproducible creation properties.
  func createGroup(_ name: String) throws(HDF5Failure) -> H5Handle {
    let plist = try H5Create.groupCreationList()
    return try HDF5.handle(
      H5Gcreate2(raw, name, cs_H5P_DEFAULT(), plist.raw, cs_H5P_DEFAULT()), .object, "create group \(name)")
  }

  /// Whether a link called `name` exists directly in this group.
  func hasChild(_ name: String) throws(HDF5Failure) -> Bool {
    try HDF5.truth(H5Lexists(raw, name, cs_H5P_DEFAULT()), "look for \(name)")
  }

  /// Opens a child group or dataset.
  func openChild(_ name: String) throws(HDF5Failure) -> H5Handle {
    try HDF5.handle(H5Oopen(raw, name, cs_H5P_DEFAULT()), .object, "open \(name)")
  }

  /// Whether this open object is a group.
  var isGroup: Bool { H5Iget_type(raw) == H5I_GROUP }
  /// Whether this open object is a dataset.
  var isDataset: Bool { H5Iget_type(raw) == H5I_DATASET }

  /// The names of this group's links, in creation order when it is tracked, else by name.
  func childNames() throws(HDF5Failure) -> [String] {
    var info = H5G_info_t()
    try HDF5.check(H5Gget_info(raw, &info), "list the group")
    let count = Int(info.nlinks)
    guard count > 0 else { return [] }
    let plist = try HDF5.handle(H5Gget_create_plist(raw), .propertyList, "get the group's creation properties")
    var flags: UInt32 = 0
    try HDF5.check(H5Pget_link_creation_order(plist.raw, &flags), "get the group's link order")
    let index = flags & 1 != 0 ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME  // 1 = H5P_CRT_ORDER_TRACKED
    var names: [String] = []
    for position in 0..<count {
      names.append(try linkName(position, index))
    }
    return names
  }

  private func linkName(_ position: Int, _ index: H5_index_t) throws(HDF5Failure) -> String {
    let length = H5Lget_name_by_idx(raw, ".", index, H5_ITER_INC, hsize_t(position), nil, 0, cs_H5P_DEFAULT())
    guard length >= 0 else { throw HDF5.failure("read the name of link \(position)") }
    var buffer = [CChar](repeating: 0, count: Int(length) + 1)
    let rc = H5Lget_name_by_idx(
      raw, ".", index, H5_ITER_INC, hsize_t(position), &buffer, buffer.count, cs_H5P_DEFAULT())
    guard rc >= 0 else { throw HDF5.failure("read the name of link \(position)") }
    return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Creates a dataset of `dims` (scalar when empty) stored as `fileType`.
  func createDataset(_ name: String, fileType: hid_t, dims: [Int], compress: Bool) throws(HDF5Failure) -> H5Handle {
    let space = try H5Create.dataspace(dims)
    let plist = try H5Create.datasetCreationList(dims: dims, compress: compress)
    return try HDF5.handle(
      H5Dcreate2(raw, name, fileType, space.raw, cs_H5P_DEFAULT(), plist.raw, cs_H5P_DEFAULT()),
      .object, "create dataset \(name)")
  }

  /// Writes the whole dataset from `values` in row-major order.
  func write<T: BitwiseCopyable>(_ values: [T], memoryType: hid_t, what: String) throws(HDF5Failure) {
    guard !values.isEmpty else { return }
    let rc = values.withUnsafeBytes { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return -1 }
      return H5Dwrite(raw, memoryType, cs_H5S_ALL(), cs_H5S_ALL(), cs_H5P_DEFAULT(), base)
    }
    try HDF5.check(rc, "write \(what)")
  }

  /// Writes the whole dataset from `strings` as variable-length UTF-8 text.
  func write(strings: [String], what: String) throws(HDF5Failure) {
    guard !strings.isEmpty else { return }
    if strings.contains(where: { $0.utf8.contains(0) }) {
      throw HDF5Failure(operation: "write \(what)", detail: "a text contains a NUL character")
    }
    let type = try H5Create.utf8StringType()
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    guard !copies.contains(where: { $0 == nil }) else {
      throw HDF5Failure(operation: "write \(what)", detail: "out of memory")
    }
    let rc = copies.withUnsafeBytes { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return -1 }
      return H5Dwrite(raw, type.raw, cs_H5S_ALL(), cs_H5S_ALL(), cs_H5P_DEFAULT(), base)
    }
    try HDF5.check(rc, "write \(what)")
  }

  /// The dataset's dimensions (empty for a scalar).
  func shape() throws(HDF5Failure) -> [Int] {
    let space = try HDF5.handle(H5Dget_space(raw), .dataspace, "get the dataset's shape")
    let rank = H5Sget_simple_extent_ndims(space.raw)
    guard rank >= 0 else { throw HDF5.failure("get the dataset's rank") }
    var dims = [hsize_t](repeating: 0, count: Int(rank))
    guard H5Sget_simple_extent_dims(space.raw, &dims, nil) >= 0 else {
      throw HDF5.failure("get the dataset's dimensions")
    }
    return dims.map { Int($0) }
  }

  /// The class of the dataset's stored type (integer, float, string, enum, ...).
  func typeClass() throws(HDF5Failure) -> H5T_class_t {
    let type = try HDF5.handle(H5Dget_type(raw), .datatype, "get the dataset's type")
    return H5Tget_class(type.raw)
  }

  /// Reads the whole dataset converted to `memoryType` (`count` elements, zero-initialised).
  func read<T: BitwiseCopyable>(count: Int, zero: T, memoryType: hid_t, what: String) throws(HDF5Failure) -> [T] {
    var values = [T](repeating: zero, count: count)
    guard count > 0 else { return values }
    let rc = values.withUnsafeMutableBytes { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return -1 }
      return H5Dread(raw, memoryType, cs_H5S_ALL(), cs_H5S_ALL(), cs_H5P_DEFAULT(), base)
    }
    try HDF5.check(rc, "read \(what)")
    return values
  }

  /// Reads the whole dataset as text (variable- or fixed-length strings).
  func readStrings(count: Int, what: String) throws(HDF5Failure) -> [String] {
    let fileType = try HDF5.handle(H5Dget_type(raw), .datatype, "get the type of \(what)")
    guard H5Tget_class(fileType.raw) == H5T_STRING else {
      throw HDF5Failure(operation: "read \(what)", detail: "it is not text")
    }
    return try readStringBuffer(count: count, fileType: fileType, what: what) { type, buffer in
      H5Dread(raw, type, cs_H5S_ALL(), cs_H5S_ALL(), cs_H5P_DEFAULT(), buffer)
    }
  }
}
