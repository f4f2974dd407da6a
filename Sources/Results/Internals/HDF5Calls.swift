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

/// The one chokepoint for HDF5 C calls: every return code passes through `check`.
///
/// HDF5 is not re-entrant in every build, so public entry points run their whole
/// operation inside ``HDF5/serialized(_:)``.
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

  /// Checks a `herr_t`-style result (negative is failure).
  static func check(_ rc: herr_t, _ operation: @autoclosure () -> String) throws(HDF5Failure) {
    if rc < 0 { throw failure(operation()) }
  }

  /// Checks a `htri_t` result: negative is failure, otherwise the truth value.
  static func truth(_ rc: htri_t, _ operation: @autoclosure () -> String) throws(HDF5Failure) -> Bool {
    if rc < 0 { throw failure(operation()) }
    return rc > 0
  }

  /// Wraps a freshly returned identifier, checking it is valid.
  static func handle(_ raw: hid_t, _ kind: H5Handle.Kind, _ operation: @autoclosure () -> String) throws(HDF5Failure) -> H5Handle {
    if raw < 0 { throw failure(operation()) }
    return H5Handle(raw, kind)
  }

  /// A failure for `operation` carrying the current error stack, which it then clears.
  static func failure(_ operation: String) -> HDF5Failure {
    HDF5Failure(operation: operation, detail: errorStack())
  }

  /// The innermost two messages of the current error stack (then cleared).
  static func errorStack() -> String {
    var lines: [String] = []
    withUnsafeMutablePointer(to: &lines) { pointer in
      _ = H5Ewalk2(cs_H5E_DEFAULT(), H5E_WALK_DOWNWARD, { _, error, data in
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
}

/// An open HDF5 identifier, closed exactly once: by ``close()`` (checked) or in `deinit`.
///
/// Pass the handle itself (and read `raw` at the call site) so that it stays alive for the
/// whole call; a bare `hid_t` copied out of it may outlive it.
final class H5Handle {
  /// What kind of identifier this is, which decides the close function.
  enum Kind {
    case file, object, dataspace, datatype, attribute, propertyList
  }

  let raw: hid_t
  let kind: Kind
  private var isOpen = true

  init(_ raw: hid_t, _ kind: Kind) {
    self.raw = raw
    self.kind = kind
  }

  /// Closes the identifier and reports failure; for files this is where a full disk shows.
  func close() throws(HDF5Failure) {
    guard isOpen else { return }
    isOpen = false
    try HDF5.check(Self.close(raw, kind), "close \(kind) identifier")
  }

  deinit {
    if isOpen { _ = Self.close(raw, kind) }
  }

  private static func close(_ raw: hid_t, _ kind: Kind) -> herr_t {
    switch kind {
    case .file: H5Fclose(raw)
    case .object: H5Oclose(raw)
    case .dataspace: H5Sclose(raw)
    case .datatype: H5Tclose(raw)
    case .attribute: H5Aclose(raw)
    case .propertyList: H5Pclose(raw)
    }
  }
}
