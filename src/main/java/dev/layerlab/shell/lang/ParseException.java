package dev.layerlab.shell.lang;

/**
 * A line bash would refuse, with bash's own message ({@code syntax error near unexpected token
 * `;;'}). {@code incomplete} is true when more input could complete it (an open quote, a
 * here-document, a trailing {@code |}), which is when an interactive shell prompts with {@code > }.
 */
public final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean incomplete;
  private final boolean keepsStatus;

  ParseException(String message, boolean incomplete) {
    this(message, incomplete, false);
  }

  private ParseException(String message, boolean incomplete, boolean keepsStatus) {
    super(message, null, false, false);
    this.incomplete = incomplete;
    this.keepsStatus = keepsStatus;
  }

  /**
   * An error inside {@code [[ ... ]]} before the end of the input: bash 5 prints only this
   * message (none when it is empty) and leaves {@code $?} as it was.
   */
  static ParseException conditional(String message) {
    return new ParseException(message, false, true);
  }

  /** An error inside {@code [[ ... ]]} at the end of the input, with the usual status 2. */
  static ParseException conditionalAtEnd(String message, boolean incomplete) {
    return new ParseException(message, incomplete, false);
  }

  /** The same error with another line after it, as bash adds {@code expected `)'} for a group. */
  ParseException withLine(String line) {
    String message = getMessage().isEmpty() ? line : getMessage() + "\n" + line;
    return new ParseException(message, incomplete, keepsStatus);
  }

  /** True when the command's status stays what it was before the line. */
  public boolean keepsStatus() {
    return keepsStatus;
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
