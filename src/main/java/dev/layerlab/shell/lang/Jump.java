package dev.layerlab.shell.lang;

/** The non-local exits of the language: {@code exit}, {@code return}, {@code break}, {@code continue}. */
final class Jump extends RuntimeException {
  private static final long serialVersionUID = 1L;

  enum Kind {
    EXIT,
    RETURN,
    BREAK,
    CONTINUE,
    /** An expansion error abandons the rest of the line. */
    ABORT
  }

  final Kind kind;
  final int value;

  Jump(Kind kind, int value) {
    super(null, null, false, false);
    this.kind = kind;
    this.value = value;
  }
}
