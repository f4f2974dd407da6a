import SimKernel

/// What every subsystem model of one replication is built on: the simulation and its
/// horizon, the random streams of the replication, and the run's shared emissions and cost
/// accounts.
///
/// A model takes from the context what it would otherwise set up itself, in its initialiser:
/// its streams (``stream(_:_:_:)``), its sources in the accounts
/// (``emissionSource(_:_:)``, ``costCategory(_:_:)``) and its place in the event loop
/// (``register(_:)``). The context is a value the models read while they are built; they do
/// not keep it (the simulation owns the models).
public struct ModelContext {
  /// The replication's event loop.
  public let simulation: Simulation
  /// The master seed (streams derive from it with the replication index).
  public let seed: UInt64
  /// The replication index, from 0.
  public let replication: Int
  /// The emissions and cost accounts every subsystem books into.
  public let accounts: SharedAccounts
  /// The run's end, in hours (warm-up included).
  public let horizon: SimTime

  /// Creates the context of replication `replication` on `simulation`.
  /// - Parameter horizon: the run's end; nil takes the simulation's last sample time (the
  ///   horizon whenever it is a whole number of sample intervals).
  public init(simulation: Simulation, seed: UInt64, replication: Int, accounts: SharedAccounts, horizon: SimTime? = nil) {
    self.simulation = simulation
    self.seed = seed
    self.replication = replication
    self.accounts = accounts
    self.horizon = horizon ?? simulation.sampler.times.last ?? 0
  }

  /// The random stream of this replication for `subsystem`'s `purpose`, per `name` when the
  /// purpose has one stream per named thing (a service, a terminal, a corridor).
  ///
  /// The stream's purpose string is `purpose`, or `purpose/name` (`arrivals/UICT`,
  /// `trains/Xi'an/import`): part of the stream scheme, so it never changes for an existing
  /// stream (see ``RandomStream``).
  public func stream(_ subsystem: Subsystem, _ purpose: String, _ name: String? = nil) -> RandomStream {
    RandomStream(
      seed: seed, replication: replication, subsystem: subsystem.name,
      purpose: name.map { "\(purpose)/\($0)" } ?? purpose)
  }

  /// Registers `subsystem`'s emission source `source` in the shared account, as
  /// `subsystem.source` (`rail.trains`), and returns its index for booking.
  public func emissionSource(_ subsystem: Subsystem, _ source: String) -> Int {
    accounts.emissions.registerSource("\(subsystem.name).\(source)")
  }

  /// Registers `subsystem`'s cost category `category` in the shared account, as
  /// `subsystem.category` (`rail.subsidy`), and returns its index for booking.
  public func costCategory(_ subsystem: Subsystem, _ category: String) -> Int {
    accounts.costs.registerCategory("\(subsystem.name).\(category)")
  }

  /// Registers `model` as the handler of its subsystem's events (and of the warm-up's end).
  public func register<Model: SubsystemModel>(_ model: Model) {
    simulation.register(model, for: Model.subsystem.tag)
  }
}
