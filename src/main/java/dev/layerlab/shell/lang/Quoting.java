package dev.layerlab.shell.lang;

/** How bash and coreutils quote a string for re-use as shell input. */
public final class Quoting {
  private Quoting() {}

  /** The string as {@code set} and {@code ls --quoting-style=shell-escape} show it: bare when safe, else in single quotes. */
  public static String shell(String s) {
    if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
