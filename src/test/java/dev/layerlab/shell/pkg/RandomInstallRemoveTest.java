package dev.layerlab.shell.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random install/remove sequences in one container, checking after every step that apt,
 * dpkg and the filesystem agree. A failure prints its seed; rerun one with
 * {@code mvn -o test -Dtest=RandomInstallRemoveTest -Dpkg.seed=SEED}.
 */
class RandomInstallRemoveTest {
  private static final List<String> TOP = List.of("vim", "curl", "wget", "less", "nano", "iputils-ping", "net-tools",
      "python3-minimal", "git");

  @ParameterizedTest
  @ValueSource(strings = {"ubuntu:18.04", "ubuntu:16.04", "debian:stretch"})
  void aptDpkgAndTheFilesystemAgree(String image) {
    long seed = Long.getLong("pkg.seed", System.nanoTime());
    System.out.println("RandomInstallRemoveTest " + image + " seed " + seed);
    Random random = new Random(seed);
    Keyboard k = new Keyboard();
    k.enter(image, "box", "bash");
    k.type("apt-get update");
    List<String> initial = k.type("dpkg -l | grep '^ii ' | cut -c5- | cut -d' ' -f1").lines()
        .map(n -> n.replaceFirst(":amd64$", "")).toList();
    int base = initial.size();
    TreeSet<String> asked = new TreeSet<>();
    boolean baseTouched = false;
    for (int step = 0; step < 8; step++) {
      String pkg = TOP.get(random.nextInt(TOP.size()));
      boolean install = random.nextInt(3) > 0;
      k.type("apt-get " + (install ? "install" : "remove") + " -y " + pkg);
      assertThat(k.status).as("seed %d: %s %s: %s", seed, install ? "install" : "remove", pkg, k.err).isZero();
      if (install) {
        asked.add(pkg);
      } else {
        asked.remove(pkg);
        baseTouched |= initial.contains(pkg); // the image's own package (and what needs it) went
      }
      String installed = k.type("dpkg -l | grep '^ii ' | cut -c5- | cut -d' ' -f1");
      List<String> names = new ArrayList<>(installed.lines().map(n -> n.replaceFirst(":amd64$", "")).toList());
      assertThat(names).as("seed %d step %d", seed, step).containsAll(asked);
      // a package the image already had does not add to the count
      long added = asked.stream().filter(n -> !initial.contains(n)).count();
      if (!baseTouched) {
        assertThat(names.size()).as("seed %d step %d", seed, step).isGreaterThanOrEqualTo(base + (int) added);
      }
      // every file dpkg lists for an added package is really there, and the program is on PATH
      for (String name : asked) {
        String missing = k.type("for f in $(dpkg -L " + name + "); do test -e $f || echo $f; done");
        assertThat(missing).as("seed %d: files of %s", seed, name).isEmpty();
      }
      if (!asked.contains("vim") && names.stream().noneMatch(n -> n.equals("vim"))) {
        assertThat(k.type("test -e /usr/bin/vim.basic && echo present")).as("seed %d", seed).isEmpty();
      }
    }
  }
}
