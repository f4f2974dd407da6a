/// Running totals by label, with labels registered up front and addressed by index.
/// The storage behind ``EmissionsAccount`` and ``CostAccount``.
struct _LabelledLedger: Sendable, Equatable {
  private(set) var labels: [String] = []
  private(set) var totals: [Double] = []
  /// Lookup only; never iterated.
  private var indexByLabel: [String: Int] = [:]

  mutating func register(_ label: String) -> Int {
    if let i = indexByLabel[label] { return i }
    labels.append(label)
    totals.append(0)
    indexByLabel[label] = labels.count - 1
    return labels.count - 1
  }

  func index(of label: String) -> Int? { indexByLabel[label] }

  @inline(__always) mutating func add(_ amount: Double, at index: Int) {
    totals[index] += amount
  }

  var grandTotal: Double { totals.reduce(0, +) }

  mutating func reset() {
    for i in totals.indices { totals[i] = 0 }
  }
}
