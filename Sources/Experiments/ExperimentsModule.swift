/// Replications, sweeps, comparison.
public enum ExperimentsModule {}
