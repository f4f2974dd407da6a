import CChainSimShims
import CHDF5

/// Writing and reading scalar attributes on a file, group or dataset.
extension H5Handle {
  /// Writes a variable-length UTF-8 string attribute.
  func writeAttribute(_ name: String, string value: String) throws(HDF5Failure) {
    guard !value.utf8.contains(0) else {
      throw HDF5Failure(operation: "write attribute \(name)", detail: "the text contains a NUL character")
    }
    let type = try H5Create.utf8StringType()
    let attribute = try createAttribute(name, type: type)
    let rc = value.withCString { text -> herr_t in
      var pointer: UnsafePointer<CChar>? = text
      return H5Awrite(attribute.raw, type.raw, &pointer)
    }
    try HDF5.check(rc, "write attribute \(name)")
    try attribute.close()
  }

  /// Writes a float64 attribute.
  func writeAttribute(_ name: String, double value: Double) throws(HDF5Failure) {
    try writeScalar(name, value, memory: cs_H5T_NATIVE_DOUBLE(), file: cs_H5T_IEEE_F64LE())
  }

  /// Writes a signed 64-bit integer attribute.
  func writeAttribute(_ name: String, int64 value: Int64) throws(HDF5Failure) {
    try writeScalar(name, value, memory: cs_H5T_NATIVE_INT64(), file: cs_H5T_STD_I64LE())
  }

  /// Writes an unsigned 64-bit integer attribute.
  func writeAttribute(_ name: String, uint64 value: UInt64) throws(HDF5Failure) {
    try writeScalar(name, value, memory: cs_H5T_NATIVE_UINT64(), file: cs_H5T_STD_U64LE())
  }

  /// Writes a boolean attribute as h5py's `FALSE`/`TRUE` enum.
  func writeAttribute(_ name: String, bool value: Bool) throws(HDF5Failure) {
    let type = try H5Create.boolType()
    let attribute = try createAttribute(name, type: type)
    var byte: Int8 = value ? 1 : 0
    try HDF5.check(H5Awrite(attribute.raw, type.raw, &byte), "write attribute \(name)")
    try attribute.close()
  }

  /// Whether the object has an attribute called `name`.
  func hasAttribute(_ name: String) throws(HDF5Failure) -> Bool {
    try HDF5.truth(H5Aexists(raw, name), "look for attribute \(name)")
  }

  /// Reads a string attribute (variable- or fixed-length), or `nil` when it is absent.
  func readStringAttribute(_ name: String) throws(HDF5Failure) -> String? {
    guard try hasAttribute(name) else { return nil }
    let attribute = try HDF5.handle(H5Aopen(raw, name, cs_H5P_DEFAULT()), .attribute, "open attribute \(name)")
    let fileType = try HDF5.handle(H5Aget_type(attribute.raw), .datatype, "get type of attribute \(name)")
    guard H5Tget_class(fileType.raw) == H5T_STRING else {
      throw HDF5Failure(operation: "read attribute \(name)", detail: "it is not text")
    }
    let strings = try readStringBuffer(count: 1, fileType: fileType, what: "attribute \(name)") { (type, buffer) in
      H5Aread(attribute.raw, type, buffer)
    }
    return strings.first
  }

  /// Reads a numeric attribute converted to float64, or `nil` when it is absent.
  func readDoubleAttribute(_ name: String) throws(HDF5Failure) -> Double? {
    var value = 0.0
    return try readScalar(name, &value, memory: cs_H5T_NATIVE_DOUBLE()) ? value : nil
  }

  /// Reads an integer attribute converted to Int64, or `nil` when it is absent.
  func readInt64Attribute(_ name: String) throws(HDF5Failure) -> Int64? {
    var value: Int64 = 0
    return try readScalar(name, &value, memory: cs_H5T_NATIVE_INT64()) ? value : nil
  }

  /// Reads an integer attribute converted to UInt64, or `nil` when it is absent.
  func readUInt64Attribute(_ name: String) throws(HDF5Failure) -> UInt64? {
    var value: UInt64 = 0
    return try readScalar(name, &value, memory: cs_H5T_NATIVE_UINT64()) ? value : nil
  }

