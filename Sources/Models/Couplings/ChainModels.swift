import SimKernel

/// The enabled models of one replication, built in their fixed order and coupled: the port
/// first, then the hinterland models that couple to it — rail as its landside
/// (``PortLandside``), the ring as an observer of imports leaving by road
/// (``PortImportObserver``) — then recycling.
struct ChainModels {
  let port: PortModel?
  let rail: RailModel?
  let ring: RingModel?
  let recycling: RecyclingModel?

  /// Builds (and registers with the context's simulation) every enabled model of `config`.
  /// Rail needs the port (without it there is nothing to carry: it is left out).
  init(_ config: ChainSimConfig, context: ModelContext) {
    let port = config.port.map { PortModel(config: $0, context: context) }
    self.port = port
    if let railConfig = config.rail, let port {
      let rail = RailModel(config: railConfig, context: context, port: port)
      port.landside = rail
      self.rail = rail
    } else {
      rail = nil
    }
    if let ringConfig = config.ring {
      let ring = RingModel(config: ringConfig, context: context)
      port?.importObservers.append(ring)
      self.ring = ring
    } else {
      ring = nil
    }
    recycling = config.recycling.map { RecyclingModel(config: $0, context: context) }
  }

  /// The models in their order: start, output and traces follow it.
  var all: [any SubsystemModel] {
    var models: [any SubsystemModel] = []
    if let port { models.append(port) }
    if let rail { models.append(rail) }
    if let ring { models.append(ring) }
    if let recycling { models.append(recycling) }
    return models
  }
}
