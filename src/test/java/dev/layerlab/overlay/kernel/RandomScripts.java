package dev.layerlab.overlay.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded random scripts: a stack of 1-4 lower layers (dirs, files, symlinks, hard links,
 * whiteouts, opaque dirs, devices, odd modes, owners and xattrs), sometimes a prepared upper
 * dir, then a random sequence of operations through the mount. The same seed always gives the
 * same script.
 *
 * <p>All names come from a small universe so that layers collide and ops meet each other's
 * results. Every device node is the null device (char 1:3), the only one the real side will
 * open, so ops may land on devices however names move.
 */
final class RandomScripts {
  /**
   * Read-only mounts are left out by default while the named case read-only-mount-errno-order
   * pins their one open divergence (layerlab checks names before EROFS); the random number is
   * still drawn, so a seed makes the same script either way. {@code -Dlayerlab.random.readonly=true}
   * puts them back.
   */
  static final boolean READ_ONLY_MOUNTS = Boolean.getBoolean("layerlab.random.readonly");

  private static final String[] PATHS = {
    "/a", "/b", "/c", "/f", "/g", "/a/f", "/a/g", "/a/d", "/a/d/f", "/a/d/g", "/b/f", "/b/g",
    "/b/d", "/b/d/f", "/c/f", "/a/x y",
  };
  private static final String[] DEVICES = {"/null", "/a/null", "/a/d/null", "/b/null"};
  private static final String[] LINK_TARGETS = {
    "f", "g", "d", "../f", "../b", "d/f", "missing", "/a/f", "/b", ".", "..",
  };
  private static final int[] DIR_MODES = {0755, 0755, 0700, 0750, 01777, 02775, 0555};
  private static final int[] FILE_MODES = {0644, 0644, 0600, 0755, 04755, 02711, 0444};
  private static final String[] OWNERS = {"0:0", "0:0", "1000:1000", "1:2"};
  private static final String[] OPTIONS = {"redirect_dir=on", "index=on", "metacopy=on"};

  private final Random rnd;
  private final List<Step> steps = new ArrayList<>();
  /** Regular files each lower layer holds, for content edits made while mounted. */
  private final List<List<String>> layerFiles = new ArrayList<>();

  private RandomScripts(long seed) {
    this.rnd = new Random(seed);
  }

  /** The script for one seed. */
  static Script generate(long seed) {
    return new RandomScripts(seed).build("seed " + seed);
  }

  private Script build(String name) {
    int layers = 1 + rnd.nextInt(4);
    for (int n = 0; n < layers; n++) {
      layer(n);
    }
    if (rnd.nextInt(10) == 0) {
      preparedUpper();
    }
    String options = rnd.nextInt(5) == 0 ? OPTIONS[rnd.nextInt(OPTIONS.length)] : "";
    if (layers >= 2 && rnd.nextInt(30) == 0 && READ_ONLY_MOUNTS) {
      options = "noupper"; // read-only: every change must fail with EROFS
    }
    add(Step.Target.MERGED, -1, new Op.Mount(options));
    int ops = 6 + rnd.nextInt(10);
    for (int i = 0; i < ops; i++) {
      if (rnd.nextInt(30) == 0 && lowerEdit()) {
        continue;
      }
      add(Step.Target.MERGED, -1, mergedOp());
    }
    return Script.of(name, steps);
  }

  private void add(Step.Target target, int layer, Op op) {
    steps.add(OpLanguage.step(target, layer, false, op));
  }

