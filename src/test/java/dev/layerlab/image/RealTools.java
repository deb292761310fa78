package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.FileType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Running umoci and skopeo, and comparing a real directory with a layerlab root filesystem. */
final class RealTools {
  private RealTools() {}

  /** Skips the calling test (printing why) unless {@code tool} is installed. */
  static void require(String tool) {
    boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    if (!found) {
      System.out.println("SKIPPED: " + tool + " is not installed (apt-get install -y umoci skopeo)");
    }
    Assumptions.assumeTrue(found, tool + " is not installed");
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs a command in {@code dir}; fails the test with its output when it exits non-zero. */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + ": timed out");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
    }
    return out;
  }

  /** One file of a tree, described the way both sides can: type, permissions, owner, content, link. */
  record Node(FileType type, int mode, int uid, int gid, String link, String content) {}

  /** A real directory tree (without the root itself). */
  static Map<String, Node> real(Path root, boolean owners) throws IOException {
    Map<String, Node> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString();
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        FileType type = Files.isSymbolicLink(p) ? FileType.SYMLINK
            : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? FileType.DIRECTORY
            : (mode & 0170000) == 0020000 ? FileType.CHAR_DEVICE : FileType.REGULAR;
        String link = type == FileType.SYMLINK ? Files.readSymbolicLink(p).toString() : null;
        String content = type == FileType.REGULAR ? digest(Files.readAllBytes(p)) : null;
        out.put(rel, new Node(type, type == FileType.SYMLINK ? 0777 : mode & 07777, owners ? (Integer) a.get("uid") : 0,
            owners ? (Integer) a.get("gid") : 0, link, content));
      }
    }
    return out;
  }

  /** A layerlab root filesystem in the same terms (hard links resolved to their target's content). */
  static Map<String, Node> ours(Map<String, LayerEntry> fs, boolean owners) {
    Map<String, Node> out = new TreeMap<>();
    fs.forEach((path, e) -> {
      LayerEntry data = e.isHardLink() ? fs.get(e.linkName()) : e;
      String content = e.type() == FileType.REGULAR ? digest(data.content().bytes()) : null;
      out.put(path, new Node(e.type(), e.type() == FileType.SYMLINK ? 0777 : e.mode(), owners ? e.uid() : 0,
          owners ? e.gid() : 0, e.type() == FileType.SYMLINK ? e.linkName() : null, content));
    });
    return out;
  }

  static void assertSameTree(Map<String, Node> real, Map<String, Node> ours) {
    List<String> diffs = new ArrayList<>();
    for (String p : new java.util.TreeSet<>(real.keySet())) {
      if (!ours.containsKey(p)) {
        diffs.add("only on disk: " + p);
      } else if (!real.get(p).equals(ours.get(p))) {
        diffs.add(p + ": disk " + real.get(p) + " vs layerlab " + ours.get(p));
      }
    }
    ours.keySet().stream().filter(p -> !real.containsKey(p)).forEach(p -> diffs.add("only in layerlab: " + p));
    assertThat(diffs).as("differences").isEmpty();
  }

  static String digest(byte[] b) {
    return Digest.of(b).shortId() + "/" + b.length;
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
