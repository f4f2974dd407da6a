import Results
import SimKernel

/// One compared file: where it is and what run produced it.
public struct ComparedFile: Sendable, Equatable {
  public var path: String
  public var metadata: RunMetadata
  public var replications: [Int]
}

/// The comparison of two results files (A, the base, and B, the variant): which inputs
/// changed, every KPI with its verdict, and every time series described bin by bin.
public struct ResultsComparison: Sendable, Equatable {
  /// A and B.
  public var files: [ComparedFile]
  public var options: CompareOptions
  /// Paired-t under common random numbers, Welch otherwise.
  public var method: ComparisonMethod
  /// Why that method, in words (seeds, replication indices, stream schemes).
  public var methodReason: String
  /// The resolved scenario keys whose values differ.
  public var inputDifferences: [InputDifference]
  /// One row per KPI and label, in file order (subsystem, KPI, label).
  public var kpis: [KPIComparison]
  /// One entry per time series and label, in file order.
  public var series: [SeriesComparison]

  /// The rows that differ significantly in a judged direction.
  public var significant: [KPIComparison] { kpis.filter { $0.verdict.isSignificant } }

  /// Whether at least one KPI with a verdict differs significantly (exit code 1).
  public var anySignificant: Bool { kpis.contains { $0.verdict.isSignificant } }

  /// How many rows took part in the verdict (the Holm family).
  public var judgedCount: Int { kpis.filter(\.isJudged).count }

  /// Reads and compares two results files.
  ///
  /// - Parameters:
  ///   - pathA: the base run's results file.
  ///   - pathB: the variant's results file; differences are `B − A`.
  ///   - options: significance level, Holm, pairing and subsystem filter.
  /// - Throws: ``CompareError``: a file that cannot be read (missing, not HDF5, not a
  ///   ChainSim file: input; refused access: environment), files that cannot be compared
  ///   (horizons, warm-ups, sample intervals, subsystems, KPIs or labels differ), an unknown
  ///   subsystem in the filter, or a bad `alpha`.
  public static func compare(pathA: String, pathB: String, options: CompareOptions = CompareOptions()) throws(CompareError)
    -> ResultsComparison
  {
    let a: ResultsContents, b: ResultsContents
    do {
      a = try ResultsFile.read(path: pathA)
      b = try ResultsFile.read(path: pathB)
    } catch {
      throw CompareError(error)
    }
    return try compare(a, b, paths: (pathA, pathB), options: options)
  }

  /// Compares two results already read.
  ///
  /// - Parameter paths: the files' names, for messages and the output.
  /// - Throws: ``CompareError`` as ``compare(pathA:pathB:options:)`` does, except for reading.
  public static func compare(
    _ a: ResultsContents, _ b: ResultsContents, paths: (String, String), options: CompareOptions = CompareOptions()
  ) throws(CompareError) -> ResultsComparison {
    guard options.alpha > 0, options.alpha < 1 else {
      throw CompareError(.input, "--alpha must be between 0 and 1 (exclusive), got \(options.alpha)")
    }
    try ComparisonCompatibility.check(a, b, paths: paths, only: options.subsystems)
    let inputs: [InputDifference]
    do {
      inputs = try InputDifferences.between([a.metadata.scenarioText, b.metadata.scenarioText])
    } catch {
      throw CompareError(.input, "\(paths.0) or \(paths.1): the stored /scenario text is not valid YAML (\(error))")
    }
    let (method, reason) = ComparisonMethod.choose(
      a.metadata, replicationsA: a.replications, b.metadata, replicationsB: b.replications,
      forceUnpaired: options.forceUnpaired)
    let level = options.level
    var kpis: [KPIComparison] = []
    var series: [SeriesComparison] = []
    for sa in a.subsystems where options.subsystems.isEmpty || options.subsystems.contains(sa.name) {
      guard let sb = b.subsystem(sa.name) else { continue }
      for ka in sa.kpis {
        guard let kb = sb.kpis.first(where: { $0.info.name == ka.info.name }) else { continue }
        for pair in ComparisonCompatibility.labelPairs(ka.info, kb.info) {
          let x = ka.values.map { row in pair.a.map { $0 < row.count ? row[$0] : .nan } ?? .nan }
          let y = kb.values.map { row in pair.b.map { $0 < row.count ? row[$0] : .nan } ?? .nan }
          let result = MeanDifferenceTest.compute(x, y, method: method, level: level)
          kpis.append(
            KPIComparison(
              subsystem: sa.name, kpi: ka.info.name, label: pair.label, longName: ka.info.longName,
              units: ka.info.units, better: ka.info.better, result: result,
              relativeChange: KPIVerdicts.relativeChange(result), adjustedPValue: nil, verdict: .noDifference))
        }
      }
      for qa in sa.series {
        guard let qb = sb.series.first(where: { $0.info.name == qa.info.name }) else { continue }
        series += SeriesComparisons.compute(
          subsystem: sa.name, a: qa, b: qb, times: a.metadata.sampleTimes, method: method, level: level)
      }
    }
    KPIVerdicts.assign(&kpis, alpha: options.alpha, holm: options.holm)
    return ResultsComparison(
      files: [
        ComparedFile(path: paths.0, metadata: a.metadata, replications: a.replications),
        ComparedFile(path: paths.1, metadata: b.metadata, replications: b.replications),
      ],
      options: options, method: method, methodReason: reason, inputDifferences: inputs, kpis: kpis, series: series)
  }
}
