import Foundation

/// The program's entry point. SwiftPM links every executable with its own entry point (it
/// renames `main`), so the target cannot simply lean on libFuzzer's `main`: in the libFuzzer
/// build (`-DCHAINSIM_LIBFUZZER`, see scripts/fuzz) it hands the command line to libFuzzer's
/// driver, which then calls ``fuzzOneInput(_:_:)``; in a plain build (`swift build` builds
/// every product) it replays the files named on the command line through the same harness,
/// so a crash file can be rerun in a debug build: `swift run chainsim-fuzz crash-…`.
@main
enum FuzzMain {
  static func main() {
    #if CHAINSIM_LIBFUZZER
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(
        LLVMFuzzerRunDriver(&argc, &argv) { data, size in
          guard let data else { return 0 }
          return fuzzOneInput(data, size)
        })
    #else
      replay(Array(CommandLine.arguments.dropFirst()))
    #endif
  }

  static func replay(_ paths: [String]) {
    if paths.isEmpty || paths.contains("--help") {
      print("usage: chainsim-fuzz FILE...  (replays inputs through the fuzz harness; scripts/fuzz builds the fuzzer)")
      return
    }
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        print("\(path): cannot read")
        exit(2)
      }
      print("\(path): \(FuzzHarness.check(String(decoding: data, as: UTF8.self)))")
    }
  }
}

#if CHAINSIM_LIBFUZZER
  /// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`): parses libFuzzer's flags
  /// and runs the fuzzing loop, calling `callback` for each input.
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32
#endif
