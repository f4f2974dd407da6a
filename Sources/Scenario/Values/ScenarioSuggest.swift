/// Edit-distance suggestions for misspelt keys, names and distribution names.
public enum ScenarioSuggest {
  /// The candidate closest to `word` by edit distance (a swap of two neighbouring letters
  /// counts as one edit, so `rnage` suggests `range`, not `name`), if it is close enough to be a
  /// plausible typo (distance ≤ max(2, a third of the word's length)); ties go to the first.
  public static func nearest(to word: String, among candidates: [String]) -> String? {
    let limit = max(2, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
      let d = distance(word.lowercased(), candidate.lowercased())
      if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
    }
    return best?.0
  }

  /// Edit distance between two strings, counted in characters: insertions, deletions,
  /// substitutions and swaps of two neighbouring characters (optimal string alignment).
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var beforePrevious = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[y.count]
  }
}
