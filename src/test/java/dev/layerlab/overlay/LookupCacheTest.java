package dev.layerlab.overlay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.Vfs.WriteMode;
import dev.layerlab.vfs.VfsException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a mount remembers between calls never changes what it shows: after every step of a
 * seeded random sequence, a mount that keeps its lookups shows exactly what a mount over the
 * same dirs that looks everything up afresh shows.
 *
 * <p>Reproduce one sequence with {@code mvn test -Dtest=LookupCacheTest -Dlayerlab.seed=N}.
 */
class LookupCacheTest {
  private static final String[] NAMES = {"a", "b", "c"};

  /** The disk as seen by a mount that cannot tell when it changes, so it caches nothing. */
  private static Vfs forgetful(Vfs disk) {
    InvocationHandler h = (proxy, method, args) -> {
      if (method.getName().equals("treeVersion")) {
        return -1L;
      }
      try {
        return method.invoke(disk, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Vfs) Proxy.newProxyInstance(Vfs.class.getClassLoader(), new Class<?>[] {Vfs.class}, h);
  }

  private static String path(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(3); i >= 0; i--) {
      sb.append('/').append(NAMES[r.nextInt(NAMES.length)]);
    }
    return sb.toString();
  }

  private static String dump(Vfs v, String dir) {
    StringBuilder sb = new StringBuilder();
    for (DirEntry d : v.readDir(dir)) {
      String p = VPaths.child(dir, d.name());
      try {
        Stat s = v.lstat(p);
        sb.append(p).append(' ').append(s.type().findChar()).append(' ').append(Integer.toOctalString(s.mode()))
            .append(" ino=").append(s.ino()).append(" nlink=").append(s.nlink());
        if (s.isRegular()) {
          sb.append(' ').append(new String(v.read(p), UTF_8));
        }
        sb.append('\n');
        if (s.isDirectory()) {
          sb.append(dump(v, p));
        }
      } catch (VfsException e) {
        sb.append(p).append(" ? ").append(e.errno()).append('\n');
      }
    }
    return sb.toString();
  }

  private static void step(Random r, Stack stack, OverlayVfs mnt) {
    String p = path(r);
    switch (r.nextInt(12)) {
      case 0 -> mnt.write(p, ("w" + r.nextInt(9)).getBytes(UTF_8), WriteMode.TRUNCATE, 0644);
      case 1 -> mnt.write(p, "+".getBytes(UTF_8), WriteMode.APPEND, 0);
      case 2 -> mnt.mkdir(p, 0755);
      case 3 -> mnt.unlink(p);
      case 4 -> mnt.rmdir(p);
      case 5 -> mnt.chmod(p, 0600);
      case 6 -> mnt.rename(p, path(r));
      case 7 -> mnt.symlink(NAMES[r.nextInt(3)], p);
      case 8 -> mnt.link(p, path(r));
      case 9 -> mnt.truncate(p, 1);
      case 10 -> mnt.mknod(p, FileType.CHAR_DEVICE, 0644, 1, 3);
      default -> stack.lower(r.nextInt(3)).write(p.substring(1), "late"); // a layer edited while mounted
    }
  }

  private static void build(Random r, Stack stack) {
    for (int layer = 0; layer < 3; layer++) {
      Layer l = stack.lower(layer);
      for (int i = 2 + r.nextInt(6); i > 0; i--) {
        String p = path(r).substring(1);
        try {
          switch (r.nextInt(6)) {
            case 0, 1 -> l.write(p, "x" + layer);
            case 2 -> l.mkdir(p);
            case 3 -> l.symlink(NAMES[r.nextInt(3)], p);
            case 4 -> l.whiteout(p);
            default -> l.opaque(p);
          }
        } catch (VfsException e) {
          // a name already taken in this layer: keep what is there
        }
      }
    }
  }

  private static void run(long seed, OverlayOptions options) {
    Random r = new Random(seed);
    Stack stack = new Stack(3);
    build(r, stack);
    OverlayVfs cached = stack.mount(options);
    OverlayVfs fresh = OverlayVfs.mount(forgetful(stack.disk), stack.lowerDirs(), "/upper", "/work", options, null);
    List<String> done = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      dump(cached, "/"); // let the cached mount remember as much as it can
      try {
        step(r, stack, cached);
        done.add("ok");
      } catch (VfsException e) {
        done.add(e.errno().name());
      }
      assertThat(dump(cached, "/")).as("seed %d after step %d %s", seed, i, done).isEqualTo(dump(fresh, "/"));
    }
  }

  @Test
  void aMountThatRemembersShowsWhatAFreshLookUpShows() {
    long base = Long.getLong("layerlab.seed", System.nanoTime() % 100_000);
    int runs = Long.getLong("layerlab.seed") != null ? 1 : 60;
    System.out.println("LookupCacheTest: seeds " + base + ".." + (base + runs - 1)
        + " (one: -Dlayerlab.seed=N)");
    for (long seed = base; seed < base + runs; seed++) {
      run(seed, seed % 3 == 0 ? new OverlayOptions(true, false, false) : OverlayOptions.DEFAULTS);
    }
  }
}
