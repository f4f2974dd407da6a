import Collections

extension ScenarioNode {
  /// This tree (a base) with `overlay` merged over it, as `extends` does.
  ///
  /// - Mappings merge key by key (base order kept, new keys appended).
  /// - Lists of named sections (every element a mapping with a `name`) merge element by
  ///   element by name: a new name is appended, a known name merges into its element, and
  ///   an element with `remove: true` removes the base element of that name.
  /// - Other lists and scalars replace. A null overlay over a mapping or list keeps the base.
  ///
  /// - Throws: `ScenarioError` if `remove: true` names no element of the base, or if the
  ///   overlay names the same element twice in one list (as a full file may not either).
  public func merged(with overlay: ScenarioNode, at path: ScenarioKeyPath = .root)
    throws(ScenarioError) -> ScenarioNode
  {
    switch (content, overlay.content) {
    case (.mapping(let base), .mapping(let top)):
      var result = base
      for (key, entry) in top {
        if let existing = base[key] {
          let value = try existing.value.merged(with: entry.value, at: path.appending(key: key))
          result[key] = ScenarioMappingEntry(keyLocation: entry.keyLocation, value: value)
        } else {
          result[key] = entry
        }
      }
      return ScenarioNode(.mapping(result), at: overlay.location)
    case (.sequence(let base), .sequence(let top))
    where ScenarioNode.isNamedList(top) && (base.isEmpty || ScenarioNode.isNamedList(base)):
      return ScenarioNode(.sequence(try ScenarioNode.mergeNamed(base, top, at: path)), at: overlay.location)
    case (.mapping, .scalar(let s)) where s.isNull, (.sequence, .scalar(let s)) where s.isNull:
      return self
    default:
      return overlay
    }
  }

  static func isNamedList(_ items: [ScenarioNode]) -> Bool {
    !items.isEmpty
      && items.allSatisfy { item in
        guard let name = item["name"]?.scalar else { return false }
        return !name.isNull
      }
  }

  private static func mergeNamed(_ base: [ScenarioNode], _ top: [ScenarioNode], at path: ScenarioKeyPath)
    throws(ScenarioError) -> [ScenarioNode]
  {
    var result = base
    var seen: [String: SourceLocation] = [:]
    for element in top {
      let name = element["name"]?.scalar?.text ?? ""
      let nameLocation = element["name"]?.location ?? element.location
      if let first = seen[name] {
        throw ScenarioError(
          location: nameLocation, keyPath: path.description,
          message:
            "duplicate name '\(name)' (first used at line \(first.line)); names in a list must be unique: write each entry once, with all its changes"
        )
      }
      seen[name] = nameLocation
      let index = result.firstIndex { $0["name"]?.scalar?.text == name }
      let removeNode = element["remove"]
      if let removeNode, removeNode.scalar?.text == "true" {
        guard let index else {
          let names = result.compactMap { $0["name"]?.scalar?.text }
          throw ScenarioError(
            location: removeNode.location, keyPath: path.appending(.named(name)).description,
            message: "remove: true names no entry '\(name)' of the base; it has \(names.joined(separator: ", "))",
            suggestion: ScenarioSuggest.nearest(to: name, among: names))
        }
        result.remove(at: index)
        continue
      }
      var cleaned = element
      if removeNode?.scalar?.text == "false", var mapping = element.mapping {
        mapping.removeValue(forKey: "remove")
        cleaned = ScenarioNode(.mapping(mapping), at: element.location)
      }
      if let index {
        result[index] = try result[index].merged(with: cleaned, at: path.appending(.named(name)))
      } else {
        result.append(cleaned)
      }
    }
    return result
  }

  /// This mapping without `key` (unchanged if absent or not a mapping).
  func removingKey(_ key: String) -> ScenarioNode {
    guard var mapping else { return self }
    mapping.removeValue(forKey: key)
    return ScenarioNode(.mapping(mapping), at: location)
  }
}
