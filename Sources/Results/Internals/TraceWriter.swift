import SimKernel

/// Writes ``TraceTable``s as compound datasets `/traces/<name>`: one row per record, one
/// named field per column (64-bit little-endian integers and floats, fixed-length UTF-8
/// text), through a packed file type committed under a name (`/traces/<name>_record`), so
/// h5py reads named fields and ncdump shows the type instead of skipping an anonymous one.
enum TraceWriter {
  static func write(_ tables: [TraceTable], into file: H5File) throws(HDF5Failure) {
    guard !tables.isEmpty else { return }
    let group = try file.createGroup("traces")
    for table in tables { try write(table, in: group) }
  }

  private static func write(_ table: TraceTable, in group: H5Group) throws(HDF5Failure) {
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
    let type = try HDF5.createCompound(size: rowSize, "create the trace record type")
    var offset = 0
    var stringTypes: [H5Datatype] = []
    for (k, column) in table.columns.enumerated() {
      switch column.values {
      case .int: try HDF5.insert(type, field: column.name, offset: offset, HDF5.int64LE)
      case .float: try HDF5.insert(type, field: column.name, offset: offset, HDF5.float64LE)
      case .string:
        let text = try H5Create.textType(size: sizes[k], "a trace text field")
        stringTypes.append(text)
        try HDF5.insert(type, field: column.name, offset: offset, text)
      }
      offset += sizes[k]
    }
    let typeCreation = try H5Create.datatypeCreationList()
    try HDF5.commit(type, as: "\(table.name)_record", in: group, creation: typeCreation)
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
    // Chunks under 1 MiB (the default chunk cache), shuffled and deflated.
    let chunk = rows > 0 ? [Swift.max(1, Swift.min(rows, (1 << 20) / rowSize))] : nil
    let plist = try H5Create.datasetCreationList(chunk: chunk, what: "trace dataset")
    let dataset = try HDF5.createDataset(
      in: group, table.name, type: type, space: space, creation: plist, "create the trace dataset \(table.name)")
    if rows > 0 {
      try withBytes(of: bytes) { (buffer) throws(HDF5Failure) in
        try HDF5.write(dataset, type: type, buffer.baseAddress, "write the trace \(table.name)")
      }
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
