package dev.layerlab.shell.util;

/**
 * One piece of a sed script (an {@code -e} text or a {@code -f} file) read a character at a
 * time, as GNU sed reads it, so that an error can say where it stopped: the expression and
 * character, or the file and line.
 */
final class SedSource {
  private final String text;
  private final String file;
  private final int expression;
  private int pos;

  /** {@code file} is null for an {@code -e} text, which is then expression number {@code expression}. */
  SedSource(String text, String file, int expression) {
    this.text = text;
    this.file = file;
    this.expression = expression;
  }

  /** Where a block opened here is reported if it never closes: the expression number, or minus the file's line. */
  int blockMark() {
    return file == null ? expression : -lineNow();
  }

  /** Whether the piece starts with GNU's {@code #n} line, which acts as {@code -n}. */
  boolean quietMarker() {
    return text.equals("#n") || text.startsWith("#n\n");
  }

  int in() {
    return pos < text.length() ? text.charAt(pos++) : -1;
  }

  void back(int ch) {
    if (ch != -1) {
      pos--;
    }
  }

  int nonblank() {
    int ch;
    do {
      ch = in();
    } while (ch == ' ' || ch == '\t');
    return ch;
  }

  SedParser.Error bad(String message) {
    return new SedParser.Error(where() + ": " + message, 1);
  }

  private String where() {
    if (file == null) {
      return "-e expression #" + expression + ", char " + pos;
    }
    int line = 1;
    for (int i = 0; i < pos; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return "file " + file + " line " + line;
  }

  int lineNow() {
    return (int) text.substring(0, pos).chars().filter(c -> c == '\n').count() + 1;
  }

  int integer(int firstDigit) {
    long n = firstDigit - '0';
    int ch = in();
    while (ch >= '0' && ch <= '9') {
      n = Math.min(Integer.MAX_VALUE, n * 10 + (ch - '0'));
      ch = in();
    }
    back(ch);
    return (int) n;
  }

  /**
   * The text up to an unescaped {@code delim}, or null when the line or piece ends first. An
   * escaped delimiter loses its backslash, {@code \n} in a regex becomes a newline, and a
   * bracket expression in a regex is taken whole (a delimiter inside it is an ordinary char).
   */
  String delimited(int delim, boolean isRegex) {
    StringBuilder b = new StringBuilder();
    int ch;
    while ((ch = in()) != -1 && ch != '\n') {
      if (ch == delim) {
        return b.toString();
      }
      if (ch == '\\') {
        ch = in();
        if (ch == -1) {
          break;
        } else if (ch == 'n' && isRegex) {
          ch = '\n';
        } else if (ch != '\n' && (ch != delim || !isRegex && ch == '&')) {
          b.append('\\');
        }
      } else if (ch == '[' && isRegex) {
        if (!bracket(b)) {
          return null;
        }
        continue;
      }
      b.append((char) ch);
    }
    back(ch == '\n' ? ch : -1);
    return null;
  }

  /** Copies a bracket expression (its {@code [} already read) verbatim; false if it never closes. */
  private boolean bracket(StringBuilder b) {
    b.append('[');
    int start = pos;
    if (pos < text.length() && text.charAt(pos) == '^') {
      b.append('^');
      pos++;
      start = pos;
    }
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ']' && pos > start) {
        b.append(']');
        pos++;
        return true;
      }
      if (c == '[' && pos + 1 < text.length() && ":.=".indexOf(text.charAt(pos + 1)) >= 0) {
        int end = text.indexOf(text.charAt(pos + 1) + "]", pos + 2);
        if (end >= 0) {
          b.append(text, pos, end + 2);
          pos = end + 2;
          continue;
        }
      }
      if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == 'n') {
        b.append('\n');
        pos += 2;
        continue;
      }
      b.append(c);
      pos++;
    }
    return false;
  }

  /**
   * a/i/c text from {@code leadin} (the char after the backslash, or a newline for GNU's one-line
   * form) to the end of the line, lines continued by a backslash; null when the piece ended first.
   */
  String text(int leadin) {
    if (leadin == -1) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    if (leadin != '\n') {
      b.append((char) leadin);
    }
    int ch = in();
    while (ch != -1 && ch != '\n') {
      if (ch == '\\') {
        ch = in();
        if (ch != -1) {
          b.append('\\');
        }
      }
      if (ch == -1) {
        break;
      }
      b.append((char) ch);
      ch = in();
    }
    b.append('\n');
    return SedText.text(b.toString());
  }

  String label() {
    int ch = nonblank();
    StringBuilder b = new StringBuilder();
    while (ch != -1 && ch != '\n' && ch != ';' && ch != ' ' && ch != '\t' && ch != '\r' && ch != '}') {
      b.append((char) ch);
      ch = in();
    }
    back(ch);
    if (ch == ';' || ch == '\n') {
      in();
    }
    return b.toString();
  }

  String fileName() throws SedParser.Error {
    String name = restOfLine();
    if (name.isEmpty()) {
      throw bad("missing filename in r/R/w/W commands");
    }
    return name;
  }

  String restOfLine() {
    int ch = nonblank();
    StringBuilder b = new StringBuilder();
    while (ch != -1 && ch != '\n') {
      b.append((char) ch);
      ch = in();
    }
    return b.toString();
  }
}
