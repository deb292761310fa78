package dev.layerlab.shell.lang;

/** A failure bash reports as {@code bash: message} and that ends the current command with {@code status}. */
final class ShellError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  ShellError(String message, int status) {
    super(message, null, false, false);
    this.status = status;
  }
}
