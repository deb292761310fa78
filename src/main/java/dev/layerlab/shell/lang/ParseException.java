package dev.layerlab.shell.lang;

/**
 * A line bash would refuse, with bash's own message ({@code syntax error near unexpected token
 * `;;'}). {@code incomplete} is true when more input could complete it (an open quote, a
 * here-document, a trailing {@code |}), which is when an interactive shell prompts with {@code > }.
 */
public final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean incomplete;
  /** The status the line ends with; -1 keeps the one before it. */
  private final int status;

  ParseException(String message, boolean incomplete) {
    this(message, incomplete, 2);
  }

  private ParseException(String message, boolean incomplete, int status) {
    super(message, null, false, false);
    this.incomplete = incomplete;
    this.status = status;
  }

  /** The same error met inside {@code name=(...)}, where bash ends the line with status 1. */
  ParseException inCompoundAssignment() {
    return new ParseException(getMessage(), incomplete, 1);
  }

  /**
   * An error inside {@code [[ ... ]]} before the end of the input: bash 5 prints only this
   * message (none when it is empty) and leaves {@code $?} as it was.
   */
  static ParseException conditional(String message) {
    return new ParseException(message, false, -1);
  }

  /** An error inside {@code [[ ... ]]} at the end of the input, with the usual status 2. */
  static ParseException conditionalAtEnd(String message, boolean incomplete) {
    return new ParseException(message, incomplete, 2);
  }

  /** The same error with another line after it, as bash adds {@code expected `)'} for a group. */
  ParseException withLine(String line) {
    String message = getMessage().isEmpty() ? line : getMessage() + "\n" + line;
    return new ParseException(message, incomplete, status);
  }

  /** True when the command's status stays what it was before the line. */
  public boolean keepsStatus() {
    return status < 0;
  }

  /** The status bash gives a line it refuses (when it does not keep the previous one). */
  public int status() {
    return status;
  }

  static ParseException unexpectedToken(String token) {
    return new ParseException("syntax error near unexpected token `" + token + "'", false);
  }

  static ParseException unexpectedEof() {
    return new ParseException("syntax error: unexpected end of file", true);
  }

  public boolean incomplete() {
    return incomplete;
  }
}
