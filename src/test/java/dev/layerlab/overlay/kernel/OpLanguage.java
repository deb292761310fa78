package dev.layerlab.overlay.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the textual op language of the kernel experiments
 * ({@code [!] [lower N | upper | merged] OP ARGS...}), so named cases read like the
 * experiments that found the rules, and a random sequence prints in the same form.
 *
 * <p>Words are split on blanks; {@code "..."} understands {@code \n \t \\ \" \xHH}, {@code '...'}
 * is literal; {@code #} starts a comment at the start of a word outside quotes. Extension:
 * {@code mount noupper} mounts read-only (no upper and work dir).
 */
final class OpLanguage {
  private OpLanguage() {}

  /** Parses a whole script; IllegalArgumentException names the line on a syntax error. */
  static Script parse(String name, String text) {
    List<Step> steps = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      try {
        Step s = parseLine(lines[i]);
        if (s != null) {
          steps.add(s);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return Script.of(name, steps);
  }

  /** One line, or null for a blank/comment line. */
  static Step parseLine(String line) {
    List<String> w = words(line);
    if (w.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean mustFail = false;
    if (w.get(i).equals("!")) {
      mustFail = true;
      i++;
    }
    Step.Target target = Step.Target.MERGED;
    int layer = -1;
    if (i < w.size() && w.get(i).equals("lower")) {
      target = Step.Target.LOWER;
      layer = Integer.parseInt(need(w, i + 1));
      i += 2;
    } else if (i < w.size() && (w.get(i).equals("upper") || w.get(i).equals("merged"))) {
      target = w.get(i).equals("upper") ? Step.Target.UPPER : Step.Target.MERGED;
      i++;
    }
    if (i < w.size() && w.get(i).equals("!")) {
      mustFail = true;
      i++;
    }
    Op op = op(w.subList(i, w.size()));
    return new Step(target, layer, mustFail, op, line.strip());
  }

  private static Op op(List<String> w) {
    String op = need(w, 0);
    List<String> a = w.subList(1, w.size());
    return switch (op) {
      case "layers" -> new Op.Layers(Integer.parseInt(args(a, 1).get(0)));
      case "mount" -> new Op.Mount(a.isEmpty() ? "" : args(a, 1).get(0));
      case "umount" -> { args(a, 0); yield new Op.Umount(); }
      case "remount" -> new Op.Remount(a.isEmpty() ? null : args(a, 1).get(0));
      case "write" -> new Op.Write(args(a, 2).get(0), a.get(1));
      case "append" -> new Op.Append(args(a, 2).get(0), a.get(1));
      case "touch" -> new Op.Touch(args(a, 1).get(0));
      case "mkdir" -> a.size() == 2
          ? new Op.Mkdir(a.get(0), Integer.parseInt(a.get(1), 8))
          : new Op.Mkdir(args(a, 1).get(0), null);
      case "rm" -> a.size() == 2 && a.get(0).equals("-r")
          ? new Op.Rm(a.get(1), true)
          : new Op.Rm(args(a, 1).get(0), false);
      case "rmdir" -> new Op.Rmdir(args(a, 1).get(0));
      case "chmod" -> new Op.Chmod(Integer.parseInt(args(a, 2).get(0), 8), a.get(1));
      case "chown" -> {
        String[] ug = args(a, 2).get(0).split(":");
        yield new Op.Chown(Integer.parseInt(ug[0]), Integer.parseInt(ug[1]), a.get(1));
      }
      case "mv" -> new Op.Mv(args(a, 2).get(0), a.get(1));
      case "rename" -> new Op.Rename(args(a, 2).get(0), a.get(1));
      case "ln" -> a.size() == 3 && a.get(0).equals("-s")
          ? new Op.Symlink(a.get(1), a.get(2))
          : new Op.Link(args(a, 2).get(0), a.get(1));
      case "truncate" -> a.size() == 2
          ? new Op.Truncate(a.get(0), Long.parseLong(a.get(1)))
          : new Op.Truncate(args(a, 1).get(0), 0);
      case "mknod" -> {
        args(a, 4);
        if (!a.get(1).equals("c") && !a.get(1).equals("b")) {
          throw new IllegalArgumentException("mknod wants c or b, got " + a.get(1));
        }
        yield new Op.Mknod(a.get(0), a.get(1).charAt(0),
            Integer.parseInt(a.get(2)), Integer.parseInt(a.get(3)));
      }
      case "whiteout" -> new Op.Whiteout(args(a, 1).get(0));
      case "opaque" -> new Op.Opaque(args(a, 1).get(0));
      case "setxattr" -> new Op.SetXattr(args(a, 3).get(0), a.get(1), a.get(2));
      case "rmxattr" -> new Op.RmXattr(args(a, 2).get(0), a.get(1));
      case "cat" -> new Op.Cat(args(a, 1).get(0));
      case "ls" -> new Op.Ls(args(a, 1).get(0));
      case "exists" -> new Op.Exists(args(a, 1).get(0));
      case "stat" -> new Op.Stat(args(a, 1).get(0));
      case "ino" -> new Op.Ino(args(a, 1).get(0));
      case "note" -> new Op.Note(String.join(" ", a));
      default -> throw new IllegalArgumentException("unknown op '" + op + "'");
    };
  }

  private static List<String> args(List<String> a, int n) {
    if (a.size() != n) {
      throw new IllegalArgumentException("expected " + n + " argument(s), got " + a);
    }
    return a;
  }

  private static String need(List<String> w, int i) {
    if (i >= w.size()) {
      throw new IllegalArgumentException("missing word");
    }
    return w.get(i);
  }

  /** Splits a line into words with the language's quoting. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else if (c == '#' && !inWord) {
        break;
      } else if (c == '"') {
        inWord = true;
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          char d = s.charAt(i);
          if (d == '\\' && i + 1 < s.length()) {
            char e = s.charAt(++i);
            switch (e) {
              case 'n' -> w.append('\n');
              case 't' -> w.append('\t');
              case 'x' -> {
                w.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
              }
              default -> w.append(e);
            }
          } else {
            w.append(d);
          }
          i++;
        }
        if (i >= s.length()) {
          throw new IllegalArgumentException("unterminated double quote");
        }
      } else if (c == '\'') {
        inWord = true;
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated single quote");
        }
        w.append(s, i + 1, end);
        i = end;
      } else {
        inWord = true;
        w.append(c);
      }
      i++;
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }

  /** A word as the language writes it: bare when safe, else double-quoted with escapes. */
  static String quote(String s) {
    if (!s.isEmpty() && s.chars().allMatch(c -> c > ' ' && c < 127 && "\"'\\#".indexOf(c) < 0)) {
      return s;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        default -> {
          if (c < ' ' || c > '~') {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** The op as one line of the language (without target or {@code !}). */
  static String format(Op op) {
    if (op instanceof Op.Layers o) {
      return "layers " + o.count();
    }
    if (op instanceof Op.Mount o) {
      return ("mount " + o.options()).strip();
    }
    if (op instanceof Op.Umount o) {
      return "umount";
    }
    if (op instanceof Op.Remount o) {
      return o.options() == null ? "remount" : "remount " + o.options();
    }
    if (op instanceof Op.Write o) {
      return "write " + quote(o.path()) + " " + quote(o.content());
    }
    if (op instanceof Op.Append o) {
      return "append " + quote(o.path()) + " " + quote(o.content());
    }
    if (op instanceof Op.Touch o) {
      return "touch " + quote(o.path());
    }
    if (op instanceof Op.Mkdir o) {
      return "mkdir " + quote(o.path()) + (o.mode() == null ? "" : " " + Integer.toOctalString(o.mode()));
    }
    if (op instanceof Op.Rm o) {
      return "rm " + (o.recursive() ? "-r " : "") + quote(o.path());
    }
    if (op instanceof Op.Rmdir o) {
      return "rmdir " + quote(o.path());
    }
    if (op instanceof Op.Chmod o) {
      return String.format("chmod %04o ", o.mode()) + quote(o.path());
    }
    if (op instanceof Op.Chown o) {
      return "chown " + o.uid() + ":" + o.gid() + " " + quote(o.path());
    }
    if (op instanceof Op.Mv o) {
      return "mv " + quote(o.from()) + " " + quote(o.to());
    }
    if (op instanceof Op.Rename o) {
      return "rename " + quote(o.from()) + " " + quote(o.to());
    }
    if (op instanceof Op.Symlink o) {
      return "ln -s " + quote(o.target()) + " " + quote(o.path());
    }
    if (op instanceof Op.Link o) {
      return "ln " + quote(o.existing()) + " " + quote(o.path());
    }
    if (op instanceof Op.Truncate o) {
      return "truncate " + quote(o.path()) + " " + o.size();
    }
    if (op instanceof Op.Mknod o) {
      return "mknod " + quote(o.path()) + " " + o.kind() + " " + o.major() + " " + o.minor();
    }
    if (op instanceof Op.Whiteout o) {
      return "whiteout " + quote(o.path());
    }
    if (op instanceof Op.Opaque o) {
      return "opaque " + quote(o.path());
    }
    if (op instanceof Op.SetXattr o) {
      return "setxattr " + o.name() + " " + quote(o.value()) + " " + quote(o.path());
    }
    if (op instanceof Op.RmXattr o) {
      return "rmxattr " + o.name() + " " + quote(o.path());
    }
    if (op instanceof Op.Cat o) {
      return "cat " + quote(o.path());
    }
    if (op instanceof Op.Ls o) {
      return "ls " + quote(o.path());
    }
    if (op instanceof Op.Exists o) {
      return "exists " + quote(o.path());
    }
    if (op instanceof Op.Stat o) {
      return "stat " + quote(o.path());
    }
    if (op instanceof Op.Ino o) {
      return "ino " + quote(o.path());
    }
    if (op instanceof Op.Note o) {
      return "note " + o.text();
    }
    throw new IllegalArgumentException(op.toString());
  }

  /** A step in the language, target and {@code !} included. */
  static Step step(Step.Target target, int layer, boolean mustFail, Op op) {
    String where = switch (target) {
      case LOWER -> "lower " + layer + " ";
      case UPPER -> "upper ";
      case MERGED -> "";
    };
    return new Step(target, layer, mustFail, op, (mustFail ? "! " : "") + where + format(op));
  }
}
