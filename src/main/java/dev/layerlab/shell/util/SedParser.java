package dev.layerlab.shell.util;

import dev.layerlab.shell.util.SedCommand.Address;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles sed scripts the way GNU sed reads them: one piece per {@code -e} or {@code -f}, read
 * a character at a time, so that an error names the expression and the character (or the
 * file and line) where GNU sed would stop.
 */
final class SedParser {
  /** One {@code -e} text, or the contents of one {@code -f} file (then {@code file} names it). */
  record Piece(String text, String file) {}

  /** A script GNU sed refuses, with its message and exit status. */
  static final class Error extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Error(String message, int status) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private final boolean extended;
  private final List<SedCommand> commands = new ArrayList<>();
  private final Deque<int[]> blocks = new ArrayDeque<>();
  private String src;
  private int pos;
  private String file;
  private int expression;
  private boolean quiet;
  private SedCommand pendingText;

  private SedParser(boolean extended) {
    this.extended = extended;
  }

  /** The compiled script, with {@code #n} on its first line reported through {@code quiet[0]}. */
  static List<SedCommand> compile(List<Piece> pieces, boolean extended, boolean[] quiet) throws Error {
    SedParser p = new SedParser(extended);
    for (int k = 0; k < pieces.size(); k++) {
      Piece piece = pieces.get(k);
      p.src = piece.text();
      p.pos = 0;
      p.file = piece.file();
      if (piece.file() == null) {
        p.expression++;
      }
      p.piece(k == 0, k + 1 < pieces.size());
    }
    if (!p.blocks.isEmpty()) {
      int[] open = p.blocks.peek();
      throw new Error((open[1] < 0 ? "file " + pieces.get(open[2]).file() + " line " + (-open[1]) : "-e expression #"
          + open[1] + ", char 0") + ": unmatched `{'", 1);
    }
    p.resolveLabels();
    quiet[0] = p.quiet;
    return p.commands;
  }

  private int in() {
    return pos < src.length() ? src.charAt(pos++) : -1;
  }

  private void back(int ch) {
    if (ch != -1) {
      pos--;
    }
  }

  private int nonblank() {
    int ch;
    do {
      ch = in();
    } while (ch == ' ' || ch == '\t');
    return ch;
  }

  private Error bad(String message) {
    return new Error(where() + ": " + message, 1);
  }

