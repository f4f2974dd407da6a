import Scenario

/// One resolved scenario value that is not the same in every compared file.
public struct InputDifference: Sendable, Equatable {
  /// The value's address in the scenario's own notation, e.g.
  /// `port.terminals[name=UICT].crane_productivity` (named lists by `[name=…]`).
  public var keyPath: String
  /// The value in each file, in file order, as text; `nil` where the file has no such key.
  public var values: [String?]

  /// Creates a difference.
  public init(keyPath: String, values: [String?]) {
    self.keyPath = keyPath
    self.values = values
  }
}

/// Which inputs changed between runs: a key-by-key comparison of resolved scenarios.
public enum InputDifferences {
  /// The leaf values whose text differs between the resolved scenarios of several runs.
  ///
  /// Mappings are walked key by key; a list whose items are all mappings with a `name` is
  /// walked by name (`[name=UICT]`), so reordering such a list is no difference; a list of
  /// plain values is one value (`[a, b]`); other lists are walked by position (`[2]`).
  /// A key that exists in only some files gets `nil` for the others.
  ///
  /// - Parameter scenarioTexts: the resolved scenario YAML of each run (the results file's
  ///   `/scenario` text), in the order the runs are compared.
  /// - Returns: the differences in scenario order: the first file's order, with keys that
  ///   only later files have placed after the key that precedes them there.
  /// - Throws: `ScenarioError` when a text is not valid YAML.
  public static func between(_ scenarioTexts: [String]) throws -> [InputDifference] {
    var leavesPerFile: [[(path: String, value: String)]] = []
    for (index, text) in scenarioTexts.enumerated() {
      let tree = try ScenarioNode.parse(yaml: text, file: "scenario of file \(index + 1)")
      var leaves: [(path: String, value: String)] = []
      ScenarioLeaves.collect(tree, path: .root, into: &leaves)
      leavesPerFile.append(leaves)
    }
    let order = mergedOrder(leavesPerFile.map { $0.map(\.path) })
    let lookups = leavesPerFile.map { leaves in
      Dictionary(leaves.map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
    var differences: [InputDifference] = []
    var shownItems = Set<String>()
    for path in order {
      let values = lookups.map { $0[path] }
      guard Set(values.map { $0 ?? "\u{0}absent" }).count > 1 else { continue }
      // A named item only some files have (a new hub, fleet, terminal) is one row: the item
      // with its keys inline, rather than one row per key.
      if let item = absentItem(path, leavesPerFile) {
        guard shownItems.insert(item).inserted else { continue }
        let values = leavesPerFile.map { leaves -> String? in
          let inside = leaves.filter { $0.path.hasPrefix(item + ".") }
          return inside.isEmpty
            ? nil : "{" + inside.map { "\($0.path.dropFirst(item.count + 1)): \($0.value)" }.joined(separator: ", ") + "}"
        }
        differences.append(InputDifference(keyPath: item, values: values))
        continue
      }
      differences.append(InputDifference(keyPath: path, values: values))
    }
    return differences
  }

  /// The shortest named item (`…[name=X]`) on `path` that some file lacks entirely, if any.
  static func absentItem(_ path: String, _ leavesPerFile: [[(path: String, value: String)]]) -> String? {
    var searchFrom = path.startIndex
    while let open = path.range(of: "[name=", range: searchFrom..<path.endIndex),
      let close = path.range(of: "]", range: open.upperBound..<path.endIndex)
    {
      let item = String(path[..<close.upperBound])
      if leavesPerFile.contains(where: { leaves in !leaves.contains { $0.path.hasPrefix(item + ".") || $0.path == item } }) {
        return item
      }
      searchFrom = close.upperBound
    }
    return nil
  }

  /// The union of several ordered key lists, keeping the first list's order and inserting a
  /// key known only to a later list right after its predecessor in that list.
  static func mergedOrder(_ lists: [[String]]) -> [String] {
    var merged: [String] = []
    var known = Set<String>()
    for list in lists {
      var insertAt = 0
      for key in list {
        if known.contains(key) {
          insertAt = (merged.firstIndex(of: key) ?? (merged.count - 1)) + 1
        } else {
          merged.insert(key, at: insertAt)
          known.insert(key)
          insertAt += 1
        }
      }
    }
    return merged
  }
}

/// Flattens a scenario tree into (key path, value text) leaves, in tree order.
enum ScenarioLeaves {
  static func collect(_ node: ScenarioNode, path: ScenarioKeyPath, into leaves: inout [(path: String, value: String)]) {
    switch node.content {
    case .scalar(let scalar):
      leaves.append((path.description, text(scalar)))
    case .mapping(let mapping):
      if mapping.isEmpty, !path.components.isEmpty { leaves.append((path.description, "{}")) }
      for (key, entry) in mapping {
        collect(entry.value, path: path.appending(key: key), into: &leaves)
      }
    case .sequence(let items):
      if items.allSatisfy({ $0.scalar != nil }) {
        leaves.append((path.description, "[" + items.compactMap { $0.scalar.map(text) }.joined(separator: ", ") + "]"))
      } else if let names = uniqueNames(items) {
        for (item, name) in zip(items, names) {
          collect(item, path: path.appending(.named(name)), into: &leaves)
        }
      } else {
        for (index, item) in items.enumerated() {
          collect(item, path: path.appending(.index(index)), into: &leaves)
        }
      }
    }
  }

  /// The `name` of every item, when all items are mappings with distinct scalar names.
  static func uniqueNames(_ items: [ScenarioNode]) -> [String]? {
    var names: [String] = []
    for item in items {
      guard let name = item["name"]?.scalar?.text, !names.contains(name) else { return nil }
      names.append(name)
    }
    return names
  }

  static func text(_ scalar: ScenarioScalar) -> String {
    scalar.isNull ? "null" : scalar.text
  }
}
