package dev.layerlab.learn;

import java.math.BigDecimal;
import java.math.MathContext;

/** Sizes as the Docker CLI prints them: decimal units, three significant digits ({@code 84.1MB}, {@code 7B}). */
final class Sizes {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

  private Sizes() {}

  static String human(long bytes) {
    double v = bytes;
    int u = 0;
    while (v >= 1000 && u < UNITS.length - 1) {
      v /= 1000;
      u++;
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
    return d.toPlainString() + UNITS[u];
  }
}
