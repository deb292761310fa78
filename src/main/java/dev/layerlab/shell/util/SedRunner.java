package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a compiled script over one input stream: the cycle of reading a line into the pattern
 * space, running the commands whose addresses match, printing, and flushing the text queued by
 * {@code a}, {@code r} and {@code R}. The {@code w} files and the last regex live as long as the
 * runner, across the files of {@code -s} and {@code -i}.
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
  private final SedRanges ranges;
  private final SedRanges.Cursor cursor;
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
    this.ranges = new SedRanges(program);
    this.cursor = new SedRanges.Cursor() {
      @Override
      public long line() {
        return line;
      }

      @Override
      public boolean last() {
        return input.atEnd();
      }

      @Override
      public boolean matches(SedRegex regex) {
        return find(regex, ps);
      }
    };
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
   * Runs over {@code in}, writing to {@code to} (null for standard output). Line numbers, ranges
   * and the hold space start afresh for each stream, as they do for each file of {@code -s} and
   * {@code -i}.
   */
  void run(SedInput in, SedOutput to) {
    input = in;
    out = to == null ? stdout : to;
    line = 0;
    hold = "";
    holdTerminated = true;
    ranges.reset();
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
      if (ranges.selects(c, pc, cursor) == c.negate) {
        pc = c.name == '{' ? c.jump : pc + 1;
        continue;
      }
      pc++;
      switch (c.name) {
        case '=' -> out.write(line + String.valueOf(separator));
        case 'a' -> queue.add(c.text);
        case 'i' -> out.write(text(c.text));
        case 'c' -> {
          if (c.a2 == null || !ranges.inside(pc - 1)) {
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

  /** The text of i and c, its last newline being the line separator ({@code -z} makes it a NUL; not for a). */
  private String text(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) + separator : text;
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
    String result = s.replacement().substitute(use(s.regex()), ps, s.global(), s.occurrence());
    if (result == null) {
      return;
    }
    ps = result;
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
