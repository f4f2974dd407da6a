/// ChainSim's version, written to every results file (`software_version`). Results are
/// byte-identical for the same scenario, seed and version.
public enum SoftwareVersion {
  public static let string = "0.1.0"
}
