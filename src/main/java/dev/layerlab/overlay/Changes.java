package dev.layerlab.overlay;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every change through the mount shares: EROFS on a read-only mount, and afterwards
 * forgetting what the change made stale in the {@link Lookup} cache.
 */
final class Changes {
  private final Lookup lookup;
  private final boolean readOnly;
  private final boolean index;

  Changes(Lookup lookup, boolean readOnly, OverlayOptions options) {
    this.lookup = lookup;
    this.readOnly = readOnly;
    this.index = options.index();
  }

  /** EROFS on a read-only mount; callers ask at the point where the kernel asks for write access. */
  void writable(String path) {
    if (readOnly) {
      throw new VfsException(Errno.EROFS, path);
    }
  }

  /**
   * Runs a change through the mount, then forgets what it made stale: the entries at the
   * {@code touched} merged paths (with what lies below them and their directories' listings).
   * A failure half-way, or index=on (where one copy-up changes what other names show),
   * forgets everything.
   */
  void run(Runnable r, List<String> touched) {
    boolean done = false;
    try {
      r.run();
      done = true;
    } finally {
      if (done && !index) {
        lookup.changed(touched);
      } else {
        lookup.invalidate();
      }
    }
  }

  /** A change to the object {@code e} itself. */
  void run(Runnable r, Entry e) {
    run(r, touched(e, null, new ArrayList<>()));
  }

  /**
   * The merged paths a change at {@code name} in {@code dir} (or at {@code dir} itself when
   * {@code name} is null) can alter, added to {@code out}: that path and every ancestor not yet
   * in the upper dir, since copy-up may bring it there.
   */
  static List<String> touched(Entry dir, String name, List<String> out) {
    if (name != null) {
      out.add(VPaths.child(dir.path, name));
    }
    for (Entry a = dir; ; a = a.parent) {
      if (a == dir && name == null || a.upper == null) {
        out.add(a.path);
      }
      if (a.isRoot()) {
        return out;
      }
    }
  }
}
