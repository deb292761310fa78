package dev.layerlab.engine.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore}: one pattern a line, {@code #} comments, {@code !} exceptions, the last
 * matching pattern deciding; {@code *} and {@code ?} stay inside a path element, {@code **}
 * crosses them. A pattern that matches a directory excludes everything in it.
 */
final class DockerIgnore {
  private record Rule(Pattern pattern, boolean exclude) {}

  private final List<Rule> rules = new ArrayList<>();

  DockerIgnore(String text) {
    for (String line : text.split("\r?\n")) {
      String p = line.strip();
      if (p.isEmpty() || p.startsWith("#")) {
        continue;
      }
      boolean exception = p.startsWith("!");
      if (exception) {
        p = p.substring(1).strip();
      }
      p = clean(p);
      if (!p.isEmpty()) {
        rules.add(new Rule(Pattern.compile(regex(p)), !exception));
      }
    }
  }

  /** Whether {@code path} (relative to the context, {@code /}-separated) is left out. */
  boolean excluded(String path) {
    boolean out = false;
    for (Rule r : rules) {
      if (matchesOrParent(r.pattern, path)) {
        out = r.exclude;
      }
    }
    return out;
  }

  private static boolean matchesOrParent(Pattern p, String path) {
    String cur = path;
    while (true) {
      if (p.matcher(cur).matches()) {
        return true;
      }
      int slash = cur.lastIndexOf('/');
      if (slash < 0) {
        return false;
      }
      cur = cur.substring(0, slash);
    }
  }

  private static String clean(String p) {
    List<String> parts = new ArrayList<>();
    for (String e : p.split("/")) {
      if (e.isEmpty() || e.equals(".")) {
        continue;
      }
      if (e.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(e);
    }
    return String.join("/", parts);
  }

  static String regex(String glob) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          i++;
          r.append("(.*/)?");
        } else {
          r.append(".*");
        }
      } else if (c == '*') {
        r.append("[^/]*");
      } else if (c == '?') {
        r.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i + 1);
        if (end < 0) {
          r.append("\\[");
        } else {
          String cls = glob.substring(i + 1, end);
          r.append('[').append(cls.startsWith("^") ? "^" + cls.substring(1).replace("\\", "\\\\")
              : cls.replace("\\", "\\\\")).append(']');
          i = end;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        r.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return r.toString();
  }
}
