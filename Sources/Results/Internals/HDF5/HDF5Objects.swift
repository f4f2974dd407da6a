import CHDF5
import Foundation

/// Groups: creating, opening and listing children.
extension H5Handle where ID: H5LocationID {
  /// Creates a child group with reproducible creation properties.
  func createGroup(_ name: String) throws(HDF5Failure) -> H5Group {
    let plist = try H5Create.groupCreationList()
    return try HDF5.createGroup(in: self, name, creation: plist)
  }

  /// Whether a link called `name` exists directly in this group.
  func hasChild(_ name: String) throws(HDF5Failure) -> Bool {
    try HDF5.linkExists(self, name)
  }

  /// Opens a child group, dataset or named datatype (`name` may be a path).
  func openChild(_ name: String) throws(HDF5Failure) -> H5Object {
    try HDF5.openObject(self, name)
  }

  /// The names of this group's links, in creation order when it is tracked, else by name.
  func childNames() throws(HDF5Failure) -> [String] {
    let count = try HDF5.linkCount(self)
    guard count > 0 else { return [] }
    let byCreationOrder = try HDF5.tracksLinkOrder(self)
    var names: [String] = []
    for position in 0..<count {
      names.append(try HDF5.linkName(self, at: position, byCreationOrder: byCreationOrder))
    }
    return names
  }

  /// Creates a dataset of `dims` (scalar when empty) stored as `fileType`.
  func createDataset(_ name: String, fileType: some H5TypeArgument, dims: [Int], compress: Bool) throws(HDF5Failure) -> H5Dataset {
    let space = try H5Create.dataspace(dims)
    let plist = try H5Create.datasetCreationList(dims: dims, compress: compress)
    return try HDF5.createDataset(in: self, name, type: fileType, space: space, creation: plist, "create dataset \(name)")
  }
}

/// Datasets: writing and reading whole arrays.
extension H5Handle where ID == H5DatasetID {
  /// Writes the whole dataset from `values` in row-major order.
  func write<T: BitwiseCopyable>(_ values: [T], memoryType: some H5TypeArgument, what: String) throws(HDF5Failure) {
    guard !values.isEmpty else { return }
    try withBytes(of: values) { (buffer) throws(HDF5Failure) in
      try HDF5.write(self, type: memoryType, buffer.baseAddress, "write \(what)")
    }
  }

  /// Writes the whole dataset from `strings` as variable-length UTF-8 text.
  func write(strings: [String], what: String) throws(HDF5Failure) {
    guard !strings.isEmpty else { return }
    if strings.contains(where: { $0.utf8.contains(0) }) {
      throw HDF5Failure(operation: "write \(what)", detail: "a text contains a NUL character")
    }
    let type = try H5Create.utf8StringType()
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { for copy in copies { Foundation.free(copy) } }
    guard !copies.contains(where: { $0 == nil }) else {
      throw HDF5Failure(operation: "write \(what)", detail: "out of memory")
    }
    try withBytes(of: copies) { (buffer) throws(HDF5Failure) in
      try HDF5.write(self, type: type, buffer.baseAddress, "write \(what)")
    }
  }

  /// The dataset's dimensions (empty for a scalar).
  func shape() throws(HDF5Failure) -> [Int] {
    let space = try HDF5.space(of: self)
    return try HDF5.dimensions(of: space)
  }

  /// The class of the dataset's stored type (integer, float, string, enum, ...).
  func typeClass() throws(HDF5Failure) -> H5T_class_t {
    let type = try HDF5.type(of: self, "get the dataset's type")
    return try HDF5.typeClass(type, "get the class of the dataset's type")
  }

  /// Reads the whole dataset converted to `memoryType` (`count` elements, zero-initialised).
  func read<T: BitwiseCopyable>(count: Int, zero: T, memoryType: some H5TypeArgument, what: String) throws(HDF5Failure) -> [T] {
    var values = [T](repeating: zero, count: count)
    guard count > 0 else { return values }
    try withMutableBytes(of: &values) { (buffer) throws(HDF5Failure) in
      try HDF5.read(self, type: memoryType, buffer.baseAddress, "read \(what)")
    }
    return values
  }

  /// Reads the whole dataset as text (variable- or fixed-length strings).
  func readStrings(count: Int, what: String) throws(HDF5Failure) -> [String] {
    let fileType = try HDF5.type(of: self, "get the type of \(what)")
    guard try HDF5.typeClass(fileType, "get the type class of \(what)") == H5T_STRING else {
      throw HDF5Failure(operation: "read \(what)", detail: "it is not text")
    }
    return try readStringBuffer(count: count, fileType: fileType, what: what) { (type, buffer) throws(HDF5Failure) in
      try HDF5.read(self, type: type, buffer, "read \(what)")
    }
  }
}

/// Reads `count` strings of `fileType` (variable- or fixed-length) through `read`, which
/// receives the memory type and the buffer.
func readStringBuffer(
  count: Int, fileType: H5Datatype, what: String,
  read: (H5Datatype, UnsafeMutableRawPointer?) throws(HDF5Failure) -> Void
) throws(HDF5Failure) -> [String] {
  guard count > 0 else { return [] }
  if try HDF5.isVariableString(fileType, "inspect the string type of \(what)") {
    let type = try H5Create.utf8StringType()
    var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
    do throws(HDF5Failure) {
      try withMutableBytes(of: &pointers) { (buffer) throws(HDF5Failure) in try read(type, buffer.baseAddress) }
    } catch {
      try? HDF5.free(pointers, "free the strings of \(what)")
      throw error
    }
    let strings = pointers.map { $0.map { String(cString: $0) } ?? "" }
    try HDF5.free(pointers, "free the strings of \(what)")
    return strings
  }
  let size = try HDF5.size(of: fileType, "get the string size of \(what)")
  let type = try HDF5.copy(fileType, "copy the string type of \(what)")
  var bytes = [UInt8](repeating: 0, count: count * size)
  try withMutableBytes(of: &bytes) { (buffer) throws(HDF5Failure) in try read(type, buffer.baseAddress) }
  return (0..<count).map { index in
    let slice = bytes[(index * size)..<((index + 1) * size)]
    let end = slice.firstIndex(of: 0) ?? slice.endIndex
    return String(decoding: slice[slice.startIndex..<end], as: UTF8.self)
  }
}

/// `body` over the bytes of `values`, keeping its typed error (the standard library's
/// closure-taking functions rethrow untyped errors).
func withBytes<T, R>(of values: [T], _ body: (UnsafeRawBufferPointer) throws(HDF5Failure) -> R) throws(HDF5Failure) -> R {
  try values.withUnsafeBytes { buffer in Result { () throws(HDF5Failure) in try body(buffer) } }.get()
}

/// `body` over the mutable bytes of `values`, keeping its typed error.
func withMutableBytes<T, R>(of values: inout [T], _ body: (UnsafeMutableRawBufferPointer) throws(HDF5Failure) -> R) throws(HDF5Failure) -> R
{
  try values.withUnsafeMutableBytes { buffer in Result { () throws(HDF5Failure) in try body(buffer) } }.get()
}
