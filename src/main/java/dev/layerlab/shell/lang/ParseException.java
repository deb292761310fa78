package dev.layerlab.shell.lang;

/**
 * A line bash would refuse, with bash's own message ({@code syntax error near unexpected token
 * `;;'}). {@code incomplete} is true when more input could complete it (an open quote, a
 * here-document, a trailing {@code |}), which is when an interactive shell prompts with {@code > }.
 */
public final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean incomplete;

  ParseException(String message, boolean incomplete) {
    super(message, null, false, false);
    this.incomplete = incomplete;
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
