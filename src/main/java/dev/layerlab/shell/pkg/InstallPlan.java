package dev.layerlab.shell.pkg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code apt-get install} adds for the names it was given: each package after what it
 * depends on, then what it recommends (apt installs Recommends by default; the official images
 * do not turn that off). Dependencies the index does not know are not simulated.
 */
final class InstallPlan {
  private final Map<String, Candidate> index;
  private final Dpkg dpkg;
  private final boolean recommends;
  private final LinkedHashSet<Candidate> packages = new LinkedHashSet<>();

  private InstallPlan(Map<String, Candidate> index, Dpkg dpkg, boolean recommends) {
    this.index = index;
    this.dpkg = dpkg;
    this.recommends = recommends;
  }

  /** The plan for {@code names} (all known to the index, none installed). */
  static InstallPlan of(List<String> names, Map<String, Candidate> index, Dpkg dpkg, boolean recommends) {
    InstallPlan p = new InstallPlan(index, dpkg, recommends);
    for (String name : names) {
      p.add(index.get(name), new TreeSet<>());
    }
    return p;
  }

  /** The packages to unpack, in the order they are fetched and unpacked. */
  List<Candidate> packages() {
    return new ArrayList<>(packages);
  }

  private void add(Candidate c, Set<String> visiting) {
    if (packages.contains(c) || !visiting.add(c.name())) {
      return;
    }
    for (List<String> group : c.depends()) {
      satisfy(group, visiting);
    }
    packages.add(c);
    if (recommends) {
      for (List<String> group : c.recommends()) {
        satisfy(group, visiting);
      }
    }
  }

  private void satisfy(List<String> group, Set<String> visiting) {
    if (group.stream().anyMatch(n -> dpkg.isInstalled(n) || planned(n))) {
      return;
    }
    // the first alternative the index knows, as apt prefers the first one it can install
    group.stream().filter(index::containsKey).findFirst().ifPresent(d -> add(index.get(d), visiting));
  }

  private boolean planned(String name) {
    return packages.stream().anyMatch(p -> p.name().equals(name));
  }

  /**
   * apt's "Suggested packages:" words: the Suggests of the new packages taken in name order,
   * without what is installed or being installed; an alternative's later choices are written
   * {@code | name}, each a word of its own for wrapping.
   */
  List<String> suggested() {
    return mentioned(Candidate::suggests);
  }

  /** apt's "Recommended packages:" words, printed only when Recommends are not installed. */
  List<String> recommendedLeftOut() {
    return recommends ? List.of() : mentioned(Candidate::recommends);
  }

  private List<String> mentioned(java.util.function.Function<Candidate, List<List<String>>> field) {
    List<String> words = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    packages.stream().sorted(java.util.Comparator.comparing(Candidate::name)).forEach(c -> {
      for (List<String> group : field.apply(c)) {
        if (group.stream().anyMatch(n -> dpkg.isInstalled(n) || planned(n)) || !seen.add(String.join("|", group))) {
          continue;
        }
        for (int i = 0; i < group.size(); i++) {
          words.add(i == 0 ? group.get(i) : "| " + group.get(i));
        }
      }
    });
    return words;
  }
}
