package dev.layerlab.learn;

/**
 * A mistake in a lesson file, pointing at the line to fix: {@code 03-ubuntu.lesson:12: ...}.
 *
 * @param translation only a translation is missing: the lesson still runs, in English where the
 *     text is missing
 */
public record Problem(String file, int line, String message, boolean translation) {
  public Problem(String file, int line, String message) {
    this(file, line, message, false);
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
