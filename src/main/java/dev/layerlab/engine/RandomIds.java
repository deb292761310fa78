package dev.layerlab.engine;

import java.util.HexFormat;
import java.util.Random;

/**
 * The random identifiers Docker makes: cache-ids, mount-ids and container IDs (64 hex, never
 * with twelve leading digits, so a short ID cannot be mistaken for a number) and the 26-character
 * base32 names of {@code overlay2/l/}. One seeded {@link Random} makes a run reproducible.
 */
final class RandomIds {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final Random random;

  RandomIds(Random random) {
    this.random = random;
  }

  /** stringid.GenerateRandomID: 32 random bytes in hex, retried while the short form is all digits. */
  String id() {
    while (true) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      String hex = HexFormat.of().formatHex(b);
      if (!hex.substring(0, 12).chars().allMatch(Character::isDigit)) {
        return hex;
      }
    }
  }

  /** The short link name of a layer: 17 random bytes in base32, cut to 26 characters. */
  String linkName() {
    byte[] b = new byte[17];
    random.nextBytes(b);
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte x : b) {
      buffer = (buffer << 8) | (x & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    return out.substring(0, 26);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
