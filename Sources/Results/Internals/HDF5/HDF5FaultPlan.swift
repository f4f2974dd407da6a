#if DEBUG
  /// A test's plan for the HDF5 calls of one operation (debug builds only): it counts the
  /// calls made through ``HDF5`` and the handles opened and still open, and it makes the
  /// call numbered ``failingCall`` fail, so that a test can show that a failure at any call
  /// ends in a ``ResultsError``, with every handle closed and no file left behind.
  ///
  /// The plan is task-local, so tests running at the same time do not count each other's
  /// calls. All HDF5 work happens inside ``HDF5/serialized(_:)``, which the counters rely on.
  final class HDF5FaultPlan: @unchecked Sendable {
    /// The plan of the current task, if any.
    @TaskLocal static var current: HDF5FaultPlan?

    /// The 1-based number of the call to fail; `nil` only counts.
    let failingCall: Int?
    /// The calls made so far.
    private(set) var calls = 0
    /// The handles opened under this plan and not yet closed.
    private(set) var openHandles = 0
    /// Whether the chosen call was reached (and so failed).
    private(set) var injected = false

    init(failingCall: Int?) {
      self.failingCall = failingCall
    }

    /// Counts a call; true when it is the one to fail.
    func shouldFail() -> Bool {
      calls += 1
      guard calls == failingCall else { return false }
      injected = true
      return true
    }

    func opened() { openHandles += 1 }
    func closed() { openHandles -= 1 }

    /// Runs `body` with this plan as the current one.
    func run<T>(_ body: () throws -> T) rethrows -> T {
      try HDF5FaultPlan.$current.withValue(self, operation: body)
    }
  }
#endif
