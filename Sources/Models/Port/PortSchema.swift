import Scenario
import SimKernel

/// The keys of the `port` section: the one source from which the loader validates, the
/// config reads its defaults, and the JSON Schema and key reference are generated.
public enum PortSchema {
  /// The most moves one call may have (a draw is clamped to it, and the `moves` distribution's
  /// parameters, mean and sd may not exceed it): the largest ships, of 24,000 TEU, make about
  /// 30,000 moves in a full exchange.
  public static let maxMovesPerCall = 100_000.0

  static let terminal = Schema([
    .count("berths", min: 1, doc: "Berths at the terminal (vessels served at once)"),
    .count(
      "quay_cranes", min: 1, max: maxResourceCount, doc: "Quay cranes in the terminal's shared pool (at most 10,000: each can break down)"),
    .count("min_cranes_per_vessel", default: 1, min: 1, doc: "Cranes a vessel needs before it can start work"),
    .count("max_cranes_per_vessel", default: 4, min: 1, doc: "Most cranes that work one vessel"),
    .distribution(
      "crane_productivity", of: .rate,
      doc: "Moves per crane-hour, drawn per vessel on arrival (e.g. normal(mean: 28/h, sd: 4/h, min: 10/h))"),
    .count("yard_blocks", default: 1, min: 1, doc: "Yard blocks (with port.containers)"),
    .number("yard_block_teu", default: 1e9, min: 1, doc: "Stacking capacity of one yard block, in TEU; a full yard stops discharge"),
    .count("gate_lanes", default: 10, min: 1, doc: "Gate lanes open in working hours"),
    .duration("gate_opens", default: "0h", max: 24, doc: "Time of day the gate opens (0h with gate_closes 24h: round the clock)"),
    .duration(
      "gate_closes", default: "24h", max: 24, doc: "Time of day the gate closes; no truck passes outside [gate_opens, gate_closes)"),
    .distribution("gate_transaction", of: .duration, default: "2min", doc: "Time one truck holds a gate lane"),
    .distribution("truck_yard_time", of: .duration, default: "30min", doc: "Time a truck spends inside the terminal after the gate"),
    .duration("crane_mtbf", default: .optional, min: 1e-6, doc: "Mean time between breakdowns of one quay crane (absent: no breakdowns)"),
    .distribution("crane_repair", of: .duration, default: "2h", doc: "Repair time of a broken-down crane"),
  ])

  static let service = Schema([
    .string("terminal", doc: "Name of the terminal its line or alliance uses"),
    .list(
      "alternatives", of: .string, default: .optional,
      doc: "Terminals its vessels may be sent to when the home terminal's expected wait exceeds port.divert_above_wait"),
    .number(
      "calls_per_week", unit: .none, default: .optional, min: 0, max: 10_080,
      doc: "Scheduled calls per week, evenly spaced (give this or `interarrival`; at most one a minute)"),
    .distribution(
      "arrival_jitter", of: .duration, default: "0h", signed: true,
      doc: "Deviation of a scheduled vessel's arrival from its slot (at least minus the call notice)"),
    .distribution(
      "interarrival", of: .duration, default: .optional, doc: "Time between unscheduled arrivals (give this or `calls_per_week`)"),
    .distribution(
      "moves", of: .none, max: maxMovesPerCall,
      doc: "Container moves (discharge + load) per call, drawn per vessel (draws are kept within 1 and 100,000)"),
    .count("berth_priority", default: 0, max: 1_000_000, doc: "Lower is served first when `berth_discipline` is `priority`"),
  ])

  static let dischargeMix = Schema([
    .fraction("import", default: 1, doc: "Share of discharge moves that are laden imports"),
    .fraction("empty", default: 0, doc: "Share of discharge moves that are empties for the hinterland"),
    .fraction("transshipment", default: 0, doc: "Share of discharge moves that are transshipment (loaded again later)"),
  ])

  static let loadMix = Schema([
    .fraction("export", default: 1, doc: "Share of load moves that are laden exports"),
    .fraction("empty", default: 0, doc: "Share of load moves that are empties (repositioning)"),
    .fraction(
      "transshipment", default: 0,
      doc: "Share of load moves that are transshipment (not drawn: a vessel loads the transshipment boxes ready for it)"),
  ])