  /// Reads a boolean attribute (h5py's enum, or any integer: nonzero is true).
  func readBoolAttribute(_ name: String) throws(HDF5Failure) -> Bool? {
    guard try hasAttribute(name) else { return nil }
    let attribute = try HDF5.handle(H5Aopen(raw, name, cs_H5P_DEFAULT()), .attribute, "open attribute \(name)")
    let fileType = try HDF5.handle(H5Aget_type(attribute.raw), .datatype, "get type of attribute \(name)")
    if H5Tget_class(fileType.raw) == H5T_ENUM {
      let type = try H5Create.boolType()
      var byte: Int8 = 0
      try HDF5.check(H5Aread(attribute.raw, type.raw, &byte), "read attribute \(name)")
      return byte != 0
    }
    var value: Int64 = 0
    try HDF5.check(H5Aread(attribute.raw, cs_H5T_NATIVE_INT64(), &value), "read attribute \(name)")
    return value != 0
  }

  // MARK: - Helpers

  private func createAttribute(_ name: String, type: H5Handle) throws(HDF5Failure) -> H5Handle {
    let space = try H5Create.dataspace([])
    return try HDF5.handle(
      H5Acreate2(raw, name, type.raw, space.raw, cs_H5P_DEFAULT(), cs_H5P_DEFAULT()),
      .attribute, "create attribute \(name)")
  }

  private func writeScalar<T: BitwiseCopyable>(_ name: String, _ value: T, memory: hid_t, file: hid_t) throws(HDF5Failure) {
    let space = try H5Create.dataspace([])
    let attribute = try HDF5.handle(
      H5Acreate2(raw, name, file, space.raw, cs_H5P_DEFAULT(), cs_H5P_DEFAULT()),
      .attribute, "create attribute \(name)")
    var copy = value
    try HDF5.check(H5Awrite(attribute.raw, memory, &copy), "write attribute \(name)")
    try attribute.close()
  }

  private func readScalar<T: BitwiseCopyable>(_ name: String, _ value: inout T, memory: hid_t) throws(HDF5Failure) -> Bool {
    guard try hasAttribute(name) else { return false }
    let attribute = try HDF5.handle(H5Aopen(raw, name, cs_H5P_DEFAULT()), .attribute, "open attribute \(name)")
    let space = try HDF5.handle(H5Aget_space(attribute.raw), .dataspace, "get shape of attribute \(name)")
    guard H5Sget_simple_extent_npoints(space.raw) == 1 else {
      throw HDF5Failure(operation: "read attribute \(name)", detail: "it holds more than one value")
    }
    let fileType = try HDF5.handle(H5Aget_type(attribute.raw), .datatype, "get type of attribute \(name)")
    let typeClass = H5Tget_class(fileType.raw)
    guard typeClass == H5T_INTEGER || typeClass == H5T_FLOAT else {
      throw HDF5Failure(operation: "read attribute \(name)", detail: "it is not a number")
    }
    try HDF5.check(H5Aread(attribute.raw, memory, &value), "read attribute \(name)")
    return true
  }
}

/// Reads `count` strings of `fileType` (variable- or fixed-length) through `read`, which
/// receives the memory type and the buffer.
func readStringBuffer(
  count: Int, fileType: H5Handle, what: String,
  read: (hid_t, UnsafeMutableRawPointer) -> herr_t
) throws(HDF5Failure) -> [String] {
  guard count > 0 else { return [] }
  if try HDF5.truth(H5Tis_variable_str(fileType.raw), "inspect the string type of \(what)") {
    let type = try H5Create.utf8StringType()
    var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
    let rc = pointers.withUnsafeMutableBytes { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return -1 }
      return read(type.raw, base)
    }
    try HDF5.check(rc, "read \(what)")
    defer { for pointer in pointers { H5free_memory(pointer) } }
    return pointers.map { $0.map { String(cString: $0) } ?? "" }
  }
  let size = H5Tget_size(fileType.raw)
  guard size > 0 else { throw HDF5.failure("get the string size of \(what)") }
  let type = try HDF5.handle(H5Tcopy(fileType.raw), .datatype, "copy the string type of \(what)")
  var bytes = [UInt8](repeating: 0, count: count * size)
  let rc = bytes.withUnsafeMutableBytes { buffer -> herr_t in
    guard let base = buffer.baseAddress else { return -1 }
    return read(type.raw, base)
  }
  try HDF5.check(rc, "read \(what)")
  return (0..<count).map { index in
    let slice = bytes[(index * size)..<((index + 1) * size)]
    let end = slice.firstIndex(of: 0) ?? slice.endIndex
    return String(decoding: slice[slice.startIndex..<end], as: UTF8.self)
  }
}
