import SimKernel

/// The port as the rail model sees it: the two handovers of the coupling and the port's own
/// counters of them (to check both sides agree). `PortModel` is the real one; tests may use
/// a stand-in.
protocol RailPortHandover: AnyObject {
  /// An import the rail took leaves the port yard now.
  func pickUpByRail(batch: Int32)
  /// An export brought by train enters the terminal now.
  func deliverByRail(batch: Int32)
  /// TEU the port handed to the rail yard since the warm-up.
  var railImportTEUSinceWarmup: Double { get }
  /// Export TEU the port agreed would come by rail since the warm-up.
  var railExportTEUSinceWarmup: Double { get }
  /// Quay throughput since the warm-up (TEU), for the rail share of throughput.
  var quayTEUSinceWarmup: Double { get }
}

extension PortModel: RailPortHandover {
  var railImportTEUSinceWarmup: Double { metrics.railImportTEU }
  var railExportTEUSinceWarmup: Double { metrics.railExportTEU }
  var quayTEUSinceWarmup: Double { metrics.quayTEU.reduce(0, +) }
}
