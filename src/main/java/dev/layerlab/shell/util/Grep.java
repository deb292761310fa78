package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code grep [-rinvlcqEFwoh] PATTERN [FILE...]}: basic regular expressions translated to Java's. */
final class Grep implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "rRinvlcqsEFwhHoe:", "recursive=r", "ignore-case=i", "line-number=n",
        "invert-match=v", "files-with-matches=l", "count=c", "quiet=q", "silent=q", "no-messages=s",
        "extended-regexp=E", "fixed-strings=F", "word-regexp=w", "no-filename=h", "with-filename=H",
        "only-matching=o", "regexp=e", "color:", "colour:");
    if (a == null) {
      return 2;
    }
    List<String> ops = new ArrayList<>(a.operands());
    String expr = a.value("e");
    if (expr == null) {
      if (ops.isEmpty()) {
        ctx.err().print("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        return 2;
      }
      expr = ops.remove(0);
    }
    Pattern pattern;
    try {
      String regex = a.has("F") ? Pattern.quote(expr) : a.has("E") ? expr : basicToJava(expr);
      if (a.has("w")) {
        regex = "(?<![\\w])(?:" + regex + ")(?![\\w])";
      }
      pattern = Pattern.compile(regex, a.has("i") ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      ctx.error("Unmatched ( or \\(");
      return 2;
    }
    boolean recursive = a.has("r") || a.has("R");
    if (ops.isEmpty()) {
      ops.add(recursive ? "." : "-");
    }
    Search s = new Search(ctx, a, pattern);
    s.multiple = ops.size() > 1 || recursive;
    if (a.has("h")) {
      s.multiple = false;
    }
    if (a.has("H")) {
      s.multiple = true;
    }
    for (String f : ops) {
      if (recursive && !f.equals("-")) {
        s.walk(f, true);
      } else {
        s.file(f);
      }
      if (s.quitEarly) {
        break;
      }
    }
    ctx.out().print(s.out);
    return s.error && !a.has("q") ? 2 : s.matched ? 0 : s.error ? 2 : 1;
  }

  /** Translates a POSIX basic regular expression: {@code \( \) \{ \} \|} are the operators, bare ones literal. */
  static String basicToJava(String bre) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bre.length(); i++) {
      char c = bre.charAt(i);
      if (c == '\\' && i + 1 < bre.length()) {
        char n = bre.charAt(++i);
        if ("(){}|+?".indexOf(n) >= 0) {
          sb.append(n);
        } else {
          sb.append('\\').append(n);
        }
      } else if ("(){}|+?".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else if (c == '*' && (i == 0 || (sb.length() > 0 && sb.charAt(sb.length() - 1) == '^'))) {
        sb.append("\\*");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The matches of one grep run. */
  private static final class Search {
    final ProgramContext ctx;
    final Args a;
    final Pattern pattern;
    final StringBuilder out = new StringBuilder();
    boolean multiple;
    boolean matched;
    boolean error;
    boolean quitEarly;

    Search(ProgramContext ctx, Args a, Pattern pattern) {
      this.ctx = ctx;
      this.a = a;
      this.pattern = pattern;
    }

    void walk(String shown, boolean top) {
      String path = ctx.path(shown);
      Stat st;
      try {
        // -R follows every symlink it meets, -r only those on the command line
        st = top || a.has("R") ? ctx.vfs().stat(path) : ctx.vfs().lstat(path);
      } catch (VfsException e) {
        message(shown + ": " + e.reason());
        return;
      }
      if (st.isDirectory()) {
        List<DirEntry> entries;
        try {
          entries = ctx.vfs().readDir(path);
        } catch (VfsException e) {
          message(shown + ": " + e.reason());
          return;
        }
        for (DirEntry d : entries) {
          walk(shown.endsWith("/") ? shown + d.name() : shown + "/" + d.name(), false);
        }
      } else if (st.isRegular()) {
        file(shown);
      }
    }

    void file(String f) {
      if (!f.equals("-")) {
        try {
          if (ctx.vfs().stat(ctx.path(f)).isDirectory()) {
            message(f + ": Is a directory");
            return;
          }
        } catch (VfsException e) {
          message(f + ": " + e.reason());
          return;
        }
      }
      byte[] data;
      try {
        data = f.equals("-") ? Input.read(ctx, f) : ctx.vfs().read(ctx.path(f));
      } catch (VfsException e) {
        message(f + ": " + e.reason());
        return;
      }
      if (data == null) {
        error = true;
        return;
      }
      String label = f.equals("-") ? "(standard input)" : f;
      boolean binary = new String(data, 0, Math.min(data.length, 8000), java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\0') >= 0;
      int count = 0;
      List<String> lines = Lines.of(data);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        boolean hit = pattern.matcher(line).find() != a.has("v");
        if (!hit) {
          continue;
        }
        count++;
        matched = true;
        if (a.has("q")) {
          quitEarly = true;
          return;
        }
        if (a.has("l") || a.has("c")) {
          continue;
        }
        if (binary) {
          out.append("Binary file ").append(label).append(" matches\n");
          return;
        }
        String prefix = (multiple ? label + ":" : "") + (a.has("n") ? (i + 1) + ":" : "");
        if (a.has("o")) {
          java.util.regex.Matcher m = pattern.matcher(line);
          while (m.find()) {
            if (!m.group().isEmpty()) {
              out.append(prefix).append(m.group()).append('\n');
            }
          }
        } else {
          out.append(prefix).append(line).append('\n');
        }
      }
      if (a.has("l") && count > 0) {
        out.append(label).append('\n');
      } else if (a.has("c")) {
        out.append(multiple ? label + ":" : "").append(count).append('\n');
      }
    }

    private void message(String text) {
      error = true;
      if (!a.has("s")) {
        ctx.out().print(out);
        out.setLength(0);
        ctx.error(text);
      }
    }

    static String parent(String p) {
      return VPaths.parent(p);
    }
  }
}
