package dev.layerlab.shell.docker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One docker subcommand's command line, as cobra and pflag define it: its usage line, its
 * description, its flags, how many arguments it takes, and whether flags may follow arguments.
 */
final class Spec {
  /** One flag: {@code shortName} 0 when it has none; {@code type} null for a boolean flag. */
  record Opt(char shortName, String longName, String type, String help) {}

  final String path;
  final String usage;
  final String description;
  final List<Opt> opts = new ArrayList<>();
  boolean interspersed = true;
  int min;
  int max = -1;

  Spec(String path, String usage, String description) {
    this.path = path;
    this.usage = usage;
    this.description = description;
  }

  Spec flag(char s, String l, String help) {
    opts.add(new Opt(s, l, null, help));
    return this;
  }

  Spec flag(String l, String help) {
    return flag((char) 0, l, help);
  }

  Spec value(char s, String l, String type, String help) {
    opts.add(new Opt(s, l, type, help));
    return this;
  }

  Spec value(String l, String type, String help) {
    return value((char) 0, l, type, help);
  }

  /** Flags stop at the first argument (the rest is the container's command). */
  Spec notInterspersed() {
    interspersed = false;
    return this;
  }

  Spec args(int minArgs, int maxArgs) {
    min = minArgs;
    max = maxArgs;
    return this;
  }

  /** {@code docker images --help}. */
  String help() {
    StringBuilder b = new StringBuilder("\nUsage:\t").append(usage).append("\n\n").append(description).append('\n');
    if (!opts.isEmpty()) {
      b.append("\nOptions:\n");
      List<Opt> sorted = new ArrayList<>(opts);
      sorted.sort(Comparator.comparing(Opt::longName));
      List<String> left = new ArrayList<>();
      int maxLen = 0;
      for (Opt o : sorted) {
        String l = (o.shortName() != 0 ? "  -" + o.shortName() + ", --" : "      --") + o.longName()
            + (o.type() != null ? " " + o.type() : "");
        left.add(l);
        maxLen = Math.max(maxLen, l.length());
      }
      for (int i = 0; i < sorted.size(); i++) {
        b.append(left.get(i)).append(" ".repeat(maxLen - left.get(i).length() + 3)).append(sorted.get(i).help())
            .append('\n');
      }
    }
    return b.toString();
  }

  /** The error cobra prints for a wrong number of arguments. */
  String argError() {
    String what;
    if (max == 0) {
      what = "accepts no arguments.";
    } else if (min == max) {
      what = "requires exactly " + min + " " + plural(min);
    } else if (max >= 0 && min == 0) {
      what = "requires at most " + max + " " + plural(max);
    } else {
      what = "requires at least " + min + " " + plural(min);
    }
    return "\"docker " + path + "\" " + what + "\nSee 'docker " + path + " --help'.\n\nUsage:  " + usage + "\n\n"
        + description;
  }

  private static String plural(int n) {
    return n == 1 ? "argument." : "arguments.";
  }

  Opt byLong(String l) {
    return opts.stream().filter(o -> o.longName().equals(l)).findFirst().orElse(null);
  }

  Opt byShort(char c) {
    return opts.stream().filter(o -> o.shortName() == c).findFirst().orElse(null);
  }
}
