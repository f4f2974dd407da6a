import CChainSimShims
import CHDF5
import Foundation

/// The memory of an in-memory HDF5 file (core driver, no backing store) that outlives
/// `H5Fclose`, so the bytes of the *closed* file can be taken: HDF5 allocates it through
/// our callbacks (`H5Pset_file_image_callbacks`) and, at close, hands it back instead of
/// freeing it. (`H5Fget_file_image` on a file still open for writing gave an image whose
/// superblock failed its checksum with HDF5 1.10.8.)
final class MemoryImage {
  private var pointer: UnsafeMutableRawPointer?
  private var capacity = 0
  private var closed = false

  deinit { free(pointer) }

  /// Makes files created with `fapl` allocate their memory here.
  func install(on fapl: H5PropertyList) throws(HDF5Failure) {
    var callbacks = H5FD_file_image_callbacks_t(
      image_malloc: { size, _, udata in
        guard let image = MemoryImage.from(udata) else { return nil }
        return image.resize(nil, size)
      },
      image_memcpy: { destination, source, size, _, _ in
        guard let destination, let source else { return nil }
        return memcpy(destination, source, size)
      },
      image_realloc: { pointer, size, _, udata in
        guard let image = MemoryImage.from(udata) else { return nil }
        return image.resize(pointer, size)
      },
      image_free: { pointer, operation, udata in
        guard let image = MemoryImage.from(udata) else { return -1 }
        if operation == H5FD_FILE_IMAGE_OP_FILE_CLOSE, pointer == image.pointer {
          image.closed = true  // keep it: these are the bytes of the closed file
        } else {
          if pointer == image.pointer { image.pointer = nil; image.capacity = 0 }
          free(pointer)
        }
        return 0
      },
      udata_copy: { udata in udata },
      udata_free: { _ in 0 },
      udata: Unmanaged.passUnretained(self).toOpaque())
    try HDF5.setFileImageCallbacks(fapl, &callbacks)
  }

  /// The bytes of the closed file, up to the end-of-file address its superblock records,
  /// with the seal (``FileSeal``) written into the user block.
  func closedFileBytes() throws(HDF5Failure) -> [UInt8] {
    guard closed, let pointer else {
      throw HDF5Failure(operation: "take the bytes of the closed file", detail: "HDF5 did not hand back its memory")
    }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: capacity)
    let length = try Self.endOfFile(bytes)
    var image = Array(bytes.prefix(length))
    FileSeal.seal(&image)
    return image
  }

  /// The end-of-file address of a version 2 superblock after the user block (8-byte
  /// offsets): signature (8), version, offset size, length size, flags, base, extension,
  /// **EOF** (an absolute file offset).
  static func endOfFile(_ bytes: UnsafeRawBufferPointer) throws(HDF5Failure) -> Int {
    let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
    let at = FileSeal.userBlockSize
    guard bytes.count >= at + 48, Array(bytes[at..<(at + 8)]) == signature, bytes[at + 8] == 2, bytes[at + 9] == 8 else {
      throw HDF5Failure(operation: "take the bytes of the closed file", detail: "unexpected superblock")
    }
    let eof = (0..<8).reduce(0) { $0 | Int(bytes[at + 28 + $1]) << (8 * $1) }
    guard eof >= at + 48, eof <= bytes.count else {
      throw HDF5Failure(operation: "take the bytes of the closed file", detail: "end of file \(eof) outside the image")
    }
    return eof
  }

  private func resize(_ old: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let grown = realloc(old, size) else { return nil }
    if old == nil || old == pointer {
      pointer = grown
      capacity = size
    }
    return grown
  }

  private static func from(_ udata: UnsafeMutableRawPointer?) -> MemoryImage? {
    udata.map { Unmanaged<MemoryImage>.fromOpaque($0).takeUnretainedValue() }
  }
}
