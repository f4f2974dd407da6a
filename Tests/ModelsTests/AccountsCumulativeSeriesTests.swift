import Models
import SimKernel
import Testing

/// The accounts' cumulative series (`co2_cumulative`, `cost_cumulative`) count from the end
/// of the warm-up, like the KPI totals: 0 at t = 0 and through the warm-up, never falling
/// (no credit is booked here), and ending at the KPI total. Before, they carried the warm-up's
/// own bookings and dropped to 0 when the warm-up reset the accounts.
struct AccountsCumulativeSeriesTests {
  @Test func cumulativeSeriesStartAtZeroRiseAndEndAtTheKPITotals() throws {
    let run = recyclingRun(recyclingConfig(), replications: 1, days: 30, warmupDays: 7)
    let out = Replication.run(run, index: 0)
    let accounts = try #require(out.subsystems.first { $0.name == "accounts" })
    for (series, total) in [("co2_cumulative", "co2_total"), ("cost_cumulative", "cost_total")] {
      let values = try #require(accounts.series.first { $0.info.name == series }).values
      let kpi = try #require(accounts.kpis.first { $0.info.name == total }).values[0]
      #expect(values.first == 0, "\(series) starts at 0")
      #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }, "\(series) never falls: \(values)")
      // Daily samples: days 0...7 are the warm-up (the sample at its end follows the reset).
      #expect(values.prefix(8).allSatisfy { $0 == 0 }, "\(series) is 0 through the warm-up: \(values.prefix(8))")
      #expect(try #require(values.last) > 0)
      #expect(abs(try #require(values.last) - kpi) <= 1e-9 * kpi, "\(series) ends at \(total)")
    }
  }
}
