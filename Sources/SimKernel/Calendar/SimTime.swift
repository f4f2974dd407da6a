/// Simulation time, in the kernel's one internal unit: hours.
///
/// Scenario files always say their units (`45min`, `6h`, `2d`); the loader converts to hours.
public typealias SimTime = Double

/// The kernel's time unit, as written to results files (`time_unit`).
public let kernelTimeUnit = "h"
