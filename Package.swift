// swift-tools-version:6.0
import PackageDescription

/// The event loop and the models' handlers: release builds leave out the run-time
/// exclusivity checks (about 15% of an M/M/c run in the profile, Benchmarks/README.md);
/// debug builds, which run the test suite, keep them, so a violation still fails the tests.
let hotPath: [SwiftSetting] = [
  .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
  // The kernel and the models are optimised in debug builds too: the tests run whole
  // scenarios (the ring alone is ~160,000 events a simulated day), about 20x slower unoptimised.
  // Preconditions stay on; the code has no `assert`.
  .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
  name: "ChainSim",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "chainsim", targets: ["chainsim"]),
    .executable(name: "chainsim-bench", targets: ["chainsim-bench"]),
    .executable(name: "chainsim-fuzz", targets: ["chainsim-fuzz"]),
    .library(name: "SimKernel", targets: ["SimKernel"]),
    .library(name: "Scenario", targets: ["Scenario"]),
    .library(name: "Models", targets: ["Models"]),
    .library(name: "Results", targets: ["Results"]),
    .library(name: "Experiments", targets: ["Experiments"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // MARK: - C libraries and shims (no stable Swift API)
    .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
    .systemLibrary(name: "CHDF5", pkgConfig: "hdf5-serial", providers: [.apt(["libhdf5-dev"])]),
    // libyaml's event API for the scenario prescan (Yams keeps its own copy internal).
    .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
    // One shim target per library, so that SimKernel (GSL) never builds against HDF5.
    .target(name: "CChainSimShims", dependencies: ["CHDF5"]),
    .target(name: "CGSLShims", dependencies: ["CGSL"]),

    // MARK: - Public API
    .target(name: "SimKernel", dependencies: ["CGSL", "CGSLShims"], swiftSettings: hotPath),
    .target(
      name: "Scenario",
      dependencies: [
        "SimKernel", "Yams", "CLibYAML",
        .product(name: "Collections", package: "swift-collections"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "Models",
      dependencies: ["SimKernel", "Scenario", .product(name: "DequeModule", package: "swift-collections")],
      swiftSettings: hotPath),
    .target(name: "Results", dependencies: ["SimKernel", "CHDF5", "CChainSimShims"]),
    .target(name: "Experiments", dependencies: ["Models", "Results", "Scenario", "SimKernel"]),
    .executableTarget(
      name: "chainsim",
      dependencies: [
        "Experiments", "Models", "Results", "Scenario", "SimKernel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "chainsim-bench",
      dependencies: [
        "Experiments", "Models", "Results", "Scenario", "SimKernel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: hotPath),
    // libFuzzer target for the scenario and sweep loaders (scripts/fuzz builds it with
    // -sanitize=fuzzer,address and -DCHAINSIM_LIBFUZZER so that libFuzzer's main is used;
    // a plain build gets a replay driver instead).
    .executableTarget(
      name: "chainsim-fuzz",
      dependencies: ["Experiments", "Models", "Scenario"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),

    // MARK: - Unit test bundles
    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
    .testTarget(name: "ScenarioTests", dependencies: ["Scenario"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ModelsTests", dependencies: ["Models", "Scenario", "SimKernel"]),
    .testTarget(name: "ResultsTests", dependencies: ["Results", "SimKernel"]),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Models", "Results", "Scenario", "SimKernel"]),
    .testTarget(name: "ChainSimCLITests", dependencies: ["chainsim"], exclude: ["Fixtures"]),
  ]
)
