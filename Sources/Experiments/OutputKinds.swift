import Results

/// The kinds of file the experiments write besides results files, each recognised by its
/// first bytes, so that ``OutputDestination`` replaces only an older file of the same kind.
extension OutputDestination.Content {
  /// `chainsim report` pages (`<meta name="generator" content="chainsim report"/>` in the head).
  public static let report = Self(name: "ChainSim report") { head in
    String(decoding: head, as: UTF8.self).contains("<meta name=\"generator\" content=\"chainsim report\"/>")
  }

  /// Part files of `chainsim sweep --shard K/N`.
  public static let sweepPart = Self(name: "ChainSim sweep part file") { $0.starts(with: SweepParts.magic) }

  /// One durable record of a finished (point, replication) in `FILE.records/`.
  static let sweepRecord = Self(name: "ChainSim sweep record") { $0.starts(with: SweepRecordStore.magic) }

  /// The `SWEEP` file naming the sweep a records folder belongs to.
  static let sweepManifest = Self(name: "ChainSim sweep records manifest") {
    $0.starts(with: SweepRecordStore.manifestMagic)
  }

  /// The job scripts of `chainsim sweep --slurm N`.
  static let slurmScript = Self(name: "ChainSim SLURM script") { head in
    String(decoding: head, as: UTF8.self).hasPrefix("#!/bin/bash\n# ChainSim sweep '")
  }
}

extension SweepError {
  /// A refusal of ``OutputDestination`` told as a sweep error, with the same exit code.
  init(_ error: ResultsError) {
    self.init(message: error.description, exitCode: Int(error.exitCode))
  }
}
