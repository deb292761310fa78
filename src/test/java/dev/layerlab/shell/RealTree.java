package dev.layerlab.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The directory tree both sides of the coreutils differential suite work on, made on the real disk. */
final class RealTree {
  /** Every kind of entry ls, stat and find must show: devices, links, special modes, owners, times, xattrs. */
  static final String BUILD = String.join("\n",
      "set -e",
      "printf 'hello\\nworld\\n' > a.txt",
      ": > empty",
      "head -c 5000 /dev/zero | tr '\\0' x > big",
      "head -c 3000000 /dev/zero | tr '\\0' y > huge",
      "printf '#!/bin/sh\\necho hi\\n' > exec.sh; chmod 755 exec.sh",
      ": > suid; chmod 4755 suid",
      ": > sgid; chmod 2750 sgid",
      ": > 'with space'",
      "mkdir -p d/e; printf 'deep\\n' > d/e/f; printf 'in d\\nhello there\\n' > d/g; chmod 700 d/e",
      "mkdir sticky; chmod 1777 sticky; mkdir emptydir",
      "mkdir .hidden_dir; : > .hidden",
      "ln a.txt hard",
      "ln -s a.txt link",
      "ln -s nowhere dangling",
      "ln -s d dirlink",
      "mknod wh c 0 0",
      "mknod null c 1 3",
      ": > owned; chown 33:33 owned",
      ": > numeric; chown 1234:4321 numeric",
      "setfattr -n user.comment -v 'a file' a.txt",
      "setfattr -n user.bin -v 0x0001ff a.txt",
      "setfattr -n trusted.overlay.opaque -v y d",
      "setfattr -n user.note -v x d/g",
      "recent=$(( $(date +%s) - 86400 * 3 ))",
      "find . -mindepth 1 -exec touch -h -d @$recent {} +",
      "touch -d '2010-03-04 05:06:07' old 2>/dev/null || { : > old; touch -d '2010-03-04 05:06:07' old; }",
      "touch -d '2030-01-01 00:00:00' future 2>/dev/null || { : > future; touch -d '2030-01-01 00:00:00' future; }",
      "touch -d @$recent . d d/e sticky");

  private RealTree() {}

  static Path create() throws IOException {
    Path dir = Files.createTempDirectory("layerlab-tree");
    Sim.Result r = RealBash.run(dir, BUILD);
    if (r.status() != 0) {
      throw new AssertionError("building the tree failed: " + r.err());
    }
    return dir;
  }

  static void delete(Path dir) throws IOException {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Imports the tree into a simulated host at {@code /work}, then the trusted.* attributes Java cannot read. */
  static void importInto(Path dir, Sim sim) {
    sim.host.vfs().mkdir("/work", 0755);
    DiskImport.importTree(dir, sim.host.vfs(), "/work");
    Sim.Result dump = RealBash.exec(dir, List.of("getfattr", "-R", "-h", "-d", "-m", "^trusted\\.", "-e", "hex", "."));
    String file = null;
    for (String line : dump.out().split("\n")) {
      if (line.startsWith("# file: ")) {
        file = line.substring(8);
      } else if (line.contains("=") && file != null) {
        String name = line.substring(0, line.indexOf('='));
        byte[] value = HexFormat.of().parseHex(line.substring(line.indexOf('=') + 3));
        sim.host.vfs().setxattr("/work/" + file, name, value);
      }
    }
  }
}
