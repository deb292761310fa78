package dev.layerlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An overlay2-style image stack for the benchmarks, described once and built twice (on the real
 * disk and in layerlab): a rootfs-like bottom layer, then one small layer per RUN step that adds
 * a handful of files, rewrites one file of the base and now and then deletes (whites out) a file
 * an earlier step added. With 128 layers the merged view holds about 4,700 entries.
 */
final class LayerStack {

  /** One entry of one layer: a dir, a file with its bytes, or a whiteout. */
  record Entry(String path, char kind, byte[] data) {}

  private final List<List<Entry>> layers = new ArrayList<>();

  private LayerStack() {}

  /** The stack with {@code count} layers (index 0 is the bottom), the same for every seed-free call. */
  static LayerStack of(int count) {
    LayerStack s = new LayerStack();
    Random rnd = new Random(42);
    s.layers.add(base(rnd));
    for (int n = 1; n < count; n++) {
      s.layers.add(step(n, rnd));
    }
    return s;
  }

  List<List<Entry>> layers() {
    return layers;
  }

  private static List<Entry> base(Random rnd) {
    List<Entry> l = new ArrayList<>();
    for (String d : List.of("/bin", "/sbin", "/etc", "/usr", "/usr/bin", "/usr/lib",
        "/usr/lib/x86_64-linux-gnu", "/usr/share", "/usr/share/doc", "/var", "/var/lib",
        "/var/lib/dpkg", "/var/lib/dpkg/info", "/tmp")) {
      l.add(dir(d));
    }
    files(l, "/bin", "cmd", 100, rnd);
    files(l, "/sbin", "adm", 80, rnd);
    files(l, "/etc", "conf", 300, rnd);
    files(l, "/usr/bin", "prog", 400, rnd);
    files(l, "/usr/lib/x86_64-linux-gnu", "lib", 600, rnd);
    files(l, "/var/lib/dpkg/info", "pkg", 900, rnd);
    for (int i = 0; i < 30; i++) {
      String d = String.format("/etc/conf.d%02d", i);
      l.add(dir(d));
      files(l, d, "part", 3, rnd);
    }
    for (int i = 0; i < 300; i++) {
      String d = String.format("/usr/share/doc/pkg%03d", i);
      l.add(dir(d));
      l.add(file(d + "/copyright", rnd));
      l.add(file(d + "/changelog.gz", rnd));
      l.add(file(d + "/README", rnd));
    }
    return l;
  }

  /** One RUN step: eight new merged entries, one base file rewritten, sometimes a whiteout. */
  private static List<Entry> step(int n, Random rnd) {
    List<Entry> l = new ArrayList<>();
    String id = String.format("%03d", n);
    l.add(file("/usr/bin/tool" + id, rnd));
    l.add(file("/usr/lib/x86_64-linux-gnu/libnew" + id + ".so", rnd));
    l.add(file("/etc/added" + id, rnd));
    l.add(file("/var/lib/dpkg/info/new" + id + ".list", rnd));
    l.add(dir("/usr/share/doc/new" + id));
    l.add(file("/usr/share/doc/new" + id + "/copyright", rnd));
    l.add(file("/usr/share/doc/new" + id + "/README", rnd));
    l.add(file("/tmp/build" + id, rnd));
    l.add(file(String.format("/etc/conf%03d", rnd.nextInt(250)), rnd));
    if (n % 4 == 0) {
      l.add(new Entry(String.format("/etc/added%03d", n - 2), 'w', null));
    }
    return l;
  }

  private static void files(List<Entry> l, String dir, String prefix, int count, Random rnd) {
    for (int i = 0; i < count; i++) {
      l.add(file(String.format("%s/%s%03d", dir, prefix, i), rnd));
    }
  }

  private static Entry dir(String path) {
    return new Entry(path, 'd', null);
  }

  private static Entry file(String path, Random rnd) {
    byte[] b = new byte[64 + rnd.nextInt(1500)];
    rnd.nextBytes(b);
    return new Entry(path, 'f', b);
  }
}
