package dev.layerlab.shell.util;

import dev.layerlab.vfs.Stat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints one listing of ls: long lines with aligned columns, or names in columns like GNU ls. */
final class LsLayout {
  private static final long SIX_MONTHS = 31556952L / 2;
  private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH);

  private final Ls.Options o;
  private final Accounts accounts;
  private final LsStyle style;
  private final Instant now;
  private final ZoneId zone;

  LsLayout(Ls.Options o, Accounts accounts, LsStyle style, Instant now, ZoneId zone) {
    this.o = o;
    this.accounts = accounts;
    this.style = style;
    this.now = now;
    this.zone = zone;
  }

  void print(List<LsEntry> entries, StringBuilder out) {
    print(entries, entries, out);
  }

  /**
   * Prints {@code entries} with column widths taken over {@code sizing}: GNU sizes the listing of
   * command-line files over every operand, directories included.
   */
  void print(List<LsEntry> entries, List<LsEntry> sizing, StringBuilder out) {
    this.sizing = sizing;
    align = false;
    if (o.quote() && (o.longFormat() || o.columns())) {
      for (LsEntry e : entries) {
        align |= !quoted(e.name()).equals(e.name());
      }
    }
    blocksWidth = 0;
    for (LsEntry e : sizing) {
      blocksWidth = Math.max(blocksWidth, blocks(e).length());
    }
    if (o.longFormat()) {
      longLines(entries, out);
    } else if (o.columns()) {
      columns(entries, out);
    } else {
      for (LsEntry e : entries) {
        out.append(inode(e, inodeWidth(entries))).append(name(e)).append('\n');
      }
    }
  }

  private String inode(LsEntry e, int width) {
    String ino = o.inode() ? pad(e.known() ? Long.toString(e.stat().ino()) : "?", width, true) + " " : "";
    return ino + (o.blocks() ? pad(blocks(e), blocksWidth, true) + " " : "");
  }

  private int blocksWidth;

  private String blocks(LsEntry e) {
    if (!e.known()) {
      return "?";
    }
    long b = Modes.blocks(e.stat());
    return o.human() ? (b == 0 ? "0" : Modes.human(b * 512)) : Long.toString((b + 1) / 2);
  }

  private int inodeWidth(List<LsEntry> entries) {
    int w = 0;
    for (LsEntry e : entries) {
      w = Math.max(w, e.known() ? Long.toString(e.stat().ino()).length() : 1);
    }
    return w;
  }

  private boolean align;

  private String name(LsEntry e) {
    boolean dangling = e.stat().isSymlink() && e.targetStat() == null;
    return shown(e.name(), e.stat(), dangling) + (e.known() ? style.indicator(e.stat(), false) : "");
  }

  /** The name as a terminal shows it: quoted when needed, others shifted one column to line up. */
  private String shown(String name, Stat st, boolean dangling) {
    String q = quoted(name);
    String pad = align && q.equals(name) ? " " : "";
    return pad + style.paint(q, st, dangling);
  }

  private int nameWidth(LsEntry e) {
    String q = quoted(e.name());
    return q.length() + (align && q.equals(e.name()) ? 1 : 0) + style.indicator(e.stat(), false).length();
  }

  /** GNU's shell-escape quoting, used when the output is a terminal. */
  private String quoted(String name) {
    if (!o.quote() || name.matches("[^ \t\n'\"$`\\!*?\\[\\]{}()<>|&;^]+") && !name.startsWith("~") && !name.startsWith("#")) {
      return name;
    }
    if (name.contains("'") && !name.matches(".*[\"$`\\\\!].*")) {
      return "\"" + name + "\"";
    }
    return "'" + name.replace("'", "'\\''") + "'";
  }

  private List<LsEntry> sizing;

  private void longLines(List<LsEntry> entries, StringBuilder out) {
    int linkW = 0;
    int ownerW = 0;
    int groupW = 0;
    int sizeW = 0;
    int majorW = 0;
    int minorW = 0;
    for (LsEntry e : sizing) {
      Stat st = e.stat();
      if (!e.known()) {
        continue;
      }
      linkW = Math.max(linkW, Long.toString(st.nlink()).length());
      ownerW = Math.max(ownerW, owner(st).length());
      groupW = Math.max(groupW, group(st).length());
      if (st.type().isDevice()) {
        majorW = Math.max(majorW, Integer.toString(st.rdevMajor()).length());
        minorW = Math.max(minorW, Integer.toString(st.rdevMinor()).length());
      } else {
        sizeW = Math.max(sizeW, size(st).length());
      }
    }
    if (majorW > 0) {
      sizeW = Math.max(sizeW, majorW + 2 + minorW);
    }
    int inodeW = inodeWidth(sizing);
    for (LsEntry e : entries) {
      Stat st = e.stat();
      out.append(inode(e, inodeW));
      if (!e.known()) {
        // what GNU ls prints for a name it could not lstat: only readdir's type is known
        out.append(st.type().lsChar()).append("????????? ").append(pad("?", linkW, true)).append(' ')
            .append(pad("?", ownerW, false)).append(' ').append(pad("?", groupW, false)).append(' ')
            .append(pad("?", sizeW, true)).append(' ').append(pad("?", 12, true)).append(' ')
            .append(shown(e.name(), st, false)).append('\n');
        continue;
      }
      out.append(Modes.string(st)).append(' ');
      out.append(pad(Long.toString(st.nlink()), linkW, true)).append(' ');
      out.append(pad(owner(st), ownerW, o.numeric() || !accounts.hasUser(st.uid()))).append(' ');
      out.append(pad(group(st), groupW, o.numeric() || !accounts.hasGroup(st.gid()))).append(' ');
      String size = st.type().isDevice()
          ? pad(Integer.toString(st.rdevMajor()), majorW, true) + ", " + pad(Integer.toString(st.rdevMinor()), minorW, true)
          : size(st);
      out.append(pad(size, sizeW, true)).append(' ');
      out.append(date(st.mtime())).append(' ');
      if (st.isSymlink()) {
        out.append(shown(e.name(), st, e.targetStat() == null)).append(" -> ");
        String target = quoted(e.linkTarget());
        if (e.targetStat() == null) {
          out.append(style.paint(target, st, true));
        } else {
          out.append(style.paint(target, e.targetStat(), false)).append(style.indicator(e.targetStat(), false));
        }
      } else {
        out.append(name(e));
      }
      out.append('\n');
    }
  }

  private String owner(Stat st) {
    return o.numeric() ? Integer.toString(st.uid()) : accounts.user(st.uid());
  }

  private String group(Stat st) {
    return o.numeric() ? Integer.toString(st.gid()) : accounts.group(st.gid());
  }

  private String size(Stat st) {
    return o.human() ? Modes.human(st.size()) : Long.toString(st.size());
  }

  String date(Instant t) {
    boolean recent = t.isAfter(now.minusSeconds(SIX_MONTHS)) && !t.isAfter(now);
    return (recent ? RECENT : OLD).format(t.atZone(zone));
  }

  /** GNU's layout: as many columns as fit the width, filled top to bottom, separated with tabs. */
  private void columns(List<LsEntry> entries, StringBuilder out) {
    int n = entries.size();
    if (n == 0) {
      return;
    }
    int inodeW = inodeWidth(entries);
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = nameWidth(entries.get(i)) + (o.inode() ? inodeW + 1 : 0) + (o.blocks() ? blocksWidth + 1 : 0);
    }
    int lineLength = Math.max(1, o.width());
    int maxCols = Math.min(Math.max(1, lineLength / 3), n);
    int cols = 1;
    int[] chosen = null;
    for (int c = maxCols; c >= 1; c--) {
      int rows = (n + c - 1) / c;
      int[] colW = new int[c];
      int total = 0;
      boolean fits = true;
      for (int i = 0; i < n && fits; i++) {
        int idx = i / rows;
        int real = widths[i] + (idx == c - 1 ? 0 : 2);
        if (colW[idx] < real) {
          total += real - colW[idx];
          colW[idx] = real;
          fits = total < lineLength;
        }
      }
      if (fits || c == 1) {
        cols = c;
        chosen = colW;
        break;
      }
    }
    int rows = (n + cols - 1) / cols;
    for (int row = 0; row < rows; row++) {
      int col = 0;
      int pos = 0;
      int i = row;
      while (true) {
        LsEntry e = entries.get(i);
        out.append(inode(e, inodeW)).append(name(e));
        int maxW = chosen[col++];
        i += rows;
        if (i >= n) {
          break;
        }
        indent(out, pos + widths[i - rows], pos + maxW);
        pos += maxW;
      }
      out.append('\n');
    }
  }

  private static void indent(StringBuilder out, int from, int to) {
    while (from < to) {
      if (to / 8 > (from + 1) / 8) {
        out.append('\t');
        from += 8 - from % 8;
      } else {
        out.append(' ');
        from++;
      }
    }
  }

  static String pad(String s, int width, boolean right) {
    if (s.length() >= width) {
      return s;
    }
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }

  /** The {@code total} line's number: 1 KiB blocks, or human-readable bytes with {@code -h}. */
  String total(List<LsEntry> entries) {
    long blocks = 0;
    for (LsEntry e : entries) {
      blocks += e.known() ? Modes.blocks(e.stat()) : 0;
    }
    return o.human() ? Modes.human(blocks * 512) : Long.toString(blocks / 2);
  }

  static List<LsEntry> copy(List<LsEntry> entries) {
    return new ArrayList<>(entries);
  }
}
