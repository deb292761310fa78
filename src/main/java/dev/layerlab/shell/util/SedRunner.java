package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;
import dev.layerlab.shell.util.SedCommand.Address;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;

/**
 * Runs a compiled script over one input stream: the cycle of reading a line into the pattern
 * space, running the commands whose addresses match, printing, and flushing the text queued by
 * {@code a}, {@code r} and {@code R}. Hold space, {@code w} files and the last regex live as long
 * as the runner, across the files of {@code -s} and {@code -i}.
 */
final class SedRunner {
  /** A runtime failure with GNU sed's message and exit status. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Failure(String message, int status) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** How a cycle ended. */
  private enum End { PRINT, DELETE, RESTART, QUIT, QUIT_SILENT }

  private final ProgramContext ctx;
  private final List<SedCommand> program;
  private final boolean quiet;
  private final char separator;
  private final int lineWrap;
  private final boolean[] active;
  private final boolean[] closed;
  private final long[] rangeEnd;
  private final List<Object> queue = new ArrayList<>();
  private final Map<String, SedOutput> writeFiles = new HashMap<>();
  private final Map<String, SedInput> readFiles = new HashMap<>();
  private final SedOutput stdout;
  private SedOutput out;
  private SedInput input;
  private SedRegex lastRegex;
  private String ps;
  private String hold = "";
  /**
   * Whether each buffer's text ended with a newline when read: GNU sed keeps this with the text,
   * so g, h and x move it and appending (G, H, N) takes the appended text's.
   */
  private boolean psTerminated;
  private boolean holdTerminated = true;
  private long line;
  private boolean replaced;
  private int quitStatus = -1;

  /** A queued {@code r FILE}. */
  private record ReadFile(String name) {}

  SedRunner(ProgramContext ctx, List<SedCommand> program, boolean quiet, char separator, int lineWrap) {
    this.ctx = ctx;
    this.program = program;
    this.quiet = quiet;
    this.separator = separator;
    this.lineWrap = lineWrap;
    this.active = new boolean[program.size()];
    this.closed = new boolean[program.size()];
    this.rangeEnd = new long[program.size()];
    this.stdout = SedOutput.to(ctx.out(), separator);
    for (SedCommand c : program) {
      String w = c.name == 'w' || c.name == 'W' ? c.text : c.subst != null ? c.subst.writeFile() : null;
      if (w != null) {
        writeFile(w);
      }
    }
  }

  /** Whether a {@code q} or {@code Q} ended the run; then {@link #quitStatus} is its exit status. */
  boolean quit() {
    return quitStatus >= 0;
  }

  int quitStatus() {
    return quitStatus;
  }

  /**
   * Runs over {@code in}, writing to {@code to} (null for standard output). Line numbers and
   * ranges start afresh for each stream.
   */
  void run(SedInput in, SedOutput to) {
    input = in;
    out = to == null ? stdout : to;
    line = 0;
    for (int k = 0; k < program.size(); k++) {
      active[k] = program.get(k).a1 instanceof SedCommand.Line l && l.n() == 0;
      closed[k] = false;
    }
    boolean restart = false;
    while (quitStatus < 0) {
      if (!restart) {
        String next = in.next();
        if (next == null) {
          break;
        }
        ps = next;
        psTerminated = in.terminated();
        line++;
        replaced = false;
      }
      restart = false;
      End end = cycle();
      if (end == End.PRINT || end == End.QUIT) {
        if (!quiet) {
          out.line(ps, psTerminated);
        }
      }
      if (end != End.QUIT_SILENT) {
        flushQueue();
      }
      if (end == End.QUIT) {
        out.write("");
      }
      restart = end == End.RESTART;
    }
  }

  /** Writes the {@code w} files; call once at the end. */
  void close() {
    for (Map.Entry<String, SedOutput> w : writeFiles.entrySet()) {
      if (w.getValue().isBuffer()) {
        try {
          ctx.vfs().write(ctx.path(w.getKey()), w.getValue().bytes(), dev.layerlab.vfs.Vfs.WriteMode.TRUNCATE, 0644);
        } catch (VfsException e) {
          throw new Failure("couldn't open file " + w.getKey() + ": " + e.reason(), 4);
        }
      }
    }
  }

  private SedOutput writeFile(String name) {
    return writeFiles.computeIfAbsent(name, n -> switch (n) {
      case "/dev/stdout" -> stdout;
      case "/dev/stderr" -> SedOutput.to(ctx.err(), separator);
      default -> SedOutput.buffer(separator);
    });
  }

