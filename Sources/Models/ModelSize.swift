import Scenario

/// Bounds on the tables a model allocates from products of its lists (categories ×
/// destinations, vehicles × categories, ...) and on the vehicles of a subsystem, checked by the
/// config readers: each list alone is bounded by the file's size and node limits, but a product
/// of two could ask for gigabytes (10,000 categories × 20,000 destinations), and every fleet
/// may have up to ``maxResourceCount`` vehicles.
enum ModelSize {
  /// The most vehicles of one subsystem, all fleets together (each has its own state).
  static let maxVehicles = 100_000
  /// The most cells of one table indexed by two lists.
  static let maxTableCells = 1_000_000

  /// Refuses `rows × columns` cells beyond ``maxTableCells``, naming both lists.
  static func checkTable(
    _ section: ScenarioSection, _ key: String?, rows: (count: Int, what: String), columns: (count: Int, what: String)
  ) throws(ScenarioError) {
    let cells = rows.count.multipliedReportingOverflow(by: columns.count)
    guard cells.overflow || cells.partialValue > maxTableCells else { return }
    throw section.error(
      key,
      "\(rows.count) \(rows.what) × \(columns.count) \(columns.what) is more than \(maxTableCells) combinations, the most a model tracks")
  }

  /// Refuses more than ``maxVehicles`` vehicles in all fleets together.
  static func checkVehicles(_ section: ScenarioSection, _ key: String, total: Int) throws(ScenarioError) {
    guard total > maxVehicles else { return }
    throw section.error(key, "expected at most \(maxVehicles) vehicles in all fleets together, found \(total)")
  }
}
