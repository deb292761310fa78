package dev.layerlab.ui;

import dev.layerlab.image.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Completion of the image {@code docker pull}, {@code run} and {@code create} take: the names the
 * offline registry serves ({@code ubuntu}, {@code ubuntu:18.04}, {@code alpine:3.8}, ...), which a
 * learner types there long before any image is local.
 */
final class PullableImages {

  /** Subcommands whose image is pulled when missing, with the management command they also live under. */
  private static final Set<String> PULLING = Set.of("pull", "image pull", "run", "container run", "create",
      "container create");

  /** Long options of pull, run and create that take a value (the next word unless given with =). */
  private static final Set<String> VALUE_OPTIONS = Set.of("--add-host", "--cpus", "--device", "--dns",
      "--entrypoint", "--env", "--env-file", "--expose", "--hostname", "--label", "--link", "--log-driver",
      "--memory", "--mount", "--name", "--network", "--platform", "--publish", "--restart", "--user",
      "--volume", "--volumes-from", "--workdir");

  /** Short options that take a value: -e -h -l -m -p -u -v -w. */
  private static final String VALUE_SHORT = "ehlmpuvw";

  private PullableImages() {}

  /** True when the word after {@code before} is the image of a pull, run or create. */
  static boolean wanted(List<String> before) {
    if (before.size() < 2 || !before.get(0).equals("docker")) {
      return false;
    }
    int at = 1;
    String sub = before.get(at);
    if ((sub.equals("image") || sub.equals("container")) && before.size() > 2) {
      sub = sub + " " + before.get(++at);
    }
    if (!PULLING.contains(sub)) {
      return false;
    }
    for (int i = at + 1; i < before.size(); i++) {
      String word = before.get(i);
      if (!word.startsWith("-") || word.equals("-")) {
        return false; // an argument: the image is already there
      }
      if (word.equals("--")) {
        return true;
      }
      if (takesNextWord(word)) {
        if (++i == before.size()) {
          return false; // the word is the option's value
        }
      }
    }
    return true;
  }

  /** The served names starting with {@code word}: each repository, then each repository:tag. */
  static List<String> matching(String word) {
    Catalog catalog = Catalog.builtIn();
    List<String> out = new ArrayList<>();
    for (String repository : catalog.repositories()) {
      if (repository.startsWith(word)) {
        out.add(repository);
      }
      for (String tag : catalog.tags(repository)) {
        String name = repository + ":" + tag;
        if (name.startsWith(word)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static boolean takesNextWord(String option) {
    if (option.contains("=")) {
      return false;
    }
    if (option.startsWith("--")) {
      return VALUE_OPTIONS.contains(option);
    }
    // A cluster such as -it or -de: a short option with a value takes the rest of the cluster,
    // or the next word when it comes last.
    for (int i = 1; i < option.length(); i++) {
      if (VALUE_SHORT.indexOf(option.charAt(i)) >= 0) {
        return i == option.length() - 1;
      }
    }
    return false;
  }
}