  private String where() {
    if (file == null) {
      return "-e expression #" + expression + ", char " + pos;
    }
    int line = 1;
    for (int i = 0; i < pos; i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return "file " + file + " line " + line;
  }

  private int lineNow() {
    return (int) src.substring(0, pos).chars().filter(c -> c == '\n').count() + 1;
  }

  private int pieceIndex;

  private void piece(boolean first, boolean more) throws Error {
    if (first && (src.equals("#n") || src.startsWith("#n\n"))) {
      quiet = true;
    }
    if (pendingText != null) {
      SedCommand cmd = pendingText;
      pendingText = null;
      readText(cmd, '\n', more);
    }
    while (true) {
      int ch = in();
      while (ch == ';' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == 0x0b) {
        ch = in();
      }
      if (ch == -1) {
        break;
      }
      SedCommand cmd = command(ch, more);
      if (cmd != null) {
        commands.add(cmd);
      }
    }
    pieceIndex++;
  }

  private SedCommand command(int first, boolean more) throws Error {
    int ch = first;
    Address a1 = address(ch);
    Address a2 = null;
    if (a1 != null) {
      if (a1 instanceof SedCommand.Plus || a1 instanceof SedCommand.Multiple) {
        throw bad("invalid usage of +N or ~N as first address");
      }
      ch = nonblank();
      if (ch == ',') {
        a2 = address(nonblank());
        if (a2 == null) {
          throw bad("unexpected `,'");
        }
        ch = nonblank();
      }
      if (a1 instanceof SedCommand.Line l && l.n() == 0 && !(a2 instanceof SedCommand.Match)
          || a2 instanceof SedCommand.Line l2 && l2.n() == 0) {
        throw bad("invalid usage of line address 0");
      }
    }
    boolean negate = false;
    if (ch == '!') {
      negate = true;
      ch = nonblank();
      if (ch == '!') {
        throw bad("multiple `!'s");
      }
    }
    while (ch == ' ' || ch == '\t' || ch == '\n' && a1 == null && !negate) {
      ch = in();
    }
    if (ch == -1 || ch == '\n') {
      throw bad("missing command");
    }
    SedCommand cmd = new SedCommand((char) ch);
    cmd.a1 = a1;
    cmd.a2 = a2;
    cmd.negate = negate;
    switch (ch) {
      case '#' -> {
        if (a1 != null) {
          throw bad("comments don't accept any addresses");
        }
        int c;
        do {
          c = in();
        } while (c != -1 && c != '\n');
        return null;
      }
      case '{' -> blocks.push(new int[] {commands.size(), file == null ? expression : -lineNow(), pieceIndex});
      case '}' -> {
        if (blocks.isEmpty()) {
          throw bad("unexpected `}'");
        }
        if (a1 != null) {
          throw bad("} doesn't want any addresses");
        }
        commands.get(blocks.pop()[0]).jump = commands.size() + 1;
        endOfCommand();
      }
      case 'a', 'i', 'c' -> {
        int c = nonblank();
        if (c == -1) {
          throw bad("expected \\ after `a', `c' or `i'");
        }
        if (c == '\\') {
          c = in();
        } else {
          back(c);
          c = '\n';
        }
        readText(cmd, c, more);
      }
      case ':' -> {
        if (a1 != null) {
          throw bad(": doesn't want any addresses");
        }
        cmd.text = label();
        if (cmd.text.isEmpty()) {
          throw bad("\":\" lacks a label");
        }
      }
      case 'b', 't', 'T' -> cmd.text = label();
      case 'q', 'Q', 'l', 'L' -> {
        if (a2 != null && (ch == 'q' || ch == 'Q')) {
          throw bad("command only uses one address");
        }
        if (ch == 'L') {
          throw bad("unknown command: `L'");
        }
        int c = nonblank();
        if (c >= '0' && c <= '9') {
          cmd.number = integer(c);
        } else {
          back(c);
        }
        endOfCommand();
      }
      case '=', 'd', 'D', 'F', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'z', 'x' -> endOfCommand();
      case 'r', 'R', 'w', 'W' -> cmd.text = fileName();
      case 'e' -> cmd.text = restOfLine();
      case 'v' -> {
        String version = label();
        if (!version.isEmpty() && compareVersion(version) > 0) {
          throw bad("expected newer version of sed");
        }
        return null;
      }
      case 's' -> substitute(cmd);
      case 'y' -> transliterate(cmd);
      default -> throw bad("unknown command: `" + (char) ch + "'");
    }
    return cmd;
  }

  private static int compareVersion(String v) {
    String[] parts = v.split("\\.");
    int[] ours = {4, 9, 0};
    for (int k = 0; k < 3; k++) {
      int n = k < parts.length && parts[k].matches("\\d+") ? Integer.parseInt(parts[k]) : 0;
      if (n != ours[k]) {
        return Integer.compare(n, ours[k]);
      }
    }
    return 0;
  }

  private void endOfCommand() throws Error {
    int ch = nonblank();
    if (ch == '}' || ch == '#') {
      back(ch);
    } else if (ch != -1 && ch != '\n' && ch != ';') {
      throw bad("extra characters after command");
    }
  }

  private Address address(int ch) throws Error {
    if (ch == '/' || ch == '\\') {
      int delim = ch == '\\' ? in() : ch;
      String re = delimited(delim, true);
      if (re == null) {
        throw bad("unterminated address regex");
      }
      boolean icase = false;
      boolean multi = false;
      while (true) {
        int f = nonblank();
        if (f == 'I') {
          icase = true;
        } else if (f == 'M') {
          multi = true;
        } else {
          back(f);
          break;
        }
      }
      return new SedCommand.Match(regex(re, icase, multi));
    }
    if (ch >= '0' && ch <= '9') {
      long n = integer(ch);
      int c = in();
      if (c == '~') {
        int d = in();
        long step = 0;
        if (d >= '0' && d <= '9') {
          step = integer(d);
        } else {
          back(d);
        }
        return new SedCommand.Step(n, step);
      }
      back(c);
      return new SedCommand.Line(n);
    }
    if (ch == '+' || ch == '~') {
      int d = in();
      long n = 0;
      if (d >= '0' && d <= '9') {
        n = integer(d);
      } else {
        back(d);
      }
      return ch == '+' ? new SedCommand.Plus(n) : new SedCommand.Multiple(n);
    }
    if (ch == '$') {
      return new SedCommand.Last();
    }
    return null;
  }

  private int integer(int firstDigit) {
    long n = firstDigit - '0';
    int ch = in();
    while (ch >= '0' && ch <= '9') {
      n = Math.min(Integer.MAX_VALUE, n * 10 + (ch - '0'));
      ch = in();
    }
    back(ch);
    return (int) n;
  }

  private SedRegex regex(String re, boolean icase, boolean multi) throws Error {
    if (re.isEmpty()) {
      return null;
    }
    try {
      return SedRegex.compile(re, extended, icase, multi);
    } catch (SedRegex.Invalid e) {
      throw bad(e.getMessage());
    }
  }

  /**
   * The text up to an unescaped {@code delim}, or null when the line or piece ends first. An
   * escaped delimiter loses its backslash, {@code \n} in a regex becomes a newline, and a
   * bracket expression in a regex is taken whole (a delimiter inside it is an ordinary char).
   */
  private String delimited(int delim, boolean isRegex) {
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
    if (pos < src.length() && src.charAt(pos) == '^') {
      b.append('^');
      pos++;
      start = pos;
    }
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ']' && pos > start) {
        b.append(']');
        pos++;
        return true;
      }
      if (c == '[' && pos + 1 < src.length() && ":.=".indexOf(src.charAt(pos + 1)) >= 0) {
        int end = src.indexOf(src.charAt(pos + 1) + "]", pos + 2);
        if (end >= 0) {
          b.append(src, pos, end + 2);
          pos = end + 2;
          continue;
        }
      }
      if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == 'n') {
        b.append('\n');
        pos += 2;
        continue;
      }
      b.append(c);
      pos++;
    }
    return false;
  }

  private void substitute(SedCommand cmd) throws Error {
    int delim = in();
    if (delim == -1 || delim == '\n' || delim == '\\') {
      throw bad("unterminated `s' command");
    }
    String re = delimited(delim, true);
    if (re == null) {
      throw bad("unterminated `s' command");
    }
    String rhs = delimited(delim, false);
    if (rhs == null) {
      throw bad("unterminated `s' command");
    }
    boolean global = false;
    boolean print = false;
    boolean icase = false;
    boolean multi = false;
    long occurrence = 0;
    String writeFile = null;
    flags:
    while (true) {
      int ch = in();
      switch (ch) {
        case 'i', 'I' -> icase = true;
        case 'm', 'M' -> multi = true;
        case 'e' -> throw bad("unknown option to `s'");
        case 'p' -> {
          if (print) {
            throw bad("multiple `p' options to `s' command");
          }
          print = true;
        }
        case 'g' -> {
          if (global) {
            throw bad("multiple `g' options to `s' command");
          }
          global = true;
        }
        case 'w' -> {
          writeFile = fileName();
          break flags;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
          if (occurrence != 0) {
            throw bad("multiple number options to `s' command");
          }
          occurrence = integer(ch);
          if (occurrence == 0) {
            throw bad("number option to `s' command may not be zero");
          }
        }
        case '}', '#' -> {
          back(ch);
          break flags;
        }
        case '\n', ';', -1 -> {
          break flags;
        }
        case ' ', '\t' -> { }
        default -> throw bad("unknown option to `s'");
      }
    }
    SedRegex regex = regex(re, icase, multi);
    SedReplacement replacement = SedReplacement.parse(rhs);
    if (regex != null && replacement.highestGroup() > regex.groups()) {
      throw bad("invalid reference \\" + replacement.highestGroup() + " on `s' command's RHS");
    }
    cmd.subst = new SedCommand.Subst(regex, replacement, global, Math.max(1, occurrence), print, writeFile);
  }

  private void transliterate(SedCommand cmd) throws Error {
    int delim = in();
    if (delim == -1 || delim == '\n' || delim == '\\') {
      throw bad("unterminated `y' command");
    }
    String from = delimited(delim, false);
    String to = from == null ? null : delimited(delim, false);
    if (to == null) {
      throw bad("unterminated `y' command");
    }
    from = yString(from);
    to = yString(to);
    if (from.length() != to.length()) {
      throw bad("strings for `y' command are different lengths");
    }
    cmd.yFrom = from;
    cmd.yTo = to;
    endOfCommand();
  }

  private static String yString(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char d = s.charAt(++i);
        b.append(d == 'n' ? '\n' : d);
      } else {
        b.append(c);
      }
    }
    return SedText.text(b.toString().replace("\\", "\\\\"));
  }

  /** a/i/c text from {@code leadin} to the end of the line, lines continued by a backslash. */
  private void readText(SedCommand cmd, int leadin, boolean more) {
    if (leadin == -1) {
      cmd.text = "";
      if (more) {
        pendingText = cmd;
      }
      return;
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
    cmd.text = SedText.text(b.toString());
  }

  private String label() {
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

  private String fileName() throws Error {
    String name = restOfLine();
    if (name.isEmpty()) {
      throw bad("missing filename in r/R/w/W commands");
    }
    return name;
  }

  private String restOfLine() {
    int ch = nonblank();
    StringBuilder b = new StringBuilder();
    while (ch != -1 && ch != '\n') {
      b.append((char) ch);
      ch = in();
    }
    return b.toString();
  }

  private void resolveLabels() throws Error {
    Map<String, Integer> labels = new HashMap<>();
    for (int k = 0; k < commands.size(); k++) {
      SedCommand c = commands.get(k);
      if (c.name == ':') {
        if (labels.putIfAbsent(c.text, k) != null) {
          throw new Error("-e expression #1, char 0: duplicate label `" + c.text + "'", 1);
        }
      }
    }
    for (SedCommand c : commands) {
      if (c.name == 'b' || c.name == 't' || c.name == 'T') {
        if (c.text.isEmpty()) {
          c.jump = commands.size();
        } else if (labels.containsKey(c.text)) {
          c.jump = labels.get(c.text);
        } else {
          throw new Error("can't find label for jump to `" + c.text + "'", 4);
        }
      }
    }
  }
}
