package dev.layerlab.learn;

/** A mistake in a lesson file, pointing at the line to fix: {@code 03-ubuntu.lesson:12: ...}. */
public record Problem(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
