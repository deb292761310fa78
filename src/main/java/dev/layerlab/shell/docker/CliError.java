package dev.layerlab.shell.docker;

/** A failure the docker CLI reports on stderr (already worded) with an exit status. */
final class CliError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  CliError(String message, int status) {
    super(message, null, false, false);
    this.status = status;
  }

  /** {@code Error response from daemon: ...}, status 1. */
  static CliError daemon(String message) {
    return new CliError("Error response from daemon: " + message, 1);
  }
}
