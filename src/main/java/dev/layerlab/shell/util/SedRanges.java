package dev.layerlab.shell.util;

import java.util.List;

/** Which lines a script's commands select: their addresses, and the state of each range. */
final class SedRanges {
  /** The line sed is at. */
  interface Cursor {
    long line();

    /** Whether it is the last line ({@code $}). */
    boolean last();

    /** Whether the pattern space matches (a null regex being the last one used). */
    boolean matches(SedRegex regex);
  }

  private final List<SedCommand> program;
  private final boolean[] active;
  private final boolean[] closed;
  private final long[] rangeEnd;

  SedRanges(List<SedCommand> program) {
    this.program = program;
    this.active = new boolean[program.size()];
    this.closed = new boolean[program.size()];
    this.rangeEnd = new long[program.size()];
  }

  /** Every range back to its start, for a new input stream; {@code 0,/re/} is open from the start. */
  void reset() {
    for (int k = 0; k < program.size(); k++) {
      active[k] = program.get(k).a1 instanceof SedCommand.Line l && l.n() == 0;
      closed[k] = false;
    }
  }

  /** Whether command {@code pc}'s range goes on after the current line (c prints only at its end). */
  boolean inside(int pc) {
    return active[pc];
  }

  /**
   * Whether a command's addresses select the current line. Ranges follow GNU sed: a range whose
   * first address is a line number starts on the first line at or past it (an {@code n} may skip
   * it) and never starts again once it ended; {@code N,M} is simply that interval; an end given as
   * {@code +N} or {@code ~N} includes the line that reaches or passes it.
   */
  boolean selects(SedCommand c, int pc, Cursor at) {
    long line = at.line();
    if (c.a1 == null) {
      return true;
    }
    if (c.a2 == null) {
      return matchOne(c.a1, at);
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
        ends = matchOne(c.a2, at);
      }
      if (ends) {
        active[pc] = false;
        closed[pc] = fromLine;
      }
      return selected;
    }
    if (closed[pc] || !(fromLine ? line >= ((SedCommand.Line) c.a1).n() : matchOne(c.a1, at))) {
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
    } else if (c.a2 instanceof SedCommand.Last && at.last()) {
      return true;
    }
    active[pc] = true;
    return true;
  }

  private static boolean matchOne(SedCommand.Address a, Cursor at) {
    long line = at.line();
    if (a instanceof SedCommand.Line l) {
      return line == l.n();
    } else if (a instanceof SedCommand.Last) {
      return at.last();
    } else if (a instanceof SedCommand.Match m) {
      return at.matches(m.regex());
    } else if (a instanceof SedCommand.Step s) {
      return s.step() <= 0 ? line == s.first() : line >= s.first() && (line - s.first()) % s.step() == 0;
    }
    return false;
  }
}
