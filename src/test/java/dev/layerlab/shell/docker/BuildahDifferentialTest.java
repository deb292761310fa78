package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerlab.image.ArchiveImage;
import dev.layerlab.image.HistoryEntry;
import dev.layerlab.image.ImageArchives;
import dev.layerlab.image.LayerBlob;
import dev.layerlab.image.LayerEntry;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * layerlab's builder against a real one: {@code buildah bud --layers --isolation chroot} builds
 * the same Dockerfiles from the same (seeded) context, and each image's layers (every entry's
 * path, type, mode, owner and content) and history ({@code created_by}, {@code empty_layer})
 * must agree. Only instructions that need no shell are used: the simulated images' shells are
 * the interpreter's, which buildah cannot run. Known differences between buildah and Docker
 * 18.06, which layerlab follows, are normalised: buildah writes one space after {@code #(nop)}
 * where Docker writes two, leaves {@code --chown=u:g} out of COPY's text, writes {@code VOLUME /data}
 * for Docker's {@code VOLUME [/data]}, computes its COPY hashes over a different tar stream, writes
 * whiteouts as 0000 files where Docker writes 0600, and keeps an empty layer for a RUN that changed
 * nothing where Docker marks the step {@code empty_layer}. The mount points the runtime makes in a
 * RUN layer (OBSERVED.md §5) are left out.
 * Skipped where buildah is not installed or the tests do not run as root.
 * Reproduce with {@code mvn -o test -Dtest=BuildahDifferentialTest -Dbuildah.seed=N}.
 */
class BuildahDifferentialTest {
  private Path dir;

  @AfterEach
  void clean() throws IOException, InterruptedException {
    if (dir != null) {
      run(List.of("buildah", "--storage-driver", "vfs", "--root", dir.resolve("root").toString(), "--runroot",
          dir.resolve("run").toString(), "rmi", "--all", "--force"), dir);
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static boolean buildahAvailable() {
    try {
      return "root".equals(System.getProperty("user.name"))
          && new ProcessBuilder("buildah", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void scratchBuildsAgreeLayerByLayer() throws Exception {
    assumeTrue(buildahAvailable(), "buildah is not installed or not running as root");
    long seed = Long.getLong("buildah.seed", System.nanoTime());
    System.out.println("BuildahDifferentialTest seed: " + seed);
    Random r = new Random(seed);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("a.txt", text(r));
    files.put("site/index.html", text(r));
    files.put("site/css/main.css", text(r));
    files.put("b.bin", text(r));
    files.put("pkg.tar", tar(r));
    String dockerfile = """
        FROM scratch
        COPY a.txt /a.txt
        COPY site /var/www/
        ADD pkg.tar /opt/
        COPY --chown=%d:%d b.bin a.txt /data/
        ENV A=1 B=two
        LABEL version=%d
        EXPOSE 80
        USER 1000
        VOLUME /data
        ENTRYPOINT ["/a.txt"]
        CMD ["run"]
        """.formatted(r.nextInt(2000), r.nextInt(2000), r.nextInt(100));
    files.put("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));

    compare(files, Map.of(), seed);
  }

  /** Builds {@code files} (the Dockerfile among them, plus {@code links} as symlinks) with buildah and with layerlab. */
  private void compare(Map<String, byte[]> files, Map<String, String> links, long seed) throws Exception {
    dir = Files.createTempDirectory("layerlab-buildah");
    Path ctx = dir.resolve("ctx");
    for (var e : files.entrySet()) {
      Path p = ctx.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
          e.getKey().contains("bin/") ? "rwxr-xr-x" : "rw-r--r--"));
    }
    for (var e : links.entrySet()) {
      Files.createSymbolicLink(ctx.resolve(e.getKey()), Path.of(e.getValue()));
    }
    List<String> store = List.of("buildah", "--storage-driver", "vfs", "--root", dir.resolve("root").toString(),
        "--runroot", dir.resolve("run").toString());
    List<String> bud = new ArrayList<>(store);
    bud.addAll(List.of("bud", "--layers", "--isolation", "chroot", "-t", "diff", "."));
    assertThat(run(bud, ctx)).as("buildah bud").isZero();
    List<String> push = new ArrayList<>(store);
    push.addAll(List.of("push", "diff", "docker-archive:" + dir.resolve("img.tar") + ":diff:latest"));
    assertThat(run(push, ctx)).as("buildah push").isZero();
    ArchiveImage theirs = ImageArchives.load(Files.readAllBytes(dir.resolve("img.tar"))).get(0);

    Terminal t = new Terminal(seed);
    Vfs vfs = t.host.machine().vfs();
    for (var e : files.entrySet()) {
      t.type("mkdir -p " + dev.layerlab.vfs.VPaths.parent("/root/ctx/" + e.getKey()));
      vfs.write("/root/ctx/" + e.getKey(), e.getValue(), Vfs.WriteMode.TRUNCATE,
          Files.isExecutable(ctx.resolve(e.getKey())) ? 0755 : 0644);
    }
    for (var e : links.entrySet()) {
      vfs.symlink(e.getValue(), "/root/ctx/" + e.getKey());
    }
    t.type("cd /root/ctx && docker build -t diff .");
    assertThat(t.err).isEmpty();
    ArchiveImage ours = ImageArchives.load(t.host.engine().save(List.of("diff"))).get(0);

    List<List<String>> ourLayers = ours.layers().stream().map(BuildahDifferentialTest::entries).toList();
    List<List<String>> theirLayers = theirs.layers().stream().map(BuildahDifferentialTest::entries)
        .filter(l -> !l.isEmpty()).toList();
    assertThat(history(ours)).isEqualTo(history(theirs));
    assertThat(ourLayers).isEqualTo(theirLayers);
  }

  private static List<String> history(ArchiveImage image) {
    List<String> out = new ArrayList<>();
    List<Boolean> emptyTars = new ArrayList<>();
    image.layers().forEach(l -> emptyTars.add(entries(l).isEmpty()));
    int layer = 0;
    for (HistoryEntry h : image.config().history()) {
      boolean empty = h.emptyLayer() || emptyTars.get(layer++);
      if (h.emptyLayer()) {
        layer--;
      }
      out.add(h.createdBy().replace("#(nop)  ", "#(nop) ").replaceAll("(file|dir|multi):[0-9a-f]{64}", "$1:<hash>")
          .replaceAll("COPY --chown=[^ ]*?(file|dir|multi):", "COPY $1:").replaceAll("VOLUME \\[(.*)\\]", "VOLUME $1")
          + (empty ? " [empty]" : ""));
    }
    return out;
  }

  /** What the runtime makes in a RUN layer besides the command's changes (OBSERVED.md §5, chroot isolation). */
  private static final java.util.Set<String> RUNTIME_MADE = java.util.Set.of("dev", "proc", "run", "sys",
      "etc/hostname", "etc/hosts", "etc/resolv.conf");

  private static List<String> entries(LayerBlob layer) {
    List<String> out = new ArrayList<>();
    List<LayerEntry> all = layer.tree().entries();
    boolean runtime = all.stream().anyMatch(e -> RUNTIME_MADE.contains(e.path()) && e.type() != dev.layerlab.vfs.FileType.SYMLINK
        && (e.content() == null || e.content().size() == 0));
    for (LayerEntry e : all) {
      if (runtime && (RUNTIME_MADE.contains(e.path()) || e.path().equals("etc")
          && all.stream().noneMatch(x -> x.path().startsWith("etc/") && !RUNTIME_MADE.contains(x.path())))) {
        continue;
      }
      String content = e.content() == null ? "" : new String(e.content().bytes(), StandardCharsets.ISO_8859_1);
      // Docker writes a whiteout as a 0600 file, c/storage as 0000
      int mode = VPaths.name("/" + e.path()).startsWith(LayerEntry.WHITEOUT_PREFIX) ? 0600 : e.mode() & 07777;
      out.add(e.path() + " " + e.type() + " " + Integer.toOctalString(mode) + " " + e.uid() + ":" + e.gid()
          + " " + (e.linkName() == null ? "" : e.linkName()) + " " + content.hashCode());
    }
    out.sort(null);
    return out;
  }

  @Test
  void busyboxRunStepsAgreeLayerByLayer() throws Exception {
    assumeTrue(buildahAvailable(), "buildah is not installed or not running as root");
    Path busybox = Path.of("/bin/busybox");
    assumeTrue(Files.isExecutable(busybox) && Files.size(busybox) > 500_000, "busybox-static is not installed");
    long seed = Long.getLong("buildah.seed", System.nanoTime());
    System.out.println("BuildahDifferentialTest seed: " + seed);
    Random r = new Random(seed);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("rootfs/bin/busybox", Files.readAllBytes(busybox));
    files.put("rootfs/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8));
    files.put("rootfs/etc/motd", text(r));
    files.put("rootfs/usr/share/doc/readme", text(r));
    Map<String, String> links = new LinkedHashMap<>();
    for (String applet : List.of("sh", "mkdir", "echo", "rm", "cat", "chmod", "touch", "mv")) {
      links.put("rootfs/bin/" + applet, "busybox");
    }
    String word = new String(text(r), StandardCharsets.UTF_8).strip();
    files.put("Dockerfile", ("""
        FROM scratch
        COPY rootfs/ /
        RUN mkdir -p /app/data && echo %s > /app/data/f && chmod 600 /app/data/f
        RUN rm /etc/motd && rm -r /usr/share/doc
        RUN echo gone > /tmp-x && rm /tmp-x
        RUN mv /app/data/f /app/g
        CMD ["sh"]
        """).formatted(word).getBytes(StandardCharsets.UTF_8));
    compare(files, links, seed);
  }

  private static byte[] text(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(200);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] tar(Random r) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
      var d = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("pkg/");
      d.setMode(040755);
      tar.putArchiveEntry(d);
      tar.closeArchiveEntry();
      for (String name : List.of("pkg/readme", "pkg/bin/tool")) {
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        byte[] data = text(r);
        e.setSize(data.length);
        e.setMode(0100000 | (name.contains("bin") ? 0755 : 0644));
        e.setIds(r.nextInt(5), r.nextInt(5));
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static int run(List<String> cmd, Path cwd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    if (p.exitValue() != 0) {
      System.out.println(out);
    }
    return p.exitValue();
  }
}
