import CHDF5

/// Writing and reading scalar attributes on a file, group or dataset.
extension H5Handle where ID: H5AttributeHolderID {
  /// Writes a variable-length UTF-8 string attribute.
  func writeAttribute(_ name: String, string value: String) throws(HDF5Failure) {
    guard !value.utf8.contains(0) else {
      throw HDF5Failure(operation: "write attribute \(name)", detail: "the text contains a NUL character")
    }
    let type = try H5Create.utf8StringType()
    let attribute = try createAttribute(name, type: type)
    let result = value.withCString { text in
      var pointer: UnsafePointer<CChar>? = text
      return Result { () throws(HDF5Failure) in try HDF5.write(attribute, type: type, &pointer, name) }
    }
    try result.get()
    try attribute.close()
  }

  /// Writes a float64 attribute.
  func writeAttribute(_ name: String, double value: Double) throws(HDF5Failure) {
    try writeScalar(name, value, memory: HDF5.nativeDouble, file: HDF5.float64LE)
  }

  /// Writes a signed 64-bit integer attribute.
  func writeAttribute(_ name: String, int64 value: Int64) throws(HDF5Failure) {
    try writeScalar(name, value, memory: HDF5.nativeInt64, file: HDF5.int64LE)
  }

  /// Writes an unsigned 64-bit integer attribute.
  func writeAttribute(_ name: String, uint64 value: UInt64) throws(HDF5Failure) {
    try writeScalar(name, value, memory: HDF5.nativeUInt64, file: HDF5.uint64LE)
  }

  /// Writes a boolean attribute as h5py's `FALSE`/`TRUE` enum.
  func writeAttribute(_ name: String, bool value: Bool) throws(HDF5Failure) {
    let type = try H5Create.boolType()
    let attribute = try createAttribute(name, type: type)
    var byte: Int8 = value ? 1 : 0
    try HDF5.write(attribute, type: type, &byte, name)
    try attribute.close()
  }

  /// Whether the object has an attribute called `name`.
  func hasAttribute(_ name: String) throws(HDF5Failure) -> Bool {
    try HDF5.attributeExists(on: self, name)
  }

  /// Reads a string attribute (variable- or fixed-length), or `nil` when it is absent.
  func readStringAttribute(_ name: String) throws(HDF5Failure) -> String? {
    guard try hasAttribute(name) else { return nil }
    let attribute = try HDF5.openAttribute(on: self, name)
    let fileType = try HDF5.type(of: attribute, name)
    guard try HDF5.typeClass(fileType, "get the type class of attribute \(name)") == H5T_STRING else {
      throw HDF5Failure(operation: "read attribute \(name)", detail: "it is not text")
    }
    let strings = try readStringBuffer(count: 1, fileType: fileType, what: "attribute \(name)") { (type, buffer) throws(HDF5Failure) in
      guard let buffer else { throw HDF5Failure(operation: "read attribute \(name)", detail: "no buffer") }
      try HDF5.read(attribute, type: type, buffer, "read attribute \(name)")
    }
    return strings.first
  }

  /// Reads a numeric attribute converted to float64, or `nil` when it is absent.
  func readDoubleAttribute(_ name: String) throws(HDF5Failure) -> Double? {
    var value = 0.0
    return try readScalar(name, &value, memory: HDF5.nativeDouble) ? value : nil
  }

  /// Reads an integer attribute converted to Int64, or `nil` when it is absent.
  func readInt64Attribute(_ name: String) throws(HDF5Failure) -> Int64? {
    var value: Int64 = 0
    return try readScalar(name, &value, memory: HDF5.nativeInt64) ? value : nil
  }

  /// Reads an integer attribute converted to UInt64, or `nil` when it is absent.
  func readUInt64Attribute(_ name: String) throws(HDF5Failure) -> UInt64? {
    var value: UInt64 = 0
    return try readScalar(name, &value, memory: HDF5.nativeUInt64) ? value : nil
  }

  /// Reads a boolean attribute (h5py's enum, or any integer: nonzero is true).
  func readBoolAttribute(_ name: String) throws(HDF5Failure) -> Bool? {
    guard try hasAttribute(name) else { return nil }
    let attribute = try HDF5.openAttribute(on: self, name)
    let fileType = try HDF5.type(of: attribute, name)
    if try HDF5.typeClass(fileType, "get the type class of attribute \(name)") == H5T_ENUM {
      let type = try H5Create.boolType()
      var byte: Int8 = 0
      try HDF5.read(attribute, type: type, &byte, "read attribute \(name)")
      return byte != 0
    }
    var value: Int64 = 0
    try HDF5.read(attribute, type: HDF5.nativeInt64, &value, "read attribute \(name)")
    return value != 0
  }

  // MARK: - Helpers

  private func createAttribute(_ name: String, type: H5Datatype) throws(HDF5Failure) -> H5Attribute {
    let space = try H5Create.dataspace([])
    return try HDF5.createAttribute(on: self, name, type: type, space: space)
  }

  private func writeScalar<T: BitwiseCopyable>(_ name: String, _ value: T, memory: H5DatatypeID, file: H5DatatypeID) throws(HDF5Failure) {
    let space = try H5Create.dataspace([])
    let attribute = try HDF5.createAttribute(on: self, name, type: file, space: space)
    var copy = value
    try HDF5.write(attribute, type: memory, &copy, name)
    try attribute.close()
  }

  private func readScalar<T: BitwiseCopyable>(_ name: String, _ value: inout T, memory: H5DatatypeID) throws(HDF5Failure) -> Bool {
    guard try hasAttribute(name) else { return false }
    let attribute = try HDF5.openAttribute(on: self, name)
    let space = try HDF5.space(of: attribute, name)
    guard try HDF5.elementCount(of: space, "get the size of attribute \(name)") == 1 else {
      throw HDF5Failure(operation: "read attribute \(name)", detail: "it holds more than one value")
    }
    let fileType = try HDF5.type(of: attribute, name)
    let typeClass = try HDF5.typeClass(fileType, "get the type class of attribute \(name)")
    guard typeClass == H5T_INTEGER || typeClass == H5T_FLOAT else {
      throw HDF5Failure(operation: "read attribute \(name)", detail: "it is not a number")
    }
    try HDF5.read(attribute, type: memory, &value, "read attribute \(name)")
    return true
  }
}
