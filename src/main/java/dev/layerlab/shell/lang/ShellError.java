package dev.layerlab.shell.lang;

/** A failure bash reports as {@code bash: message} and that ends the current command with {@code status}. */
final class ShellError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  /** bash abandons the rest of the line after an arithmetic error or {@code ${x:?}}. */
  final boolean abortsLine;

  ShellError(String message, int status) {
    this(message, status, false);
  }

  ShellError(String message, int status, boolean abortsLine) {
    super(message, null, false, false);
    this.status = status;
    this.abortsLine = abortsLine;
  }
}
