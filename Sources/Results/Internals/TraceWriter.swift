import CChainSimShims
import CHDF5
import SimKernel

/// Writes ``TraceTable``s as compound datasets `/traces/<name>`: one row per record, one
/// named field per column (64-bit little-endian integers and floats, fixed-length UTF-8
/// text), through a packed file type committed under a name (`/traces/<name>_record`), so
/// h5py reads named fields and ncdump shows the type instead of skipping an anonymous one.
enum TraceWriter {
  static func write(_ tables: [TraceTable], into file: H5Handle) throws(HDF5Failure) {
    guard !tables.isEmpty else { return }
    let group = try file.createGroup("traces")
    for table in tables { try write(table, in: group) }
  }

  private static func write(_ table: TraceTable, in group: H5Handle) throws(HDF5Failure) {
    let rows = table.rowCount
    // Field sizes: 8 bytes for numbers, the longest text + 1 (at least 2) for strings.
    var sizes: [Int] = []
    for column in table.columns {
      switch column.values {
      case .int, .float: sizes.append(8)
      case .string(let v): sizes.append(Swift.max(2, (v.map(\.utf8.count).max() ?? 0) + 1))
      }
    }
    let rowSize = sizes.reduce(0, +)
    let type = try HDF5.handle(H5Tcreate(H5T_COMPOUND, rowSize), .datatype, "create the trace record type")
    var offset = 0
    var stringTypes: [H5Handle] = []
    for (k, column) in table.columns.enumerated() {
      let member: hid_t
      switch column.values {
      case .int: member = cs_H5T_STD_I64LE()
      case .float: member = cs_H5T_IEEE_F64LE()
      case .string:
        let text = try HDF5.handle(H5Tcopy(cs_H5T_C_S1()), .datatype, "copy the C string type")
        try HDF5.check(H5Tset_size(text.raw, sizes[k]), "size a trace text field")
        try HDF5.check(H5Tset_cset(text.raw, H5T_CSET_UTF8), "make a trace text field UTF-8")
        try HDF5.check(H5Tset_strpad(text.raw, H5T_STR_NULLTERM), "null-terminate a trace text field")
        stringTypes.append(text)
        member = text.raw
      }
      try HDF5.check(H5Tinsert(type.raw, column.name, offset, member), "add field \(column.name) to the trace record type")
      offset += sizes[k]
    }
    let typeCreation = try H5Create.datatypeCreationList()
    try HDF5.check(H5Tcommit2(group.raw, "\(table.name)_record", type.raw, cs_H5P_DEFAULT(), typeCreation.raw, cs_H5P_DEFAULT()),
                   "commit the trace record type")
    // The rows, packed little-endian as the file type says (this platform is little-endian).
    var bytes = [UInt8](repeating: 0, count: Swift.max(1, rows * rowSize))
    offset = 0
    for (k, column) in table.columns.enumerated() {
      switch column.values {
      case .int(let v):
        for r in 0..<rows { put(UInt64(bitPattern: v[r]).littleEndian, &bytes, r * rowSize + offset) }
      case .float(let v):
        for r in 0..<rows { put(v[r].bitPattern.littleEndian, &bytes, r * rowSize + offset) }
      case .string(let v):
        for r in 0..<rows {
          let utf8 = Array(v[r].utf8.prefix(sizes[k] - 1))
          for (j, b) in utf8.enumerated() { bytes[r * rowSize + offset + j] = b }
        }
      }
      offset += sizes[k]
    }
    let space = try H5Create.dataspace([rows])
    let plist = try HDF5.handle(H5Pcreate(cs_H5P_DATASET_CREATE()), .propertyList, "create trace dataset properties")
    try HDF5.check(H5Pset_obj_track_times(plist.raw, false), "turn off object time tracking")
    try HDF5.check(H5Pset_attr_creation_order(plist.raw, cs_H5P_CRT_ORDER_TRACKED_INDEXED()), "track attribute order")
    if rows > 0 {
      // Chunks under 1 MiB (the default chunk cache), shuffled and deflated.
      let chunk = [hsize_t(Swift.max(1, Swift.min(rows, (1 << 20) / rowSize)))]
      try HDF5.check(H5Pset_chunk(plist.raw, 1, chunk), "chunk the trace dataset")
      try HDF5.check(H5Pset_shuffle(plist.raw), "add the shuffle filter")
      try HDF5.check(H5Pset_deflate(plist.raw, H5Create.deflateLevel), "add the deflate filter")
    }
    let dataset = try HDF5.handle(
      H5Dcreate2(group.raw, table.name, type.raw, space.raw, cs_H5P_DEFAULT(), plist.raw, cs_H5P_DEFAULT()),
      .object, "create the trace dataset \(table.name)")
    if rows > 0 {
      let rc = bytes.withUnsafeBytes { buffer -> herr_t in
        H5Dwrite(dataset.raw, type.raw, cs_H5S_ALL(), cs_H5S_ALL(), cs_H5P_DEFAULT(), buffer.baseAddress)
      }
      try HDF5.check(rc, "write the trace \(table.name)")
    }
    try dataset.writeAttribute(Layout.Attribute.longName, string: table.longName)
    try dataset.writeAttribute("field_units", string: table.columns.map { "\($0.name)=\($0.units)" }.joined(separator: ";"))
    withExtendedLifetime(stringTypes) {}
  }

  private static func put<T: FixedWidthInteger>(_ value: T, _ bytes: inout [UInt8], _ at: Int) {
    withUnsafeBytes(of: value) { raw in
      for j in 0..<MemoryLayout<T>.size { bytes[at + j] = raw[j] }
    }
  }
}