  private End cycle() {
    int pc = 0;
    while (pc < program.size()) {
      if (Thread.currentThread().isInterrupted()) {
        quitStatus = 130;
        return End.QUIT_SILENT;
      }
      SedCommand c = program.get(pc);
      if (matches(c, pc) == c.negate) {
        pc = c.name == '{' ? c.jump : pc + 1;
        continue;
      }
      pc++;
      switch (c.name) {
        case '=' -> out.write(line + String.valueOf(separator));
        case 'a' -> queue.add(c.text);
        case 'i' -> out.write(text(c.text));
        case 'c' -> {
          if (c.a2 == null || !active[pc - 1]) {
            out.write(text(c.text));
          }
          return End.DELETE;
        }
        case 'b' -> pc = c.jump;
        case 't' -> {
          if (replaced) {
            replaced = false;
            pc = c.jump;
          }
        }
        case 'T' -> {
          if (!replaced) {
            pc = c.jump;
          } else {
            replaced = false;
          }
        }
        case 'd' -> {
          return End.DELETE;
        }
        case 'D' -> {
          int nl = ps.indexOf(separator);
          if (nl < 0) {
            return End.DELETE;
          }
          ps = ps.substring(nl + 1);
          return End.RESTART;
        }
        case 'e' -> ps = SedExec.run(ctx, c.text, ps, out);
        case 'F' -> out.write(input.name() + "\n");
        case 'g' -> {
          ps = hold;
          psTerminated = holdTerminated;
        }
        case 'G' -> {
          ps = ps + separator + hold;
          psTerminated = holdTerminated;
        }
        case 'h' -> {
          hold = ps;
          holdTerminated = psTerminated;
        }
        case 'H' -> {
          hold = hold + separator + ps;
          holdTerminated = psTerminated;
        }
        case 'x' -> {
          String t = ps;
          ps = hold;
          hold = t;
          boolean term = psTerminated;
          psTerminated = holdTerminated;
          holdTerminated = term;
        }
        case 'l' -> out.write(SedText.visible(ps, c.number >= 0 ? c.number : lineWrap, separator));
        case 'n' -> {
          if (input.atEnd()) {
            return End.PRINT;
          }
          if (!quiet) {
            out.line(ps, psTerminated);
          }
          flushQueue();
          ps = input.next();
          psTerminated = input.terminated();
          line++;
          replaced = false;
        }
        case 'N' -> {
          if (input.atEnd()) {
            return End.PRINT;
          }
          flushQueue();
          ps = ps + separator + input.next();
          psTerminated = input.terminated();
          line++;
          replaced = false;
        }
        case 'p' -> out.line(ps, psTerminated);
        case 'P' -> {
          int nl = ps.indexOf(separator);
          out.line(nl < 0 ? ps : ps.substring(0, nl), nl >= 0 || psTerminated);
        }
        case 'q' -> {
          quitStatus = Math.max(0, c.number);
          return End.QUIT;
        }
        case 'Q' -> {
          quitStatus = Math.max(0, c.number);
          return End.QUIT_SILENT;
        }
        case 'r' -> queue.add(new ReadFile(c.text));
        case 'R' -> {
          SedInput r = readFiles.computeIfAbsent(c.text, n -> new SedInput(ctx, List.of(n), separator));
          String l = r.atEnd() ? null : r.next();
          if (l != null) {
            queue.add(l + separator);
          }
        }
        case 's' -> substitute(c.subst);
        case 'w' -> writeFile(c.text).line(ps, psTerminated);
        case 'W' -> {
          int nl = ps.indexOf(separator);
          writeFile(c.text).line(nl < 0 ? ps : ps.substring(0, nl), nl >= 0 || psTerminated);
        }
        case 'y' -> {
          StringBuilder b = new StringBuilder(ps);
          for (int k = 0; k < b.length(); k++) {
            int at = c.yFrom.indexOf(b.charAt(k));
            if (at >= 0) {
              b.setCharAt(k, c.yTo.charAt(at));
            }
          }
          ps = b.toString();
        }
        case 'z' -> ps = "";
        default -> { }
      }
    }
    return End.PRINT;
  }

