/// Subsystem models: port, rail, ring, recycling.
public enum ModelsModule {}
