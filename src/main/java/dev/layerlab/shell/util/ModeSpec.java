package dev.layerlab.shell.util;

/** chmod's MODE argument: octal ({@code 4755}) or symbolic ({@code u+x,go-w}, {@code a=rX}). */
final class ModeSpec {
  private static final int UMASK = 022;

  private ModeSpec() {}

  /** The new 12 permission bits from {@code current}, or null when {@code spec} is not a mode. */
  static Integer apply(String spec, int current, boolean isDir) {
    if (spec.matches("[0-7]{1,4}")) {
      int v = Integer.parseInt(spec, 8);
      // GNU keeps a directory's setuid/setgid bits unless the octal mode names them with 5 digits
      if (isDir && spec.length() < 5) {
        v |= current & 06000 & ~(spec.length() == 4 ? 07777 : 0);
      }
      return v;
    }
    int mode = current & 07777;
    for (String clause : spec.split(",", -1)) {
      int i = 0;
      int who = 0;
      while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
        who |= switch (clause.charAt(i)) {
          case 'u' -> 04700;
          case 'g' -> 02070;
          case 'o' -> 01007;
          default -> 07777;
        };
        i++;
      }
      boolean defaultWho = who == 0;
      if (defaultWho) {
        who = 07777;
      }
      if (i >= clause.length()) {
        return null;
      }
      while (i < clause.length()) {
        char op = clause.charAt(i++);
        if ("+-=".indexOf(op) < 0) {
          return null;
        }
        int bits = 0;
        while (i < clause.length() && "rwxXstugo".indexOf(clause.charAt(i)) >= 0) {
          char p = clause.charAt(i++);
          bits |= switch (p) {
            case 'r' -> 0444;
            case 'w' -> 0222;
            case 'x' -> 0111;
            case 'X' -> (isDir || (mode & 0111) != 0) ? 0111 : 0;
            case 's' -> 06000;
            case 't' -> 01000;
            case 'u' -> copy((mode >> 6) & 7);
            case 'g' -> copy((mode >> 3) & 7);
            default -> copy(mode & 7);
          };
        }
        int mask = who & bits;
        if (defaultWho) {
          mask &= ~UMASK;
        }
        switch (op) {
          case '+' -> mode |= mask;
          case '-' -> mode &= ~mask;
          default -> {
            int clear = isDir && (bits & 06000) == 0 ? who & ~06000 : who;
            mode = (mode & ~clear) | mask;
          }
        }
        if (i < clause.length() && "+-=".indexOf(clause.charAt(i)) < 0) {
          return null;
        }
      }
    }
    return mode;
  }

  private static int copy(int rwx) {
    return rwx * 0111;
  }
}