  static let containers = Schema([
    .number("teu_per_single_lift", default: 1.6, min: 1, max: 2.25, doc: "TEU of a box lifted alone (mix of 20', 40', 45')"),
    .fraction("twin_lift_share", default: 0, doc: "Share of moves that lift two 20' boxes at once (2 TEU)"),
    .fraction("discharge_share", default: 0.5, doc: "Share of a call's moves that are discharge"),
    .section("discharge_mix", dischargeMix, doc: "Discharge moves by flow (shares sum to 1)"),
    .section("load_mix", loadMix, doc: "Load moves by flow (shares sum to 1)"),
    .distribution(
      "import_dwell", of: .duration, default: "3d", doc: "Time from customs release until the consignee's truck comes for an import box"),
    .distribution("empty_dwell", of: .duration, default: "10d", doc: "Time from discharge until an empty is picked up"),
    .distribution("transshipment_dwell", of: .duration, default: "2d", doc: "Connection time before a transshipment box can be loaded"),
    .distribution("export_lead", of: .duration, default: "2d", doc: "How long before the cut-off an export truck reaches the gate"),
    .duration("cutoff", default: "24h", doc: "Exports must be in the yard and cleared this long before the scheduled arrival"),
    .number("moves_per_batch", default: 10, min: 1, doc: "Moves per tracked batch (one crane chunk, one group of trucks)"),
    .duration("call_notice", default: "7d", min: 1e-6, doc: "How long ahead a scheduled call is announced (its exports start arriving)"),
  ])

  static let customs = Schema([
    .fraction(
      "import_advance_declaration", default: 0,
      doc: "Share of import declarations lodged before arrival (documents cleared at discharge) — green clearance lever"),
    .distribution("import_document_time", of: .duration, default: "0h", doc: "Document check of an import declared at discharge"),
    .fraction("import_inspection_rate", default: 0, doc: "Share of import batches inspected — green clearance lever"),
    .fraction("export_advance_declaration", default: 0, doc: "Share of export declarations lodged before gate-in"),
    .distribution("export_document_time", of: .duration, default: "0h", doc: "Document check of an export declared at gate-in"),
    .fraction("export_inspection_rate", default: 0, doc: "Share of export batches inspected"),
    .distribution("inspection_time", of: .duration, default: "4h", doc: "Inspection of one batch"),
    .count("inspection_teams", default: 1, min: 1, doc: "Inspection teams working in parallel"),
  ])

  static let closure = Schema([
    .duration("start", doc: "Start of the closure, from the start of the run"),
    .duration("duration", min: 1e-9, doc: "Length of the closure"),
  ])

  static let channel = Schema([
    .distribution("transit", of: .duration, default: "0h", doc: "Transit between the anchorage and the berth, each way"),
    .namedList("closures", closure, doc: "Closures on a calendar (fog, wind, events), each named"),
    .number("random_closures_per_year", default: 0, min: 0, doc: "Random closures per year (a Poisson process)"),
    .distribution("closure_duration", of: .duration, default: "6h", doc: "Duration of a random closure"),
  ])

  /// The `port` section.
  public static let schema = Schema([
    .bool("enabled", default: true, doc: "Simulate the port (false: leave it out of the run)"),
    .choice(
      "berth_discipline", QueueDiscipline.allCases.map(\.rawValue), default: "fifo",
      doc: "Order in which anchored vessels get a berth: fifo, or priority (by service berth_priority, then FIFO)"),
    .duration(
      "divert_above_wait", default: .optional,
      doc: "A vessel whose home terminal's expected wait exceeds this goes to the alternative with the shortest expected wait"),
    .namedList("terminals", terminal, doc: "Container terminals: berths with a shared quay-crane pool, a yard and a gate"),
    .namedList("services", service, doc: "Liner services and vessel classes calling at the terminals"),
    .section("containers", containers, doc: "Boxes behind the moves: TEU per move, flows, dwell, cut-off (absent: berth core only)"),
    .section("customs", customs, doc: "Customs clearance of import and export boxes (green clearance levers)"),
    .section("channel", channel, doc: "The approach channel: transit times and closures"),
  ])
}