  /**
   * Whether a command's addresses select the current line. Ranges follow GNU sed: a range whose
   * first address is a line number starts on the first line at or past it (an {@code n} may skip
   * it) and never starts again once it ended; {@code N,M} is simply that interval; an end given as
   * {@code +N} or {@code ~N} includes the line that reaches or passes it.
   */
  private boolean matches(SedCommand c, int pc) {
    if (c.a1 == null) {
      return true;
    }
    if (c.a2 == null) {
      return matchOne(c.a1);
    }
    boolean fromLine = c.a1 instanceof SedCommand.Line;
    if (fromLine && c.a2 instanceof SedCommand.Line to) {
      long from = ((SedCommand.Line) c.a1).n();
      boolean in = to.n() >= from ? line >= from && line <= to.n() : line == from;
      active[pc] = in && line < to.n();
      return in;
    }
    if (active[pc]) {
      boolean relative = c.a2 instanceof SedCommand.Plus || c.a2 instanceof SedCommand.Multiple;
      boolean ends;
      boolean selected = true;
      if (c.a2 instanceof SedCommand.Line) {
        ends = rangeEnd[pc] <= line;
        selected = line <= rangeEnd[pc];
      } else if (relative) {
        ends = rangeEnd[pc] <= line;
      } else {
        ends = matchOne(c.a2);
      }
      if (ends) {
        active[pc] = false;
        closed[pc] = fromLine;
      }
      return selected;
    }
    if (closed[pc] || !(fromLine ? line >= ((SedCommand.Line) c.a1).n() : matchOne(c.a1))) {
      return false;
    }
    long end = -1;
    if (c.a2 instanceof SedCommand.Line l) {
      end = l.n();
    } else if (c.a2 instanceof SedCommand.Plus p) {
      end = line + p.n();
    } else if (c.a2 instanceof SedCommand.Multiple m) {
      end = m.n() <= 0 ? line : (line + m.n() - 1) / m.n() * m.n();
    }
    if (end >= 0) {
      if (end <= line) {
        closed[pc] = fromLine;
        return true;
      }
      rangeEnd[pc] = end;
    } else if (c.a2 instanceof SedCommand.Last && input.atEnd()) {
      return true;
    }
    active[pc] = true;
    return true;
  }

  /** The text of i and c, its last newline being the line separator ({@code -z} makes it a NUL; not for a). */
  private String text(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) + separator : text;
  }

  private boolean matchOne(Address a) {
    if (a instanceof SedCommand.Line l) {
      return line == l.n();
    } else if (a instanceof SedCommand.Last) {
      return input.atEnd();
    } else if (a instanceof SedCommand.Match m) {
      return find(m.regex(), ps);
    } else if (a instanceof SedCommand.Step s) {
      return s.step() <= 0 ? line == s.first() : line >= s.first() && (line - s.first()) % s.step() == 0;
    }
    return false;
  }

  private SedRegex use(SedRegex regex) {
    if (regex != null) {
      lastRegex = regex;
      return regex;
    }
    if (lastRegex == null) {
      throw new Failure("-e expression #1, char 0: no previous regular expression", 1);
    }
    return lastRegex;
  }

  private boolean find(SedRegex regex, String text) {
    return use(regex).find(text, 0) != null;
  }

  private void substitute(SedCommand.Subst s) {
    SedRegex regex = use(s.regex());
    MatchResult m = regex.find(ps, 0);
    if (m == null) {
      return;
    }
    StringBuilder result = new StringBuilder();
    int copied = 0;
    int prevEnd = -1;
    long count = 0;
    boolean did = false;
    while (m != null) {
      boolean empty = m.start() == m.end();
      if (!(empty && m.start() == prevEnd)) {
        count++;
        if (count >= s.occurrence()) {
          result.append(ps, copied, m.start());
          s.replacement().appendTo(result, m);
          copied = m.end();
          did = true;
          if (!s.global()) {
            break;
          }
        }
        prevEnd = m.end();
      }
      int from = empty ? m.end() + 1 : m.end();
      if (from > ps.length()) {
        break;
      }
      m = regex.find(ps, from);
    }
    if (!did) {
      return;
    }
    result.append(ps, copied, ps.length());
    ps = result.toString();
    replaced = true;
    if (s.print()) {
      out.line(ps, psTerminated);
    }
    if (s.writeFile() != null) {
      writeFile(s.writeFile()).line(ps, psTerminated);
    }
  }

  private void flushQueue() {
    for (Object item : queue) {
      if (item instanceof ReadFile r) {
        byte[] content = readQuietly(r.name());
        if (content != null) {
          out.write(new String(content, StandardCharsets.ISO_8859_1));
        }
      } else {
        out.write((String) item);
      }
    }
    queue.clear();
  }

  private byte[] readQuietly(String name) {
    try {
      return name.equals("/dev/stdin") ? ctx.in().readAllBytes() : ctx.vfs().read(ctx.path(name));
    } catch (VfsException | java.io.IOException e) {
      return null;
    }
  }
}
