import SimKernel

/// What every subsystem model of one replication is built on: the simulation, the seeds of
/// its random streams and the run's shared emissions and cost accounts.
public struct ModelContext {
  /// The replication's event loop.
  public let simulation: Simulation
  /// The master seed (streams derive from it with the replication index).
  public let seed: UInt64
  /// The replication index, from 0.
  public let replication: Int
  /// The emissions and cost accounts every subsystem books into.
  public let accounts: SharedAccounts

  public init(simulation: Simulation, seed: UInt64, replication: Int, accounts: SharedAccounts) {
    self.simulation = simulation
    self.seed = seed
    self.replication = replication
    self.accounts = accounts
  }

  /// A random stream of this replication for a subsystem and purpose.
  public func stream(_ subsystem: String, _ purpose: String) -> RandomStream {
    RandomStream(seed: seed, replication: replication, subsystem: subsystem, purpose: purpose)
  }
}
