import Foundation
import Testing

/// The package root, from this file's path (tests do not rely on the working directory).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The project's own layout conformance check of a results or sweep file (`scripts/check-layout`):
/// the tests need nothing outside the repository.
let layoutChecker = packageRoot.appendingPathComponent("scripts/check-layout").path

/// The `chainsim` executable built beside the test bundle.
let chainsimBinary: URL = {
  let dir = Bundle.main.executableURL?.deletingLastPathComponent() ?? packageRoot.appendingPathComponent(".build/debug")
  let beside = dir.appendingPathComponent("chainsim")
  if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
  return packageRoot.appendingPathComponent(".build/debug/chainsim")
}()

/// What a command printed and how it exited.
struct CommandResult {
  var exitCode: Int32
  var stdout: String
  var stderr: String
  /// Whether a signal ended the program (then `exitCode` is the signal number).
  var signalled = false
}

/// Runs a program with arguments in a directory (the package root by default) and waits for it.
func runProgram(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL = packageRoot) throws
  -> CommandResult
{
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory
  var env = ProcessInfo.processInfo.environment
  for (k, v) in environment { env[k] = v }
  process.environment = env
  let out = Pipe(), err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Read both pipes fully before waiting, so a large output cannot block the child.
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    exitCode: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self),
    signalled: process.terminationReason == .uncaughtSignal)
}

/// Runs `chainsim` with arguments.
func chainsim(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
  try runProgram(chainsimBinary, arguments, environment: environment)
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}

/// The path of a fixture, relative to the package root (as a user would type it).
func fixture(_ name: String) -> String { "Tests/ChainSimCLITests/Fixtures/\(name)" }

/// Runs a bad fixture and expects the rejection every scenario error gets: exit 2, exactly
/// `message` (file:line:column, key path, what was expected) on stderr, no output file, and
/// the same exit code from `validate`.
func expectRejected(fixture name: String, message: String) throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let r = try runProgram(chainsimBinary, ["run", fixture(name), "-o", dir.appendingPathComponent("r.h5").path, "--quiet"])
  #expect(r.exitCode == 2)
  #expect(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == message)
  #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no output file")
  let v = try chainsim("validate", fixture(name))
  #expect(v.exitCode == 2)
}
