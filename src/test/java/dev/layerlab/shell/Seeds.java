package dev.layerlab.shell;

/** The seed of the random differential tests: fixed by default so CI is repeatable. */
final class Seeds {
  private static final long DEFAULT = 20181001L;

  private Seeds() {}

  /** {@code -Dlayerlab.seed=N} replays a run, {@code -Dlayerlab.seed=random} explores a new one. */
  static long seed() {
    String value = System.getProperty("layerlab.seed");
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    return value.equals("random") ? System.nanoTime() : Long.parseLong(value);
  }
}
