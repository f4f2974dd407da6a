import Dispatch
import Experiments
import Foundation

/// A one-line progress display on standard error, redrawn in place; silent when standard
/// error is not a terminal (scripts get quiet, parseable output).
///
/// For a run it follows a ``RunProgress`` from the start, redrawn a few times a second with
/// the simulated time of the running replications; for a sweep it is redrawn as points finish.
final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private let label: String
  private let start = Date()
  private let lock = NSLock()
  private var timer: DispatchSourceTimer?
  private var finished = false

  init(enabled: Bool, label: String) {
    self.enabled = enabled
    self.label = label
  }

  /// Redraws the line from `tracker` now and every `interval` seconds until ``finish()``.
  func follow(_ tracker: RunProgress, every interval: Double = 0.2) {
    guard enabled else { return }
    draw(tracker.snapshot())
    let source = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    source.schedule(deadline: .now() + interval, repeating: interval)
    source.setEventHandler { [weak self] in self?.draw(tracker.snapshot()) }
    lock.lock()
    timer = source
    lock.unlock()
    source.resume()
  }

  /// The line for a reading of a run, e.g. `replications 3/10 done, simulated 41% (2 running
  /// at 150 of 365 d)`.
  static func text(_ s: RunProgressSnapshot) -> String {
    let unit = s.horizon >= 72 ? "d" : "h"
    let scale = unit == "d" ? 24.0 : 1.0
    var text = String(format: "replications %d/%d done, simulated %.0f%%", s.done, s.total, s.fraction * 100)
    if !s.running.isEmpty {
      text += String(format: " (%d running at %.0f of %.0f %@)", s.running.count, s.runningMeanHours / scale, s.horizon / scale, unit)
    }
    return text
  }

  private func draw(_ s: RunProgressSnapshot) {
    lock.lock(); defer { lock.unlock() }
    guard !finished else { return }
    let elapsed = Date().timeIntervalSince(start)
    let fraction = s.fraction
    let left = fraction > 0.01 ? String(format: ", ~%.1f s left", elapsed / fraction * (1 - fraction)) : ""
    let line = String(format: "\r%@ %@ %@, %.1f s%@ \u{1B}[K", label, bar(fraction), Self.text(s), elapsed, left)
    writeStandardError(line)
  }

  /// Redraws the line after `done` of `total` items (sweep points) have finished.
  func update(done: Int, total: Int) {
    guard enabled else { return }
    lock.lock(); defer { lock.unlock() }
    let elapsed = Date().timeIntervalSince(start)
    let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
    let fraction = total > 0 ? Double(done) / Double(total) : 1
    let line = String(format: "\r%@ %@ %d/%d replications, %.1f s elapsed, ~%.1f s left ", label, bar(fraction), done, total, elapsed, left)
    writeStandardError(line)
  }

  private func bar(_ fraction: Double) -> String {
    let width = 30
    let filled = min(width, max(0, Int((fraction * Double(width)).rounded(.down))))
    return String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
  }

  /// Stops following and clears the line.
  func finish() {
    guard enabled else { return }
    lock.lock()
    finished = true
    let source = timer
    timer = nil
    source?.cancel()
    writeStandardError("\r\u{1B}[K")
    lock.unlock()
  }
}
