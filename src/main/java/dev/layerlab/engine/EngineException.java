package dev.layerlab.engine;

/**
 * A request the daemon refused, with the daemon's own message (e.g. {@code No such image:
 * foo:latest}); the client decides how to prefix it, as Docker's CLI does.
 */
public final class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP-ish class of the failure, which decides how clients word it. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID,
    FAILED
  }

  private final Kind kind;

  public EngineException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static EngineException notFound(String message) {
    return new EngineException(Kind.NOT_FOUND, message);
  }

  static EngineException conflict(String message) {
    return new EngineException(Kind.CONFLICT, message);
  }

  static EngineException invalid(String message) {
    return new EngineException(Kind.INVALID, message);
  }
}
