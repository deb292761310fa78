package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.util.awk.Node.Expr;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The built-in functions: string functions, arithmetic, rand, system and close. */
final class Builtins {
  private static final java.util.Random RANDOM = new java.util.Random();

  private Builtins() {}

  static Object call(Eval ev, String name, List<Expr> args) {
    switch (name) {
      case "length":
        if (args.isEmpty()) {
          return (double) ev.record.text().length();
        }
        if (args.get(0) instanceof Node.Var v && ev.cell(v.name()).isArray()) {
          return (double) ev.cell(v.name()).array().size();
        }
        return (double) s(ev, args, 0).length();
      case "substr":
        return substr(s(ev, args, 0), n(ev, args, 1), args.size() > 2 ? n(ev, args, 2) : Double.POSITIVE_INFINITY);
      case "index":
        return (double) (s(ev, args, 0).indexOf(s(ev, args, 1)) + 1);
      case "split":
        return split(ev, args);
      case "sub":
      case "gsub":
        return substitute(ev, args, name.equals("gsub"));
      case "match": {
        String text = s(ev, args, 0);
        Regex.Found m = Regex.find(ev.pattern(args.get(1)), text, 0);
        ev.cell("RSTART").value = m != null ? m.start() + 1.0 : 0.0;
        ev.cell("RLENGTH").value = m != null ? (double) (m.end() - m.start()) : -1.0;
        return m != null ? m.start() + 1.0 : 0.0;
      }
      case "sprintf": {
        Object[] rest = new Object[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
          rest[i - 1] = ev.eval(args.get(i));
        }
        return Format.sprintf(s(ev, args, 0), rest, ev.convfmt());
      }
      case "tolower":
        return ascii(s(ev, args, 0), false);
      case "toupper":
        return ascii(s(ev, args, 0), true);
      case "int": {
        double d = n(ev, args, 0);
        return d < 0 ? Math.ceil(d) : Math.floor(d);
      }
      case "sqrt":
        return nan(Math.sqrt(n(ev, args, 0)));
      case "exp":
        return Math.exp(n(ev, args, 0));
      case "log":
        return nan(Math.log(n(ev, args, 0)));
      case "sin":
        return Math.sin(n(ev, args, 0));
      case "cos":
        return Math.cos(n(ev, args, 0));
      case "atan2":
        return Math.atan2(n(ev, args, 0), n(ev, args, 1));
      case "rand":
        return RANDOM.nextDouble();
      case "srand": {
        Cell seed = ev.cell("\u0000seed");
        Object previous = seed.get();
        double next = args.isEmpty() ? System.currentTimeMillis() / 1000 : n(ev, args, 0);
        seed.value = next;
        RANDOM.setSeed(Double.doubleToLongBits(next));
        return previous;
      }
      case "system":
        return (double) ev.io.system(s(ev, args, 0));
      case "close":
        return (double) ev.io.close(s(ev, args, 0));
      default:
        return 0.0;
    }
  }

  /** toupper and tolower change ASCII letters only (mawk in the C locale). */
  private static String ascii(String s, boolean upper) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (upper && c >= 'a' && c <= 'z') {
        chars[i] = (char) (c - 32);
      } else if (!upper && c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return new String(chars);
  }

  /** An invalid operation's NaN as the C library makes it. */
  private static double nan(double d) {
    return Double.isNaN(d) ? Values.NEGATIVE_NAN : d;
  }

  private static String s(Eval ev, List<Expr> args, int i) {
    return ev.str(ev.eval(args.get(i)));
  }

  private static double n(Eval ev, List<Expr> args, int i) {
    return Values.num(ev.eval(args.get(i)));
  }

  /** substr with mawk's truncation of start and length, clipped to the string. */
  private static String substr(String s, double start, double length) {
    double from = start < 0 ? Math.ceil(start) : Math.floor(start);
    double to = Double.isInfinite(length) ? Double.POSITIVE_INFINITY
        : from + (length < 0 ? Math.ceil(length) : Math.floor(length));
    if (Double.isNaN(from)) {
      return "";
    }
    int a = (int) Math.max(1, from);
    double b = Math.min(s.length() + 1.0, to);
    if (b <= a) {
      return "";
    }
    return s.substring(a - 1, (int) b - 1);
  }

  private static Object split(Eval ev, List<Expr> args) {
    String s = s(ev, args, 0);
    if (!(args.get(1) instanceof Node.Var v)) {
      throw new AwkException("split: second argument must be an array");
    }
    List<String> parts;
    if (args.size() > 2 && args.get(2) instanceof Node.Regex r) {
      parts = s.isEmpty() ? List.of() : splitRegex(s, ev.regex.compile(r.source()));
    } else {
      String fs = args.size() > 2 ? s(ev, args, 2) : ev.special("FS");
      parts = Record.split(s, fs, ev.regex);
    }
    Map<String, Object> array = ev.array(v.name());
    array.clear();
    for (int i = 0; i < parts.size(); i++) {
      array.put(Integer.toString(i + 1), Values.fromInput(parts.get(i)));
    }
    return (double) parts.size();
  }

  private static List<String> splitRegex(String s, Pattern p) {
    List<String> out = new java.util.ArrayList<>();
    int start = 0;
    int from = 0;
    Regex.Found m;
    while (from <= s.length() && (m = Regex.find(p, s, from)) != null) {
      if (m.end() > m.start()) {
        out.add(s.substring(start, m.start()));
        start = m.end();
        from = m.end();
      } else {
        from = m.start() + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static Object substitute(Eval ev, List<Expr> args, boolean global) {
    Pattern p = ev.pattern(args.get(0));
    String replacement = s(ev, args, 1);
    Expr target = args.size() > 2 ? args.get(2) : new Node.Field(new Node.Num(0));
    String text = ev.str(ev.eval(target));
    StringBuilder out = new StringBuilder();
    Regex.Found m;
    int pos = 0;
    int count = 0;
    int lastMatchEnd = -1;
    while (pos <= text.length() && (m = Regex.find(p, text, pos)) != null) {
      if (m.end() == m.start() && m.start() == lastMatchEnd) {
        if (m.start() >= text.length()) {
          break;
        }
        out.append(text.charAt(m.start()));
        pos = m.start() + 1;
        lastMatchEnd = -1;
        continue;
      }
      out.append(text, pos, m.start());
      appendReplacement(out, replacement, text.substring(m.start(), m.end()));
      count++;
      lastMatchEnd = m.end();
      if (m.end() == m.start()) {
        if (m.start() < text.length()) {
          out.append(text.charAt(m.start()));
        }
        pos = m.start() + 1;
      } else {
        pos = m.end();
      }
      if (!global) {
        break;
      }
    }
    if (count == 0) {
      return 0.0;
    }
    if (pos < text.length()) {
      out.append(text, pos, text.length());
    }
    if (Interp.isLvalue(target)) {
      ev.store(target, out.toString());
    }
    return (double) count;
  }

  private static void appendReplacement(StringBuilder out, String replacement, String matched) {
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      if (c == '\\' && i + 1 < replacement.length()
          && (replacement.charAt(i + 1) == '&' || replacement.charAt(i + 1) == '\\')) {
        out.append(replacement.charAt(++i));
      } else if (c == '&') {
        out.append(matched);
      } else {
        out.append(c);
      }
    }
  }
}
