package dev.layerlab.shell.util.awk;

/** A compile or run-time error, reported as {@code mawk: line N: message} (or without a line when 0). */
class AwkException extends RuntimeException {
  private final int line;

  AwkException(String message, int line) {
    super(message, null, false, false);
    this.line = line;
  }

  AwkException(String message) {
    this(message, 0);
  }

  int line() {
    return line;
  }
}
