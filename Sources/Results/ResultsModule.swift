/// HDF5 results: write, read, merge.
public enum ResultsModule {}
