package dev.layerlab.shell.lang;

/** One token of a command line; {@code word} is set for words, {@code hereDoc} for a here-document delimiter. */
record Token(Kind kind, String text, Word word, HereDoc hereDoc) {
  enum Kind {
    WORD,
    OPERATOR,
    IO_NUMBER,
    /** {@code ((expression))} where a command starts: {@code text} is the expression. */
    ARITH,
    NEWLINE,
    EOF
  }

  boolean isOp(String op) {
    return kind == Kind.OPERATOR && text.equals(op);
  }

  /** True for an unquoted word spelling {@code reserved} ({@code if}, {@code done}...). */
  boolean isReserved(String reserved) {
    return kind == Kind.WORD && word.isLiteral(reserved);
  }

  /** How bash names this token in {@code syntax error near unexpected token `...'}. */
  String shown() {
    return kind == Kind.NEWLINE || kind == Kind.EOF ? "newline" : text;
  }
}
