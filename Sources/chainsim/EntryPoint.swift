import ArgumentParser
import Dispatch

/// The process entry point. It is synchronous on purpose: an `async` main parks the main
/// thread in `dispatch_main`, which valgrind 3.19 (Debian 12) cannot follow, and the HDF5
/// writer is checked under valgrind memcheck (`scripts/sanitizers valgrind`). The async
/// commands (run, sweep) run on the cooperative pool while the main thread waits; nothing in
/// ChainSim runs on the main actor, so the wait cannot deadlock.
@main
enum EntryPoint {
  static func main() {
    ChainSim.runCommandLine()
  }
}

/// Runs an async command to completion from synchronous code.
enum BlockingRun {
  /// The command and its outcome, handed between the waiting thread and the task. The
  /// semaphore orders the accesses: the task writes `failure` before it signals, the main
  /// thread reads it after the wait.
  private final class Handoff: @unchecked Sendable {
    var command: any AsyncParsableCommand
    var failure: Error?
    let done = DispatchSemaphore(value: 0)
    init(_ command: any AsyncParsableCommand) { self.command = command }
  }

  /// Runs `command.run()` and rethrows its error.
  static func wait(for command: any AsyncParsableCommand) throws {
    let handoff = Handoff(command)
    Task.detached {
      do { try await handoff.command.run() } catch { handoff.failure = error }
      handoff.done.signal()
    }
    handoff.done.wait()
    if let failure = handoff.failure { throw failure }
  }
}
