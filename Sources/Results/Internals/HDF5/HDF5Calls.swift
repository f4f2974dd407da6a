import CChainSimShims
import CHDF5
import Foundation

/// A failed HDF5 call: the operation attempted and what the library's error stack said.
///
/// Internal only: the public entry points turn it into a ``ResultsError`` that carries the
/// path and a classification (a write failure is the environment's, a read failure means a
/// damaged or incompatible file).
struct HDF5Failure: Error {
  /// What was being done, e.g. `create dataset /timeseries/port/berth_utilisation`.
  var operation: String
  /// The innermost messages of HDF5's error stack.
  var detail: String
}

/// The one place where ChainSim calls the HDF5 C library (swift-system's `Syscalls.swift`
/// is the model). Every function here is one C call: it first passes ``enter(_:_:)``, where
/// a test's ``HDF5FaultPlan`` can make it fail, then checks the C result and wraps every
/// identifier the library hands out in an ``H5Handle`` that closes it exactly once.
///
/// HDF5 is not re-entrant in every build, so public entry points run their whole
/// operation inside ``serialized(_:)``, and every handle is closed before it returns.
enum HDF5 {
  private static let lock = NSLock()

  /// Runs `body` while holding the process-wide HDF5 lock, with automatic error printing off.
  static func serialized<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    lock.lock()
    defer { lock.unlock() }
    // The error-stack settings are per thread in thread-safe builds: set them every time.
    _ = H5open()
    _ = cs_H5Eset_auto_off()
    return try body()
  }

  // MARK: - Entering, checking, wrapping

  /// Counts a call and fails it when a test's fault plan chose it. Release builds count nothing.
  @inline(__always)
  private static func enter(_ function: StaticString, _ operation: @autoclosure () -> String) throws(HDF5Failure) {
    #if DEBUG
      if let plan = HDF5FaultPlan.current, plan.shouldFail() {
        throw HDF5Failure(operation: operation(), detail: "injected failure of call \(plan.calls) (\(function))")
      }
    #endif
  }

  /// Checks a `herr_t`-style result (negative is failure).
  private static func check(_ rc: herr_t, _ operation: @autoclosure () -> String) throws(HDF5Failure) {
    if rc < 0 { throw failure(operation()) }
  }

  /// Checks a `htri_t` result: negative is failure, otherwise the truth value.
  private static func truth(_ rc: htri_t, _ operation: @autoclosure () -> String) throws(HDF5Failure) -> Bool {
    if rc < 0 { throw failure(operation()) }
    return rc > 0
  }

  /// Takes ownership of a freshly returned identifier, checking it is valid.
  private static func owned<ID: H5Identifier>(_ raw: hid_t, _ operation: @autoclosure () -> String) throws(HDF5Failure) -> H5Handle<ID> {
    if raw < 0 { throw failure(operation()) }
    return H5Handle(ID(rawValue: raw))
  }

  /// A failure for `operation` carrying the current error stack, which it then clears.
  static func failure(_ operation: String) -> HDF5Failure {
    HDF5Failure(operation: operation, detail: errorStack())
  }

  /// The innermost two messages of the current error stack (then cleared). Error reporting
  /// itself is not counted as a call: it cannot be made to fail.
  static func errorStack() -> String {
    var lines: [String] = []
    withUnsafeMutablePointer(to: &lines) { pointer in
      _ = H5Ewalk2(
        cs_H5E_DEFAULT(), H5E_WALK_DOWNWARD,
        { _, error, data in
          guard let error, let data else { return 0 }
          let list = data.assumingMemoryBound(to: [String].self)
          let function = error.pointee.func_name.map { String(cString: $0) } ?? "?"
          let text = error.pointee.desc.map { String(cString: $0) } ?? ""
          list.pointee.append("\(function): \(text)")
          return 0
        }, pointer)
    }
    _ = H5Eclear2(cs_H5E_DEFAULT())
    return lines.suffix(2).joined(separator: "; ")
  }

  /// Closes `id` with its kind's C function (`H5Fclose`, `H5Oclose` for groups and
  /// datasets, `H5Sclose`, `H5Tclose`, `H5Aclose`, `H5Pclose`). Called by ``H5Handle`` only.
  /// An injected failure still closes the identifier, so that nothing leaks.
  fileprivate static func close<ID: H5Identifier>(_ id: ID, reporting: Bool) throws(HDF5Failure) {
    let raw = id.rawValue
    let rc: herr_t
    switch ID.kind {
    case .file: rc = H5Fclose(raw)
    case .group, .dataset: rc = H5Oclose(raw)
    case .dataspace: rc = H5Sclose(raw)
    case .datatype: rc = H5Tclose(raw)
    case .attribute: rc = H5Aclose(raw)
    case .propertyList: rc = H5Pclose(raw)
    }
    guard reporting else { return }
    try enter("H5Xclose", "close \(ID.kind) identifier")
    try check(rc, "close \(ID.kind) identifier")
  }

  // MARK: - Predefined types and constants (shims: the macros do not import)

  static var nativeDouble: H5DatatypeID { H5DatatypeID(rawValue: cs_H5T_NATIVE_DOUBLE()) }
  static var nativeInt64: H5DatatypeID { H5DatatypeID(rawValue: cs_H5T_NATIVE_INT64()) }
  static var nativeUInt64: H5DatatypeID { H5DatatypeID(rawValue: cs_H5T_NATIVE_UINT64()) }
  static var nativeInt8: H5DatatypeID { H5DatatypeID(rawValue: cs_H5T_NATIVE_INT8()) }
  static var float64LE: H5DatatypeID { H5DatatypeID(rawValue: cs_H5T_IEEE_F64LE()) }
  static var int64LE: H5DatatypeID { H5DatatypeID(rawValue: cs_H5T_STD_I64LE()) }
  static var uint64LE: H5DatatypeID { H5DatatypeID(rawValue: cs_H5T_STD_U64LE()) }
  private static var cString: H5DatatypeID { H5DatatypeID(rawValue: cs_H5T_C_S1()) }
  private static var defaults: hid_t { cs_H5P_DEFAULT() }

  // MARK: - Files

  /// Whether `path` is an HDF5 file. The corresponding C function is `H5Fis_hdf5`.
  static func isHDF5(_ path: String) throws(HDF5Failure) -> Bool {
    try enter("H5Fis_hdf5", "check whether the file is HDF5")
    return try truth(H5Fis_hdf5(path), "check whether the file is HDF5")
  }

  /// Creates (truncating) a file. The corresponding C function is `H5Fcreate`.
  static func createFile(_ name: String, creation: H5PropertyList, access: H5PropertyList) throws(HDF5Failure) -> H5File {
    try enter("H5Fcreate", "create the file")
    return try owned(H5Fcreate(name, cs_H5F_ACC_TRUNC(), creation.id.rawValue, access.id.rawValue), "create the file")
  }

  /// Opens a file read-only. The corresponding C function is `H5Fopen`.
  static func openFileReadOnly(_ path: String) throws(HDF5Failure) -> H5File {
    try enter("H5Fopen", "open the file")
    return try owned(H5Fopen(path, cs_H5F_ACC_RDONLY(), defaults), "open the file")
  }

  /// How many identifiers of every kind are open in every file (tests check it is zero).
  /// The corresponding C function is `H5Fget_obj_count`.
  static func openObjectCount() throws(HDF5Failure) -> Int {
    try enter("H5Fget_obj_count", "count the open identifiers")
    let all = H5F_OBJ_FILE | H5F_OBJ_DATASET | H5F_OBJ_GROUP | H5F_OBJ_DATATYPE | H5F_OBJ_ATTR  // H5F_OBJ_ALL
    let count = H5Fget_obj_count(hid_t(all), UInt32(all))
    guard count >= 0 else { throw failure("count the open identifiers") }
    return Int(count)
  }

  // MARK: - Property lists

  /// A new property list of `classID`. The corresponding C function is `H5Pcreate`.
  private static func createList(_ classID: hid_t, _ what: String) throws(HDF5Failure) -> H5PropertyList {
    try enter("H5Pcreate", "create \(what) property list")
    return try owned(H5Pcreate(classID), "create \(what) property list")
  }

  static func createFileCreationList() throws(HDF5Failure) -> H5PropertyList { try createList(cs_H5P_FILE_CREATE(), "file-creation") }
  static func createFileAccessList() throws(HDF5Failure) -> H5PropertyList { try createList(cs_H5P_FILE_ACCESS(), "file-access") }
  static func createGroupCreationList() throws(HDF5Failure) -> H5PropertyList { try createList(cs_H5P_GROUP_CREATE(), "group-creation") }
  static func createDatasetCreationList(_ what: String = "dataset-creation") throws(HDF5Failure) -> H5PropertyList {
    try createList(cs_H5P_DATASET_CREATE(), what)
  }
  static func createDatatypeCreationList() throws(HDF5Failure) -> H5PropertyList {
    try createList(cs_H5P_DATATYPE_CREATE(), "datatype-creation")
  }

  /// Turns off object time tracking. The corresponding C function is `H5Pset_obj_track_times`.
  static func disableTimeTracking(_ list: H5PropertyList) throws(HDF5Failure) {
    try enter("H5Pset_obj_track_times", "turn off object time tracking")
    try check(H5Pset_obj_track_times(list.id.rawValue, false), "turn off object time tracking")
  }

  /// Reserves a user block. The corresponding C function is `H5Pset_userblock`.
  static func setUserBlock(_ list: H5PropertyList, size: Int) throws(HDF5Failure) {
    try enter("H5Pset_userblock", "reserve the user block for the seal")
    try check(H5Pset_userblock(list.id.rawValue, hsize_t(size)), "reserve the user block for the seal")
  }

  /// Pins the file format to HDF5 1.8 objects. The corresponding C function is `H5Pset_libver_bounds`.
  static func pinFormatTo18(_ list: H5PropertyList) throws(HDF5Failure) {
    try enter("H5Pset_libver_bounds", "pin the file format to HDF5 1.8")
    try check(H5Pset_libver_bounds(list.id.rawValue, H5F_LIBVER_V18, H5F_LIBVER_V18), "pin the file format to HDF5 1.8")
  }

  /// Tracks and indexes link creation order. The corresponding C function is `H5Pset_link_creation_order`.
  static func trackLinkOrder(_ list: H5PropertyList) throws(HDF5Failure) {
    try enter("H5Pset_link_creation_order", "track link creation order")
    try check(H5Pset_link_creation_order(list.id.rawValue, cs_H5P_CRT_ORDER_TRACKED_INDEXED()), "track link creation order")
  }

  /// Tracks and indexes attribute creation order. The corresponding C function is `H5Pset_attr_creation_order`.
  static func trackAttributeOrder(_ list: H5PropertyList, _ operation: String = "track attribute creation order") throws(HDF5Failure) {
    try enter("H5Pset_attr_creation_order", operation)
    try check(H5Pset_attr_creation_order(list.id.rawValue, cs_H5P_CRT_ORDER_TRACKED_INDEXED()), operation)
  }

  /// Sets the chunk shape. The corresponding C function is `H5Pset_chunk`.
  static func setChunk(_ list: H5PropertyList, _ chunk: [hsize_t], _ operation: String) throws(HDF5Failure) {
    try enter("H5Pset_chunk", operation)
    try check(H5Pset_chunk(list.id.rawValue, Int32(chunk.count), chunk), operation)
  }

  /// Adds the shuffle filter. The corresponding C function is `H5Pset_shuffle`.
  static func addShuffle(_ list: H5PropertyList) throws(HDF5Failure) {
    try enter("H5Pset_shuffle", "add the shuffle filter")
    try check(H5Pset_shuffle(list.id.rawValue), "add the shuffle filter")
  }

  /// Adds the deflate filter. The corresponding C function is `H5Pset_deflate`.
  static func addDeflate(_ list: H5PropertyList, level: UInt32) throws(HDF5Failure) {
    try enter("H5Pset_deflate", "add the deflate filter")
    try check(H5Pset_deflate(list.id.rawValue, level), "add the deflate filter")
  }

  /// Builds files in memory (the core driver, no backing store). The corresponding C
  /// function is `H5Pset_fapl_core`.
  static func useMemoryDriver(_ list: H5PropertyList, increment: Int) throws(HDF5Failure) {
    try enter("H5Pset_fapl_core", "build the file in memory")
    try check(H5Pset_fapl_core(list.id.rawValue, increment, false), "build the file in memory")
  }

  /// Hands the in-memory file's allocations to `callbacks`. The corresponding C function is
  /// `H5Pset_file_image_callbacks`.
  static func setFileImageCallbacks(_ list: H5PropertyList, _ callbacks: inout H5FD_file_image_callbacks_t) throws(HDF5Failure) {
    try enter("H5Pset_file_image_callbacks", "take charge of the in-memory file")
    try check(H5Pset_file_image_callbacks(list.id.rawValue, &callbacks), "take charge of the in-memory file")
  }

  /// Whether a group tracks link creation order. The corresponding C functions are
  /// `H5Gget_create_plist` and `H5Pget_link_creation_order`.
  static func tracksLinkOrder(_ group: H5Handle<some H5LocationID>) throws(HDF5Failure) -> Bool {
    try enter("H5Gget_create_plist", "get the group's creation properties")
    let list: H5PropertyList = try owned(H5Gget_create_plist(group.id.rawValue), "get the group's creation properties")
    var flags: UInt32 = 0
    try enter("H5Pget_link_creation_order", "get the group's link order")
    try check(H5Pget_link_creation_order(list.id.rawValue, &flags), "get the group's link order")
    return flags & 1 != 0  // 1 = H5P_CRT_ORDER_TRACKED
  }

  // MARK: - Groups, links and objects

  /// Creates a child group. The corresponding C function is `H5Gcreate2`.
  static func createGroup(in parent: H5Handle<some H5LocationID>, _ name: String, creation: H5PropertyList) throws(HDF5Failure) -> H5Group {
    try enter("H5Gcreate2", "create group \(name)")
    return try owned(H5Gcreate2(parent.id.rawValue, name, defaults, creation.id.rawValue, defaults), "create group \(name)")
  }

  /// The number of links in a group. The corresponding C function is `H5Gget_info`.
  static func linkCount(_ group: H5Handle<some H5LocationID>) throws(HDF5Failure) -> Int {
    try enter("H5Gget_info", "list the group")
    var info = H5G_info_t()
    try check(H5Gget_info(group.id.rawValue, &info), "list the group")
    return Int(info.nlinks)
  }

  /// The name of the link at `position` of an index. The corresponding C function is
  /// `H5Lget_name_by_idx` (called twice: for the length, then for the name).
  static func linkName(_ group: H5Handle<some H5LocationID>, at position: Int, byCreationOrder: Bool) throws(HDF5Failure) -> String {
    let index = byCreationOrder ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME
    let raw = group.id.rawValue
    try enter("H5Lget_name_by_idx", "read the name of link \(position)")
    let length = H5Lget_name_by_idx(raw, ".", index, H5_ITER_INC, hsize_t(position), nil, 0, defaults)
    guard length >= 0 else { throw failure("read the name of link \(position)") }
    var buffer = [CChar](repeating: 0, count: Int(length) + 1)
    try enter("H5Lget_name_by_idx", "read the name of link \(position)")
    let rc = H5Lget_name_by_idx(raw, ".", index, H5_ITER_INC, hsize_t(position), &buffer, buffer.count, defaults)
    guard rc >= 0 else { throw failure("read the name of link \(position)") }
    return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Whether a link called `name` exists. The corresponding C function is `H5Lexists`.
  static func linkExists(_ parent: H5Handle<some H5LocationID>, _ name: String) throws(HDF5Failure) -> Bool {
    try enter("H5Lexists", "look for \(name)")
    return try truth(H5Lexists(parent.id.rawValue, name, defaults), "look for \(name)")
  }

  /// Opens a group, dataset or named datatype by path. The corresponding C functions are
  /// `H5Oopen` and `H5Iget_type`.
  static func openObject(_ parent: H5Handle<some H5LocationID>, _ name: String) throws(HDF5Failure) -> H5Object {
    try enter("H5Oopen", "open \(name)")
    let raw = H5Oopen(parent.id.rawValue, name, defaults)
    if raw < 0 { throw failure("open \(name)") }
    let kind = H5Iget_type(raw)
    // Whatever happens next, the identifier is owned (and so closed) from here on.
    let object: H5Object
    switch kind {
    case H5I_GROUP: object = .group(H5Handle(H5GroupID(rawValue: raw)))
    case H5I_DATASET: object = .dataset(H5Handle(H5DatasetID(rawValue: raw)))
    default: object = .datatype(H5Handle(H5DatatypeID(rawValue: raw)))
    }
    try enter("H5Iget_type", "find what \(name) is")
    guard kind == H5I_GROUP || kind == H5I_DATASET || kind == H5I_DATATYPE else { throw failure("find what \(name) is") }
    return object
  }

  // MARK: - Datasets

  /// Creates a dataset. The corresponding C function is `H5Dcreate2`.
  static func createDataset(
    in parent: H5Handle<some H5LocationID>, _ name: String, type: some H5TypeArgument, space: H5Dataspace,
    creation: H5PropertyList, _ operation: String
  ) throws(HDF5Failure) -> H5Dataset {
    try enter("H5Dcreate2", operation)
    return try owned(
      H5Dcreate2(parent.id.rawValue, name, type.datatypeID.rawValue, space.id.rawValue, defaults, creation.id.rawValue, defaults),
      operation)
  }

  /// Writes the whole dataset from `buffer` (of `type`). The corresponding C function is `H5Dwrite`.
  static func write(_ dataset: H5Dataset, type: some H5TypeArgument, _ buffer: UnsafeRawPointer?, _ operation: @autoclosure () -> String)
    throws(HDF5Failure)
  {
    try enter("H5Dwrite", operation())
    guard let buffer else { throw HDF5Failure(operation: operation(), detail: "no data") }
    try check(H5Dwrite(dataset.id.rawValue, type.datatypeID.rawValue, cs_H5S_ALL(), cs_H5S_ALL(), defaults, buffer), operation())
  }

  /// Reads the whole dataset into `buffer` as `type`. The corresponding C function is `H5Dread`.
  static func read(
    _ dataset: H5Dataset, type: some H5TypeArgument, _ buffer: UnsafeMutableRawPointer?, _ operation: @autoclosure () -> String
  ) throws(HDF5Failure) {
    try enter("H5Dread", operation())
    guard let buffer else { throw HDF5Failure(operation: operation(), detail: "no buffer") }
    try check(H5Dread(dataset.id.rawValue, type.datatypeID.rawValue, cs_H5S_ALL(), cs_H5S_ALL(), defaults, buffer), operation())
  }

  /// The dataset's dataspace. The corresponding C function is `H5Dget_space`.
  static func space(of dataset: H5Dataset) throws(HDF5Failure) -> H5Dataspace {
    try enter("H5Dget_space", "get the dataset's shape")
    return try owned(H5Dget_space(dataset.id.rawValue), "get the dataset's shape")
  }

  /// A copy of the dataset's stored type. The corresponding C function is `H5Dget_type`.
  static func type(of dataset: H5Dataset, _ operation: String) throws(HDF5Failure) -> H5Datatype {
    try enter("H5Dget_type", operation)
    return try owned(H5Dget_type(dataset.id.rawValue), operation)
  }

  // MARK: - Dataspaces

  /// A scalar dataspace. The corresponding C function is `H5Screate`.
  static func createScalarSpace() throws(HDF5Failure) -> H5Dataspace {
    try enter("H5Screate", "create scalar dataspace")
    return try owned(H5Screate(H5S_SCALAR), "create scalar dataspace")
  }

  /// A simple dataspace of `dims`. The corresponding C function is `H5Screate_simple`.
  static func createSimpleSpace(_ dims: [Int]) throws(HDF5Failure) -> H5Dataspace {
    let sizes = dims.map { hsize_t($0) }
    try enter("H5Screate_simple", "create dataspace \(dims)")
    return try owned(H5Screate_simple(Int32(sizes.count), sizes, nil), "create dataspace \(dims)")
  }

  /// The dimensions of a simple dataspace. The corresponding C functions are
  /// `H5Sget_simple_extent_ndims` and `H5Sget_simple_extent_dims`.
  static func dimensions(of space: H5Dataspace) throws(HDF5Failure) -> [Int] {
    try enter("H5Sget_simple_extent_ndims", "get the dataset's rank")
    let rank = H5Sget_simple_extent_ndims(space.id.rawValue)
    guard rank >= 0 else { throw failure("get the dataset's rank") }
    var dims = [hsize_t](repeating: 0, count: Int(rank))
    try enter("H5Sget_simple_extent_dims", "get the dataset's dimensions")
    guard H5Sget_simple_extent_dims(space.id.rawValue, &dims, nil) >= 0 else {
      throw failure("get the dataset's dimensions")
    }
    return dims.map { Int($0) }
  }

  /// The number of elements of a dataspace. The corresponding C function is
  /// `H5Sget_simple_extent_npoints`.
  static func elementCount(of space: H5Dataspace, _ operation: String) throws(HDF5Failure) -> Int {
    try enter("H5Sget_simple_extent_npoints", operation)
    let count = H5Sget_simple_extent_npoints(space.id.rawValue)
    guard count >= 0 else { throw failure(operation) }
    return Int(count)
  }

  // MARK: - Datatypes

  /// A copy of a type. The corresponding C function is `H5Tcopy`.
  static func copy(_ type: some H5TypeArgument, _ operation: String) throws(HDF5Failure) -> H5Datatype {
    try enter("H5Tcopy", operation)
    return try owned(H5Tcopy(type.datatypeID.rawValue), operation)
  }

  /// A copy of the C string type. The corresponding C function is `H5Tcopy`.
  static func copyCString() throws(HDF5Failure) -> H5Datatype { try copy(cString, "copy the C string type") }

  /// Sets a string type's size (`nil`: variable length). The corresponding C function is `H5Tset_size`.
  static func setSize(_ type: H5Datatype, _ size: Int?, _ operation: String) throws(HDF5Failure) {
    try enter("H5Tset_size", operation)
    try check(H5Tset_size(type.id.rawValue, size ?? cs_H5T_VARIABLE()), operation)
  }

  /// Makes a string type UTF-8. The corresponding C function is `H5Tset_cset`.
  static func setUTF8(_ type: H5Datatype, _ operation: String) throws(HDF5Failure) {
    try enter("H5Tset_cset", operation)
    try check(H5Tset_cset(type.id.rawValue, H5T_CSET_UTF8), operation)
  }

  /// Makes a string type null-terminated. The corresponding C function is `H5Tset_strpad`.
  static func setNullTerminated(_ type: H5Datatype, _ operation: String) throws(HDF5Failure) {
    try enter("H5Tset_strpad", operation)
    try check(H5Tset_strpad(type.id.rawValue, H5T_STR_NULLTERM), operation)
  }

  /// An enum type over native 8-bit integers. The corresponding C function is `H5Tenum_create`.
  static func createInt8Enum() throws(HDF5Failure) -> H5Datatype {
    try enter("H5Tenum_create", "create the boolean enum type")
    return try owned(H5Tenum_create(cs_H5T_NATIVE_INT8()), "create the boolean enum type")
  }

  /// Adds a member to an 8-bit enum type. The corresponding C function is `H5Tenum_insert`.
  static func insert(_ type: H5Datatype, member name: String, value: Int8) throws(HDF5Failure) {
    var copy = value
    try enter("H5Tenum_insert", "define \(name)")
    try check(H5Tenum_insert(type.id.rawValue, name, &copy), "define \(name)")
  }

  /// An empty compound type of `size` bytes. The corresponding C function is `H5Tcreate`.
  static func createCompound(size: Int, _ operation: String) throws(HDF5Failure) -> H5Datatype {
    try enter("H5Tcreate", operation)
    return try owned(H5Tcreate(H5T_COMPOUND, size), operation)
  }

  /// Adds a field to a compound type. The corresponding C function is `H5Tinsert`.
  static func insert(_ type: H5Datatype, field name: String, offset: Int, _ member: some H5TypeArgument) throws(HDF5Failure) {
    try enter("H5Tinsert", "add field \(name) to the trace record type")
    try check(H5Tinsert(type.id.rawValue, name, offset, member.datatypeID.rawValue), "add field \(name) to the trace record type")
  }

  /// Commits a type under a name. The corresponding C function is `H5Tcommit2`.
  static func commit(_ type: H5Datatype, as name: String, in group: H5Group, creation: H5PropertyList) throws(HDF5Failure) {
    try enter("H5Tcommit2", "commit the trace record type")
    try check(
      H5Tcommit2(group.id.rawValue, name, type.id.rawValue, defaults, creation.id.rawValue, defaults), "commit the trace record type")
  }

  /// The class of a type (integer, float, string, enum, ...). The corresponding C function
  /// is `H5Tget_class`.
  static func typeClass(_ type: H5Datatype, _ operation: String) throws(HDF5Failure) -> H5T_class_t {
    try enter("H5Tget_class", operation)
    let typeClass = H5Tget_class(type.id.rawValue)
    guard typeClass != H5T_NO_CLASS else { throw failure(operation) }
    return typeClass
  }

  /// Whether a string type is variable-length. The corresponding C function is `H5Tis_variable_str`.
  static func isVariableString(_ type: H5Datatype, _ operation: String) throws(HDF5Failure) -> Bool {
    try enter("H5Tis_variable_str", operation)
    return try truth(H5Tis_variable_str(type.id.rawValue), operation)
  }

  /// The size of a type in bytes. The corresponding C function is `H5Tget_size`.
  static func size(of type: H5Datatype, _ operation: String) throws(HDF5Failure) -> Int {
    try enter("H5Tget_size", operation)
    let size = H5Tget_size(type.id.rawValue)
    guard size > 0 else { throw failure(operation) }
    return size
  }

  // MARK: - Attributes

  /// Creates an attribute. The corresponding C function is `H5Acreate2`.
  static func createAttribute(
    on object: H5Handle<some H5AttributeHolderID>, _ name: String, type: some H5TypeArgument, space: H5Dataspace
  ) throws(HDF5Failure) -> H5Attribute {
    try enter("H5Acreate2", "create attribute \(name)")
    return try owned(
      H5Acreate2(object.id.rawValue, name, type.datatypeID.rawValue, space.id.rawValue, defaults, defaults),
      "create attribute \(name)")
  }

  /// Whether an attribute exists. The corresponding C function is `H5Aexists`.
  static func attributeExists(on object: H5Handle<some H5AttributeHolderID>, _ name: String) throws(HDF5Failure) -> Bool {
    try enter("H5Aexists", "look for attribute \(name)")
    return try truth(H5Aexists(object.id.rawValue, name), "look for attribute \(name)")
  }

  /// Opens an attribute. The corresponding C function is `H5Aopen`.
  static func openAttribute(on object: H5Handle<some H5AttributeHolderID>, _ name: String) throws(HDF5Failure) -> H5Attribute {
    try enter("H5Aopen", "open attribute \(name)")
    return try owned(H5Aopen(object.id.rawValue, name, defaults), "open attribute \(name)")
  }

  /// A copy of an attribute's stored type. The corresponding C function is `H5Aget_type`.
  static func type(of attribute: H5Attribute, _ name: String) throws(HDF5Failure) -> H5Datatype {
    try enter("H5Aget_type", "get type of attribute \(name)")
    return try owned(H5Aget_type(attribute.id.rawValue), "get type of attribute \(name)")
  }

  /// An attribute's dataspace. The corresponding C function is `H5Aget_space`.
  static func space(of attribute: H5Attribute, _ name: String) throws(HDF5Failure) -> H5Dataspace {
    try enter("H5Aget_space", "get shape of attribute \(name)")
    return try owned(H5Aget_space(attribute.id.rawValue), "get shape of attribute \(name)")
  }

  /// Writes an attribute from `buffer`. The corresponding C function is `H5Awrite`.
  static func write(_ attribute: H5Attribute, type: some H5TypeArgument, _ buffer: UnsafeRawPointer, _ name: String) throws(HDF5Failure) {
    try enter("H5Awrite", "write attribute \(name)")
    try check(H5Awrite(attribute.id.rawValue, type.datatypeID.rawValue, buffer), "write attribute \(name)")
  }

  /// Reads an attribute into `buffer`. The corresponding C function is `H5Aread`.
  static func read(_ attribute: H5Attribute, type: some H5TypeArgument, _ buffer: UnsafeMutableRawPointer, _ operation: String)
    throws(HDF5Failure)
  {
    try enter("H5Aread", operation)
    try check(H5Aread(attribute.id.rawValue, type.datatypeID.rawValue, buffer), operation)
  }

  // MARK: - Dimension scales (hdf5_hl)

  /// Makes a dataset a dimension scale. The corresponding C function is `H5DSset_scale`.
  static func makeScale(_ dataset: H5Dataset, _ name: String) throws(HDF5Failure) {
    try enter("H5DSset_scale", "make \(name) a dimension scale")
    try check(H5DSset_scale(dataset.id.rawValue, name), "make \(name) a dimension scale")
  }

  /// Attaches a scale to an axis. The corresponding C function is `H5DSattach_scale`.
  static func attach(_ scale: H5Dataset, to dataset: H5Dataset, axis: Int, _ what: String) throws(HDF5Failure) {
    try enter("H5DSattach_scale", "attach a dimension scale to axis \(axis) of \(what)")
    try check(H5DSattach_scale(dataset.id.rawValue, scale.id.rawValue, UInt32(axis)), "attach a dimension scale to axis \(axis) of \(what)")
  }

  /// Whether a dataset is a dimension scale. The corresponding C function is `H5DSis_scale`.
  static func isScale(_ dataset: H5Dataset) throws(HDF5Failure) -> Bool {
    try enter("H5DSis_scale", "check whether a dataset is a dimension scale")
    return try truth(H5DSis_scale(dataset.id.rawValue), "check whether a dataset is a dimension scale")
  }

  /// The full path of the first scale attached to `axis`, or `nil` when there is none. The
  /// corresponding C functions are `H5DSget_num_scales`, `H5DSiterate_scales` and, for the
  /// scale it visits, `H5Iget_name` (twice: for the length, then for the name).
  static func firstScalePath(of dataset: H5Dataset, axis: Int) throws(HDF5Failure) -> String? {
    let operation = "find the dimension scale of axis \(axis)"
    try enter("H5DSget_num_scales", operation)
    let count = H5DSget_num_scales(dataset.id.rawValue, UInt32(axis))
    guard count >= 0 else { throw failure(operation) }
    guard count > 0 else { return nil }
    try enter("H5DSiterate_scales", operation)
    var visit = ScaleVisit()
    let rc = withUnsafeMutablePointer(to: &visit) { pointer -> herr_t in
      H5DSiterate_scales(
        dataset.id.rawValue, UInt32(axis), nil,
        { _, _, scale, data in
          guard let data else { return -1 }
          let visit = data.assumingMemoryBound(to: ScaleVisit.self)
          do throws(HDF5Failure) {
            visit.pointee.path = try HDF5.name(of: scale)
            return 1  // stop at the first scale
          } catch {
            visit.pointee.failure = error
            return -1
          }
        }, pointer)
    }
    if let failure = visit.failure { throw failure }
    try check(rc, operation)
    return visit.path
  }

  /// What the scale visitor found (the C callback cannot throw).
  private struct ScaleVisit {
    var path: String?
    var failure: HDF5Failure?
  }

  /// The path of an open object that the library lent to a callback (so not owned here).
  /// The corresponding C function is `H5Iget_name`.
  private static func name(of raw: hid_t) throws(HDF5Failure) -> String {
    try enter("H5Iget_name", "get the name of a dimension scale")
    let length = H5Iget_name(raw, nil, 0)
    guard length > 0 else { throw failure("get the name of a dimension scale") }
    var buffer = [CChar](repeating: 0, count: Int(length) + 1)
    try enter("H5Iget_name", "get the name of a dimension scale")
    guard H5Iget_name(raw, &buffer, buffer.count) > 0 else { throw failure("get the name of a dimension scale") }
    return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  // MARK: - Memory

  /// Frees the strings of a variable-length read. The corresponding C function is
  /// `H5free_memory`; an injected failure still frees them.
  static func free(_ pointers: [UnsafeMutablePointer<CChar>?], _ operation: String) throws(HDF5Failure) {
    var rc: herr_t = 0
    for pointer in pointers where pointer != nil {
      if H5free_memory(pointer) < 0 { rc = -1 }
    }
    try enter("H5free_memory", operation)
    try check(rc, operation)
  }
}

/// An open HDF5 identifier, closed exactly once: by ``close()`` (checked) or, when the
/// handle goes away still open, in `deinit`. Only ``HDF5`` creates handles (the initializer
/// is private to its file), each for an identifier the library has just handed out, so
/// every identifier has one owner and no identifier is closed twice.
///
/// Pass the handle itself (not its `id`) to ``HDF5``'s functions, so that it stays open for
/// the whole call.
final class H5Handle<ID: H5Identifier> {
  /// The identifier, valid while the handle is open.
  let id: ID
  private var isOpen = true
  #if DEBUG
    private let plan = HDF5FaultPlan.current
  #endif

  fileprivate init(_ id: ID) {
    self.id = id
    #if DEBUG
      plan?.opened()
    #endif
  }

  /// Closes the identifier and reports failure; for files this is where a full disk shows.
  /// Closing a closed handle does nothing.
  func close() throws(HDF5Failure) {
    guard isOpen else { return }
    isOpen = false
    #if DEBUG
      plan?.closed()
    #endif
    try HDF5.close(id, reporting: true)
  }

  deinit {
    guard isOpen else { return }
    #if DEBUG
      plan?.closed()
    #endif
    try? HDF5.close(id, reporting: false)
  }
}
