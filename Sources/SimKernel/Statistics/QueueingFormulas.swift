/// Analytic results for simple queues, used to validate the kernel and the models.
///
/// Rates are per unit time (per hour in the kernel); waits come back in the same unit.
/// An unstable queue (utilisation ≥ 1) gives a probability of wait of 1 and an infinite wait.
public enum QueueingFormulas {
  /// Erlang's B formula: the blocking probability of M/M/c/c with offered load
  /// `a = λ/μ`, by the stable recursion `B₀ = 1`, `Bₖ = a·Bₖ₋₁ / (k + a·Bₖ₋₁)`.
  public static func erlangB(servers c: Int, offeredLoad a: Double) -> Double {
    guard c >= 0, a >= 0 else { return .nan }
    var b = 1.0
    if c == 0 { return b }
    for k in 1...c { b = a * b / (Double(k) + a * b) }
    return b
  }

  /// Erlang's C formula: the probability that an arrival waits in M/M/c with offered load
  /// `a = λ/μ` (`C = c·B / (c − a·(1 − B))`). Returns 1 when `a ≥ c` (unstable).
  public static func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
    guard c >= 1, a >= 0 else { return .nan }
    if a >= Double(c) { return 1 }
    let b = erlangB(servers: c, offeredLoad: a)
    return Double(c) * b / (Double(c) - a * (1 - b))
  }

  /// The mean wait in queue `Wq = C / (c·μ − λ)` of M/M/c (`+∞` when `λ ≥ c·μ`).
  public static func mmcMeanWait(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double {
    guard lambda >= 0, mu > 0, c >= 1 else { return .nan }
    let capacity = Double(c) * mu
    if lambda >= capacity { return .infinity }
    return erlangC(servers: c, offeredLoad: lambda / mu) / (capacity - lambda)
  }

  /// The mean number waiting `Lq = λ·Wq` of M/M/c (Little's law).
  public static func mmcMeanQueueLength(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double {
    let wq = mmcMeanWait(arrivalRate: lambda, serviceRate: mu, servers: c)
    return wq.isInfinite ? .infinity : lambda * wq
  }

  /// The Pollaczek–Khinchine mean wait in queue of M/G/1:
  /// `Wq = λ·E[S²] / (2·(1 − ρ))`, `ρ = λ·E[S]` (`+∞` when `ρ ≥ 1`).
  /// - Parameters:
  ///   - arrivalRate: λ.
  ///   - serviceMean: E[S].
  ///   - serviceSecondMoment: E[S²] = Var[S] + E[S]².
  public static func mg1MeanWait(arrivalRate lambda: Double, serviceMean: Double, serviceSecondMoment: Double) -> Double {
    guard lambda >= 0, serviceMean > 0, serviceSecondMoment >= 0 else { return .nan }
    let rho = lambda * serviceMean
    if rho >= 1 { return .infinity }
    return lambda * serviceSecondMoment / (2 * (1 - rho))
  }

  /// The Pollaczek–Khinchine mean wait of M/G/1 from the squared coefficient of variation of
  /// service `scv = Var[S]/E[S]²`: `Wq = ρ/(1 − ρ) · (1 + scv)/2 · E[S]`.
  public static func mg1MeanWait(arrivalRate lambda: Double, serviceMean: Double, serviceSCV scv: Double) -> Double {
    mg1MeanWait(
      arrivalRate: lambda, serviceMean: serviceMean,
      serviceSecondMoment: (1 + scv) * serviceMean * serviceMean)
  }
}
