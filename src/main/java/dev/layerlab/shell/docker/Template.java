package dev.layerlab.shell.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of Go's text/template that {@code --format} strings use: field paths
 * ({@code {{.GraphDriver.Data.UpperDir}}}), {@code {{json .X}}}, {@code {{range .X}}...{{end}}}
 * with {@code {{.}}}, and the {@code upper}, {@code lower}, {@code join} and {@code println}
 * functions. Values print as Go prints them ({@code [a b]}, {@code map[k:v]}, {@code <no value>}).
 */
final class Template {
  /** A template that does not parse or cannot run; the message follows Go's. */
  static final class TemplateError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TemplateError(String message) {
      super(message, null, false, false);
    }
  }

  private sealed interface Node {}

  private record Text(String text) implements Node {}

  private record Action(String expr) implements Node {}

  private record Range(String expr, List<Node> body) implements Node {}

  private final List<Node> nodes;

  private Template(List<Node> nodes) {
    this.nodes = nodes;
  }

  static Template parse(String source) {
    List<List<Node>> stack = new ArrayList<>();
    List<String> rangeExprs = new ArrayList<>();
    List<Node> cur = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      int open = source.indexOf("{{", i);
      if (open < 0) {
        cur.add(new Text(source.substring(i)));
        break;
      }
      if (open > i) {
        cur.add(new Text(source.substring(i, open)));
      }
      int close = source.indexOf("}}", open);
      if (close < 0) {
        throw new TemplateError("template: :1: unclosed action");
      }
      String expr = source.substring(open + 2, close).trim();
      if (expr.startsWith("range ")) {
        stack.add(cur);
        rangeExprs.add(expr.substring(6).trim());
        cur = new ArrayList<>();
      } else if (expr.equals("end")) {
        if (stack.isEmpty()) {
          throw new TemplateError("template: :1: unexpected {{end}}");
        }
        Range r = new Range(rangeExprs.remove(rangeExprs.size() - 1), cur);
        cur = stack.remove(stack.size() - 1);
        cur.add(r);
      } else {
        cur.add(new Action(expr));
      }
      i = close + 2;
    }
    if (!stack.isEmpty()) {
      throw new TemplateError("template: :1: unexpected EOF");
    }
    return new Template(cur);
  }

  String execute(Object data) {
    StringBuilder b = new StringBuilder();
    run(nodes, data, b);
    return b.toString();
  }

  private void run(List<Node> list, Object dot, StringBuilder b) {
    for (Node n : list) {
      if (n instanceof Text t) {
        b.append(t.text());
      } else if (n instanceof Action a) {
        b.append(print(eval(a.expr(), dot)));
      } else if (n instanceof Range r) {
        Object v = eval(r.expr(), dot);
        if (v instanceof List<?> l) {
          for (Object item : l) {
            run(r.body(), item, b);
          }
        } else if (v instanceof Map<?, ?> m) {
          for (Object item : new TreeMap<>(m).values()) {
            run(r.body(), item, b);
          }
        }
      }
    }
  }

  private Object eval(String expr, Object dot) {
    List<String> words = words(expr);
    if (words.isEmpty()) {
      throw new TemplateError("template: :1: missing value for command");
    }
    String fn = words.get(0);
    switch (fn) {
      case "json": {
        // a field the object lacks reaches json as Go's zero value (a nil pointer, say): null
        Object v = arg(words, 1, dot);
        return new Raw(v == Missing.INSTANCE ? "null" : dev.layerlab.image.GoJson.text(v, null));
      }
      case "upper":
        return print(arg(words, 1, dot)).toUpperCase();
      case "lower":
        return print(arg(words, 1, dot)).toLowerCase();
      case "println": {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
          parts.add(print(arg(words, i, dot)));
        }
        return String.join(" ", parts) + "\n";
      }
      case "join": {
        Object list = arg(words, 1, dot);
        String sep = print(arg(words, 2, dot));
        List<String> parts = new ArrayList<>();
        if (list instanceof List<?> l) {
          l.forEach(x -> parts.add(print(x)));
        }
        return String.join(sep, parts);
      }
      default:
        if (words.size() > 1) {
          throw new TemplateError("template: :1: function \"" + fn + "\" not defined");
        }
        return value(fn, dot);
    }
  }

  private Object arg(List<String> words, int i, Object dot) {
    if (i >= words.size()) {
      throw new TemplateError("template: :1: wrong number of args");
    }
    return value(words.get(i), dot);
  }

  private Object value(String w, Object dot) {
    if (w.startsWith("\"") && w.endsWith("\"") && w.length() >= 2) {
      return w.substring(1, w.length() - 1).replace("\\n", "\n").replace("\\t", "\t");
    }
    if (w.equals(".")) {
      return dot;
    }
    if (!w.startsWith(".")) {
      throw new TemplateError("template: :1: function \"" + w + "\" not defined");
    }
    Object cur = dot;
    for (String field : w.substring(1).split("\\.")) {
      if (cur instanceof Map<?, ?> m) {
        if (!m.containsKey(field)) {
          return Missing.INSTANCE;
        }
        cur = m.get(field);
      } else {
        return Missing.INSTANCE;
      }
    }
    return cur;
  }

  private static List<String> words(String expr) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '"') {
        int end = expr.indexOf('"', i + 1);
        end = end < 0 ? expr.length() - 1 : end;
        out.add(expr.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = expr.indexOf(' ', i);
        end = end < 0 ? expr.length() : end;
        out.add(expr.substring(i, end));
        i = end;
      }
    }
    return out;
  }

  private record Raw(String text) {}

  private enum Missing { INSTANCE }

  /** How Go's fmt prints a value in a template. */
  static String print(Object v) {
    if (v == Missing.INSTANCE) {
      return "<no value>";
    } else if (v instanceof Raw r) {
      return r.text();
    } else if (v == null) {
      return "<nil>";
    } else if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(print(x)));
      return "[" + String.join(" ", parts) + "]";
    } else if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(m).forEach((k, x) -> parts.add(k + ":" + print(x)));
      return "map[" + String.join(" ", parts) + "]";
    }
    return v.toString();
  }
}
