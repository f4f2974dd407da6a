import CHDF5

/// The kinds of HDF5 identifier ChainSim holds; each kind has its own close function.
enum H5Kind: String, Sendable {
  case file, group, dataset, dataspace, datatype, attribute
  case propertyList = "property list"
}

/// A typed HDF5 identifier (`hid_t`): one Swift type per kind, so that a dataspace cannot be
/// passed where a dataset is expected. A bare identifier owns nothing; the open ones that
/// ChainSim must close are held by an ``H5Handle``, which only ``HDF5`` creates.
protocol H5Identifier: RawRepresentable, Hashable, Sendable where RawValue == hid_t {
  /// What the identifier is, which decides how it is closed.
  static var kind: H5Kind { get }
  init(rawValue: hid_t)
}

/// An identifier that can hold links: a file (its root group) or a group.
protocol H5LocationID: H5Identifier {}

/// An identifier of an object that carries attributes: a file (its root group), a group or
/// a dataset.
protocol H5AttributeHolderID: H5Identifier {}

/// An HDF5 file.
struct H5FileID: H5LocationID, H5AttributeHolderID {
  static let kind = H5Kind.file
  let rawValue: hid_t
}

/// A group.
struct H5GroupID: H5LocationID, H5AttributeHolderID {
  static let kind = H5Kind.group
  let rawValue: hid_t
}

/// A dataset.
struct H5DatasetID: H5AttributeHolderID {
  static let kind = H5Kind.dataset
  let rawValue: hid_t
}

/// A dataspace (the shape of a dataset or attribute).
struct H5DataspaceID: H5Identifier {
  static let kind = H5Kind.dataspace
  let rawValue: hid_t
}

/// A datatype: one of the library's predefined types (never closed) or one ChainSim made.
struct H5DatatypeID: H5Identifier {
  static let kind = H5Kind.datatype
  let rawValue: hid_t
}

/// An attribute.
struct H5AttributeID: H5Identifier {
  static let kind = H5Kind.attribute
  let rawValue: hid_t
}

/// A property list (file creation and access, group, dataset and datatype creation).
struct H5PropertyListID: H5Identifier {
  static let kind = H5Kind.propertyList
  let rawValue: hid_t
}

typealias H5File = H5Handle<H5FileID>
typealias H5Group = H5Handle<H5GroupID>
typealias H5Dataset = H5Handle<H5DatasetID>
typealias H5Dataspace = H5Handle<H5DataspaceID>
typealias H5Datatype = H5Handle<H5DatatypeID>
typealias H5Attribute = H5Handle<H5AttributeID>
typealias H5PropertyList = H5Handle<H5PropertyListID>

/// A datatype argument: a predefined type or an open one. An open one is passed as its
/// handle, so that it stays open for the whole call.
protocol H5TypeArgument {
  var datatypeID: H5DatatypeID { get }
}

extension H5DatatypeID: H5TypeArgument {
  var datatypeID: H5DatatypeID { self }
}

extension H5Handle: H5TypeArgument where ID == H5DatatypeID {
  var datatypeID: H5DatatypeID { id }
}

/// An object opened by name, whose kind is known only once it is open.
enum H5Object {
  case group(H5Group)
  case dataset(H5Dataset)
  /// A committed (named) datatype, such as a trace's record type.
  case datatype(H5Datatype)
}