  /** One lower layer: what it holds, never creating anything under a non-dir of its own. */
  private void layer(int n) {
    Map<String, Character> kinds = new TreeMap<>();
    java.util.Set<String> made = new java.util.TreeSet<>();
    int entries = 2 + rnd.nextInt(7);
    List<Op> specials = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      String p = pick(PATHS);
      if (!parentsAreDirs(kinds, p) || kinds.containsKey(p)) {
        continue;
      }
      int kind = rnd.nextInt(n == 0 ? 10 : 13);
      if (kind <= 2) {
        kinds.put(p, 'd');
        markParents(kinds, p);
        add(Step.Target.LOWER, n, new Op.Mkdir(p, pick(DIR_MODES)));
        made.add(p);
        made.addAll(parents(p));
      } else if (kind <= 6) {
        kinds.put(p, 'f');
        markParents(kinds, p);
        add(Step.Target.LOWER, n, new Op.Write(p, content()));
        made.add(p);
        made.addAll(parents(p));
        if (rnd.nextInt(3) == 0) {
          add(Step.Target.LOWER, n, new Op.Chmod(pick(FILE_MODES), p));
        }
      } else if (kind == 7) {
        kinds.put(p, 'l');
        markParents(kinds, p);
        add(Step.Target.LOWER, n, new Op.Symlink(pick(LINK_TARGETS), p));
        made.add(p);
        made.addAll(parents(p));
      } else if (kind == 8) {
        String file = anyOf(kinds, 'f');
        if (file != null) {
          kinds.put(p, 'f');
          markParents(kinds, p);
          add(Step.Target.LOWER, n, new Op.Link(file, p));
        made.add(p);
        made.addAll(parents(p));
        }
      } else if (kind == 9) {
        String d = pick(DEVICES);
        if (parentsAreDirs(kinds, d) && !kinds.containsKey(d)) {
          kinds.put(d, 'c');
          markParents(kinds, d);
          specials.add(new Op.Mknod(d, 'c', 1, 3));
        }
      } else if (kind <= 11) {
        kinds.put(p, 'w');
        markParents(kinds, p);
        specials.add(new Op.Whiteout(p));
      } else {
        kinds.put(p, 'd');
        markParents(kinds, p);
        specials.add(new Op.Opaque(p));
      }
    }
    for (Map.Entry<String, Character> e : kinds.entrySet()) {
      if (made.contains(e.getKey()) && rnd.nextInt(6) == 0) {
        String[] ug = pick(OWNERS).split(":");
        add(Step.Target.LOWER, n, new Op.Chown(Integer.parseInt(ug[0]), Integer.parseInt(ug[1]), e.getKey()));
      }
      if (made.contains(e.getKey()) && e.getValue() != 'l' && rnd.nextInt(8) == 0) {
        specials.add(new Op.SetXattr("user.k", "v" + n, e.getKey()));
      }
    }
    List<String> files = new ArrayList<>();
    kinds.forEach((path, k) -> {
      if (k == 'f' && made.contains(path)) {
        files.add(path);
      }
    });
    layerFiles.add(files);
    // whiteouts, devices and xattrs last: the real side makes them in one shell at mount time
    specials.sort((x, y) -> Boolean.compare(!(x instanceof Op.Opaque), !(y instanceof Op.Opaque)));
    specials.forEach(op -> add(Step.Target.LOWER, n, op));
    if (kinds.isEmpty()) {
      add(Step.Target.LOWER, n, new Op.Mkdir(pick(PATHS).substring(0, 2), null));
    }
  }

  /**
   * A content edit made directly in a lower layer while mounted (the seed post's experiment).
   * Only rewrites of existing regular files: new or removed lower names meet the kernel's
   * dentry caches, which make the result depend on memory pressure.
   */
  private boolean lowerEdit() {
    int n = rnd.nextInt(layerFiles.size());
    List<String> files = layerFiles.get(n);
    if (files.isEmpty()) {
      return false;
    }
    add(Step.Target.LOWER, n, new Op.Write(files.get(rnd.nextInt(files.size())), content()));
    return true;
  }

  private void preparedUpper() {
    String p = pick(PATHS);
    Op op = switch (rnd.nextInt(3)) {
      case 0 -> new Op.Whiteout(p);
      case 1 -> new Op.Opaque(p);
      default -> new Op.Write(p, content());
    };
    add(Step.Target.UPPER, -1, op);
  }

  private Op mergedOp() {
    String p = rnd.nextInt(20) == 0 ? pick(DEVICES) : pick(PATHS);
    String q = pick(PATHS);
    int w = rnd.nextInt(100);
    if (w < 10) {
      return new Op.Write(p, content());
    } else if (w < 17) {
      return new Op.Append(p, content());
    } else if (w < 21) {
      return new Op.Touch(p);
    } else if (w < 29) {
      return new Op.Mkdir(p, rnd.nextBoolean() ? null : pick(DIR_MODES));
    } else if (w < 37) {
      return new Op.Rm(p, false);
    } else if (w < 43) {
      return new Op.Rm(p, true);
    } else if (w < 48) {
      return new Op.Rmdir(p);
    } else if (w < 52) {
      return new Op.Chmod(pick(rnd.nextBoolean() ? FILE_MODES : DIR_MODES), p);
    } else if (w < 55) {
      String[] ug = pick(OWNERS).split(":");
      return new Op.Chown(Integer.parseInt(ug[0]), Integer.parseInt(ug[1]), p);
    } else if (w < 61) {
      return new Op.Mv(p, q);
    } else if (w < 66) {
      return new Op.Rename(p, q);
    } else if (w < 69) {
      return new Op.Symlink(pick(LINK_TARGETS), p);
    } else if (w < 72) {
      return new Op.Link(p, q);
    } else if (w < 75) {
      return new Op.Truncate(p, rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(6));
    } else if (w < 77) {
      return new Op.Mknod(pick(DEVICES), 'c', 1, 3);
    } else if (w < 79) {
      return new Op.SetXattr("user.m", "x", p);
    } else if (w < 80) {
      return new Op.RmXattr("user.k", p);
    } else if (w < 86) {
      return new Op.Cat(p);
    } else if (w < 91) {
      return new Op.Ls(rnd.nextBoolean() ? "/" : p);
    } else if (w < 96) {
      return new Op.Stat(p);
    } else if (w < 97) {
      return new Op.Exists(p);
    } else if (w < 99) {
      return new Op.Ino(p);
    }
    return new Op.Remount(null);
  }

  private static boolean parentsAreDirs(Map<String, Character> kinds, String p) {
    for (String q = parent(p); !q.equals("/"); q = parent(q)) {
      Character k = kinds.get(q);
      if (k != null && k != 'd') {
        return false;
      }
    }
    return true;
  }

  private static void markParents(Map<String, Character> kinds, String p) {
    for (String q = parent(p); !q.equals("/"); q = parent(q)) {
      kinds.putIfAbsent(q, 'd');
    }
  }

  private static List<String> parents(String p) {
    List<String> out = new ArrayList<>();
    for (String q = parent(p); !q.equals("/"); q = parent(q)) {
      out.add(q);
    }
    return out;
  }

  private static String parent(String p) {
    int i = p.lastIndexOf('/');
    return i <= 0 ? "/" : p.substring(0, i);
  }

  private String anyOf(Map<String, Character> kinds, char kind) {
    List<String> hits = new ArrayList<>();
    kinds.forEach((p, k) -> {
      if (k == kind) {
        hits.add(p);
      }
    });
    hits.sort(null);
    return hits.isEmpty() ? null : hits.get(rnd.nextInt(hits.size()));
  }

  private String content() {
    int len = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append((char) ('a' + rnd.nextInt(26)));
    }
    return sb.toString();
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  private int pick(int[] a) {
    return a[rnd.nextInt(a.length)];
  }
}
