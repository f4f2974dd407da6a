/// Scenario files: YAML with source locations, units, distributions, extends, key paths.
public enum ScenarioModule {}
