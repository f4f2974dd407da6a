import Foundation

/// A one-line progress display on standard error, redrawn in place; silent when standard
/// error is not a terminal (scripts get quiet, parseable output).
final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private let label: String
  private let start = Date()
  private let lock = NSLock()

  init(enabled: Bool, label: String) {
    self.enabled = enabled
    self.label = label
  }

  func update(done: Int, total: Int) {
    guard enabled else { return }
    lock.lock(); defer { lock.unlock() }
    let elapsed = Date().timeIntervalSince(start)
    let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
    let width = 30
    let filled = total > 0 ? width * done / total : width
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    let line = String(format: "\r%@ %@ %d/%d replications, %.1f s elapsed, ~%.1f s left ", label, bar, done, total, elapsed, left)
    writeStandardError(line)
  }

  func finish() {
    guard enabled else { return }
    writeStandardError("\r\u{1B}[K")
  }
}
