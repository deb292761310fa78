package dev.layerlab.engine.build;

/**
 * A build that stops: the message is the daemon's, {@code status} the exit status the client
 * ends with. A {@code rejected} build never started streaming, so the client prefixes
 * {@code Error response from daemon: } as for any failed API call.
 */
public final class BuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final boolean rejected;

  BuildException(String message, int status, boolean rejected) {
    super(message, null, false, false);
    this.status = status;
    this.rejected = rejected;
  }

  /** A Dockerfile the daemon refuses before the first step. */
  static BuildException rejected(String message) {
    return new BuildException(message, 1, true);
  }

  /** {@code dockerfile parse error line N: ...}. */
  static BuildException parse(int line, String message) {
    return rejected("dockerfile parse error line " + line + ": " + message);
  }

  /** A step that failed while the build was streaming. */
  static BuildException step(String message) {
    return new BuildException(message, 1, false);
  }

  public int status() {
    return status;
  }

  public boolean rejected() {
    return rejected;
  }
}
