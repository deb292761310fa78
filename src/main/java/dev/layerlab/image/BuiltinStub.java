package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The stand-in for a program binary inside an image: a small file that names the built-in
 * utility it runs, so that deleting {@code /bin/ls} in a container really breaks {@code ls}
 * there.
 *
 * <p>It starts with the ELF magic so that it reads as a binary (as the real file would), then
 * says in plain words which utility it stands for.
 */
public final class BuiltinStub {
  private static final String MAGIC = "\u007fELF";
  private static final String MARKER = MAGIC + "\nlayerlab builtin: ";

  private BuiltinStub() {}

  /** The bytes of a stub for {@code utility}, e.g. {@code ls}. */
  public static byte[] bytes(String utility) {
    return (MARKER + utility + "\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The utility a stub names, or empty when {@code content} is not a stub. */
  public static Optional<String> utility(byte[] content) {
    String text = new String(content, 0, Math.min(content.length, 256), StandardCharsets.ISO_8859_1);
    if (!text.startsWith(MARKER)) {
      return Optional.empty();
    }
    int end = text.indexOf('\n', MARKER.length());
    return end < 0 ? Optional.empty() : Optional.of(text.substring(MARKER.length(), end));
  }
}
