/// Bounds checked before a scenario is parsed, so that huge files, deep nesting and
/// alias bombs give a clear error instead of a hang or a crash.
public struct ScenarioLimits: Sendable, Equatable {
  /// Largest file accepted, in bytes.
  public var maxBytes: Int
  /// Deepest nesting of mappings and lists accepted (after alias expansion).
  public var maxDepth: Int
  /// Most nodes accepted in one file, counting every alias expansion.
  public var maxNodes: Int
  /// Longest `extends` chain accepted.
  public var maxExtendsChain: Int

  /// Creates limits.
  public init(
    maxBytes: Int = 4 << 20, maxDepth: Int = 64, maxNodes: Int = 200_000,
    maxExtendsChain: Int = 16
  ) {
    self.maxBytes = maxBytes
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
    self.maxExtendsChain = maxExtendsChain
  }

  /// 4 MiB, depth 64, 200,000 nodes, 16 files in an `extends` chain.
  public static let `default` = ScenarioLimits()
}
