package dev.layerlab.learn;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The names of the checks a lesson may use, and the parser of one check line. */
final class Checks {
  /** Every check name, for error messages. */
  static final List<String> NAMES = List.of("typed", "output", "answer", "image", "no-image", "layers", "container",
      "no-container", "inside", "on-host", "upper", "merged", "layer", "host");
  static final Set<String> STATES = Set.of("running", "exited", "created", "any");
  static final Set<String> IS = Set.of("exists", "missing", "file", "dir", "whiteout", "opaque", "contains");

  private Checks() {}

  /** The check {@code line} describes, or null after reporting what is wrong with it. */
  static Check parse(String line, Consumer<String> problem) {
    String s = line.strip();
    int sp = s.indexOf(' ');
    String name = sp < 0 ? s : s.substring(0, sp);
    String rest = sp < 0 ? "" : s.substring(sp + 1).strip();
    String[] w = rest.isEmpty() ? new String[0] : rest.split("\\s+");
    switch (name) {
      case "typed", "output" -> {
        if (rest.isEmpty()) {
          problem.accept(name + " needs a pattern (a Java regular expression)");
          return null;
        }
        try {
          Pattern p = Pattern.compile(rest);
          return name.equals("typed") ? new Check.Typed(p) : new Check.Output(p);
        } catch (PatternSyntaxException e) {
          problem.accept(name + ": bad pattern: " + e.getDescription() + " near index " + e.getIndex());
          return null;
        }
      }
      case "answer" -> {
        return words(name, w, 1, "answer WORD", problem) ? new Check.Answer(w[0]) : null;
      }
      case "image", "no-image" -> {
        return words(name, w, 1, name + " IMAGE", problem) ? new Check.ImagePresent(w[0], name.equals("image")) : null;
      }
      case "layers" -> {
        if (!words(name, w, 2, "layers IMAGE COUNT", problem)) {
          return null;
        }
        if (!w[1].matches("[0-9]{1,3}")) {
          problem.accept("layers: COUNT must be a number, not \"" + w[1] + "\"");
          return null;
        }
        return new Check.LayerCount(w[0], Integer.parseInt(w[1]));
      }
      case "container" -> {
        if (w.length < 1 || w.length > 2) {
          problem.accept("container needs STATE [IMAGE], e.g. container running ubuntu:18.04");
          return null;
        }
        return state(w[0], problem) ? new Check.ContainerIn(w[0], w.length > 1 ? w[1] : null) : null;
      }
      case "no-container" -> {
        if (w.length > 1) {
          problem.accept("no-container takes at most a STATE");
          return null;
        }
        String st = w.length == 0 ? "any" : w[0];
        return state(st, problem) ? new Check.NoContainer(st) : null;
      }
      case "inside", "on-host" -> {
        return words(name, w, 0, name, problem) ? new Check.Inside(name.equals("inside")) : null;
      }
      case "upper", "merged" -> {
        return path(name, name, w, 1, rest, problem);
      }
      case "layer" -> {
        return path(name, "layer", w, 2, rest, problem);
      }
      case "host" -> {
        return path(name, "host", w, 0, rest, problem);
      }
      default -> {
        problem.accept("unknown check \"" + name + "\" (checks: " + String.join(", ", NAMES) + ")");
        return null;
      }
    }
  }

  private static boolean words(String name, String[] w, int n, String usage, Consumer<String> problem) {
    if (w.length != n) {
      problem.accept(name + " needs: " + usage);
      return false;
    }
    return true;
  }

  private static boolean state(String s, Consumer<String> problem) {
    if (!STATES.contains(s)) {
      problem.accept("unknown container state \"" + s + "\" (running, exited, created, any)");
      return false;
    }
    return true;
  }

  /** {@code upper C PATH IS}, {@code layer IMG N PATH IS}, {@code host PATH IS}; {@code contains} takes the rest. */
  private static Check path(String name, String where, String[] w, int owners, String rest, Consumer<String> problem) {
    String usage = switch (where) {
      case "layer" -> "layer IMAGE N PATH IS";
      case "host" -> "host PATH IS";
      default -> where + " CONTAINER PATH IS";
    };
    if (w.length < owners + 2) {
      problem.accept(name + " needs: " + usage + " (IS: " + String.join(", ", IS.stream().sorted().toList()) + ")");
      return null;
    }
    String owner = owners > 0 ? w[0] : null;
    int layer = -1;
    if (where.equals("layer")) {
      if (!w[1].matches("[0-9]{1,3}")) {
        problem.accept("layer: N is the layer number counted from the bottom (0), not \"" + w[1] + "\"");
        return null;
      }
      layer = Integer.parseInt(w[1]);
    }
    String path = w[owners];
    String is = w[owners + 1];
    if (!path.startsWith("/")) {
      problem.accept(name + ": the path must be absolute, not \"" + path + "\"");
      return null;
    }
    if (!IS.contains(is)) {
      problem.accept(name + ": unknown test \"" + is + "\" (" + String.join(", ", IS.stream().sorted().toList()) + ")");
      return null;
    }
    String text = null;
    if (is.equals("contains")) {
      int at = rest.indexOf(" contains ");
      text = at < 0 ? "" : rest.substring(at + " contains ".length());
      if (text.isEmpty()) {
        problem.accept(name + ": contains needs the text to look for");
        return null;
      }
    } else if (w.length > owners + 2) {
      problem.accept(name + ": unexpected words after \"" + is + "\"");
      return null;
    }
    return new Check.PathIs(where, owner, layer, path, is, text);
  }
}
