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
  private SedSource source;
  private int expression;
  private boolean quiet;
  private SedCommand pendingText;
  private int pieceIndex;

  private SedParser(boolean extended) {
    this.extended = extended;
  }

  /** The compiled script, with {@code #n} on its first line reported through {@code quiet[0]}. */
  static List<SedCommand> compile(List<Piece> pieces, boolean extended, boolean[] quiet) throws Error {
    SedParser p = new SedParser(extended);
    for (int k = 0; k < pieces.size(); k++) {
      Piece piece = pieces.get(k);
      if (piece.file() == null) {
        p.expression++;
      }
      p.source = new SedSource(piece.text(), piece.file(), p.expression);
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

  private void piece(boolean first, boolean more) throws Error {
    if (first && source.quietMarker()) {
      quiet = true;
    }
    if (pendingText != null) {
      SedCommand cmd = pendingText;
      pendingText = null;
      readText(cmd, '\n', more);
    }
    while (true) {
      int ch = source.in();
      while (ch == ';' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == 0x0b) {
        ch = source.in();
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
        throw source.bad("invalid usage of +N or ~N as first address");
      }
      ch = source.nonblank();
      if (ch == ',') {
        a2 = address(source.nonblank());
        if (a2 == null) {
          throw source.bad("unexpected `,'");
        }
        ch = source.nonblank();
      }
      if (a1 instanceof SedCommand.Line l && l.n() == 0 && !(a2 instanceof SedCommand.Match)
          || a2 instanceof SedCommand.Line l2 && l2.n() == 0) {
        throw source.bad("invalid usage of line address 0");
      }
    }
    boolean negate = false;
    if (ch == '!') {
      negate = true;
      ch = source.nonblank();
      if (ch == '!') {
        throw source.bad("multiple `!'s");
      }
    }
    while (ch == ' ' || ch == '\t' || ch == '\n' && a1 == null && !negate) {
      ch = source.in();
    }
    if (ch == -1 || ch == '\n') {
      throw source.bad("missing command");
    }
    SedCommand cmd = new SedCommand((char) ch);
    cmd.a1 = a1;
    cmd.a2 = a2;
    cmd.negate = negate;
    switch (ch) {
      case '#' -> {
        if (a1 != null) {
          throw source.bad("comments don't accept any addresses");
        }
        int c;
        do {
          c = source.in();
        } while (c != -1 && c != '\n');
        return null;
      }
      case '{' -> blocks.push(new int[] {commands.size(), source.blockMark(), pieceIndex});
      case '}' -> {
        if (blocks.isEmpty()) {
          throw source.bad("unexpected `}'");
        }
        if (a1 != null) {
          throw source.bad("} doesn't want any addresses");
        }
        commands.get(blocks.pop()[0]).jump = commands.size() + 1;
        endOfCommand();
      }
      case 'a', 'i', 'c' -> {
        int c = source.nonblank();
        if (c == -1) {
          throw source.bad("expected \\ after `a', `c' or `i'");
        }
        if (c == '\\') {
          c = source.in();
        } else {
          source.back(c);
          c = '\n';
        }
        readText(cmd, c, more);
      }
      case ':' -> {
        if (a1 != null) {
          throw source.bad(": doesn't want any addresses");
        }
        cmd.text = source.label();
        if (cmd.text.isEmpty()) {
          throw source.bad("\":\" lacks a label");
        }
      }
      case 'b', 't', 'T' -> cmd.text = source.label();
      case 'q', 'Q', 'l', 'L' -> {
        if (a2 != null && (ch == 'q' || ch == 'Q')) {
          throw source.bad("command only uses one address");
        }
        if (ch == 'L') {
          throw source.bad("unknown command: `L'");
        }
        int c = source.nonblank();
        if (c >= '0' && c <= '9') {
          cmd.number = source.integer(c);
        } else {
          source.back(c);
        }
        endOfCommand();
      }
      case '=', 'd', 'D', 'F', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'z', 'x' -> endOfCommand();
      case 'r', 'R', 'w', 'W' -> cmd.text = source.fileName();
      case 'e' -> cmd.text = source.restOfLine();
      case 'v' -> {
        String version = source.label();
        if (!version.isEmpty() && compareVersion(version) > 0) {
          throw source.bad("expected newer version of sed");
        }
        return null;
      }
      case 's' -> substitute(cmd);
      case 'y' -> transliterate(cmd);
      default -> throw source.bad("unknown command: `" + (char) ch + "'");
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
    int ch = source.nonblank();
    if (ch == '}' || ch == '#') {
      source.back(ch);
    } else if (ch != -1 && ch != '\n' && ch != ';') {
      throw source.bad("extra characters after command");
    }
  }

  private Address address(int ch) throws Error {
    if (ch == '/' || ch == '\\') {
      int delim = ch == '\\' ? source.in() : ch;
      String re = source.delimited(delim, true);
      if (re == null) {
        throw source.bad("unterminated address regex");
      }
      boolean icase = false;
      boolean multi = false;
      while (true) {
        int f = source.nonblank();
        if (f == 'I') {
          icase = true;
        } else if (f == 'M') {
          multi = true;
        } else {
          source.back(f);
          break;
        }
      }
      return new SedCommand.Match(regex(re, icase, multi));
    }
    if (ch >= '0' && ch <= '9') {
      long n = source.integer(ch);
      int c = source.in();
      if (c == '~') {
        int d = source.in();
        long step = 0;
        if (d >= '0' && d <= '9') {
          step = source.integer(d);
        } else {
          source.back(d);
        }
        return new SedCommand.Step(n, step);
      }
      source.back(c);
      return new SedCommand.Line(n);
    }
    if (ch == '+' || ch == '~') {
      int d = source.in();
      long n = 0;
      if (d >= '0' && d <= '9') {
        n = source.integer(d);
      } else {
        source.back(d);
      }
      return ch == '+' ? new SedCommand.Plus(n) : new SedCommand.Multiple(n);
    }
    if (ch == '$') {
      return new SedCommand.Last();
    }
    return null;
  }

  private SedRegex regex(String re, boolean icase, boolean multi) throws Error {
    if (re.isEmpty()) {
      return null;
    }
    try {
      return SedRegex.compile(re, extended, icase, multi);
    } catch (SedRegex.Invalid e) {
      throw source.bad(e.getMessage());
    }
  }

  private void substitute(SedCommand cmd) throws Error {
    int delim = source.in();
    if (delim == -1 || delim == '\n' || delim == '\\') {
      throw source.bad("unterminated `s' command");
    }
    String re = source.delimited(delim, true);
    if (re == null) {
      throw source.bad("unterminated `s' command");
    }
    String rhs = source.delimited(delim, false);
    if (rhs == null) {
      throw source.bad("unterminated `s' command");
    }
    boolean global = false;
    boolean print = false;
    boolean icase = false;
    boolean multi = false;
    long occurrence = 0;
    String writeFile = null;
    flags:
    while (true) {
      int ch = source.in();
      switch (ch) {
        case 'i', 'I' -> icase = true;
        case 'm', 'M' -> multi = true;
        case 'e' -> throw source.bad("unknown option to `s'");
        case 'p' -> {
          if (print) {
            throw source.bad("multiple `p' options to `s' command");
          }
          print = true;
        }
        case 'g' -> {
          if (global) {
            throw source.bad("multiple `g' options to `s' command");
          }
          global = true;
        }
        case 'w' -> {
          writeFile = source.fileName();
          break flags;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
          if (occurrence != 0) {
            throw source.bad("multiple number options to `s' command");
          }
          occurrence = source.integer(ch);
          if (occurrence == 0) {
            throw source.bad("number option to `s' command may not be zero");
          }
        }
        case '}', '#' -> {
          source.back(ch);
          break flags;
        }
        case '\n', ';', -1 -> {
          break flags;
        }
        case ' ', '\t' -> { }
        default -> throw source.bad("unknown option to `s'");
      }
    }
    SedRegex regex = regex(re, icase, multi);
    SedReplacement replacement = SedReplacement.parse(rhs);
    if (regex != null && replacement.highestGroup() > regex.groups()) {
      throw source.bad("invalid reference \\" + replacement.highestGroup() + " on `s' command's RHS");
    }
    cmd.subst = new SedCommand.Subst(regex, replacement, global, Math.max(1, occurrence), print, writeFile);
  }

  private void transliterate(SedCommand cmd) throws Error {
    int delim = source.in();
    if (delim == -1 || delim == '\n' || delim == '\\') {
      throw source.bad("unterminated `y' command");
    }
    String from = source.delimited(delim, false);
    String to = from == null ? null : source.delimited(delim, false);
    if (to == null) {
      throw source.bad("unterminated `y' command");
    }
    from = yString(from);
    to = yString(to);
    if (from.length() != to.length()) {
      throw source.bad("strings for `y' command are different lengths");
    }
    cmd.yFrom = from;
    cmd.yTo = to;
    endOfCommand();
  }

  /** A side of {@code y}: a doubled backslash is one backslash, and the escapes that produce a char produce it. */
  private static String yString(String s) {
    StringBuilder b = new StringBuilder();
    int[] len = new int[1];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      int value = SedText.escapeValue(s, i + 1, len);
      if (value >= 0) {
        b.append((char) value);
        i += len[0];
      } else {
        b.append(s.charAt(++i));
      }
    }
    return b.toString();
  }

  /** a/i/c text from {@code leadin}; after {@code a\\} at the end of a piece, the next piece's first line. */
  private void readText(SedCommand cmd, int leadin, boolean more) {
    cmd.text = source.text(leadin);
    if (cmd.text == null) {
      cmd.text = "";
      if (more) {
        pendingText = cmd;
      }
    }
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
