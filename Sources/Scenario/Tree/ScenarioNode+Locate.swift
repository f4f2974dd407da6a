extension ScenarioNode {
  /// The key path of the value (or mapping key) written at `location` in this tree, if any.
  ///
  /// Elements of named lists are addressed by name (`terminals[name=UICT]`), other list
  /// elements by position. The walk is depth-first in file order, so the first place a node
  /// appears wins (a node brought in by an alias appears where it was first written), and a
  /// key or value inside a mapping wins over the mapping that starts at the same place.
  ///
  /// - Complexity: O(n) in the number of nodes.
  func keyPath(of location: SourceLocation) -> ScenarioKeyPath? {
    keyPath(of: location, at: .root)
  }

  private func keyPath(of target: SourceLocation, at path: ScenarioKeyPath) -> ScenarioKeyPath? {
    if let inside = keyPathInside(of: target, at: path) { return inside }
    return location == target ? path : nil
  }

  private func keyPathInside(of target: SourceLocation, at path: ScenarioKeyPath) -> ScenarioKeyPath? {
    switch content {
    case .scalar:
      return nil
    case .sequence(let items):
      let named = ScenarioNode.isNamedList(items)
      for (index, item) in items.enumerated() {
        let step: ScenarioKeyPath.Component =
          named ? .named(item["name"]?.scalar?.text ?? "") : .index(index)
        if let found = item.keyPath(of: target, at: path.appending(step)) { return found }
      }
      return nil
    case .mapping(let entries):
      for (key, entry) in entries {
        if entry.keyLocation == target { return path.appending(key: key) }
        if let found = entry.value.keyPath(of: target, at: path.appending(key: key)) { return found }
      }
      return nil
    }
  }
}
