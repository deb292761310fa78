package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.VfsException;
import java.util.List;

/**
 * The real tools behind mknod and xattr changes. While lower layers are being built their
 * commands are only collected, then run in one shell together with the mount, so a random
 * sequence costs a handful of processes rather than one per whiteout.
 */
final class Specials {
  private final StringBuilder batch = new StringBuilder();
  private boolean deferring;

  boolean deferring() {
    return deferring;
  }

  /** Starts or stops collecting commands instead of running them. */
  void defer(boolean on) {
    deferring = on;
  }

  /** Runs one tool now (or queues it); a failure becomes the errno the tool printed. */
  void run(String path, List<String> cmd) {
    if (deferring) {
      StringBuilder line = new StringBuilder();
      for (String w : cmd) {
        line.append(Proc.q(w)).append(' ');
      }
      batch.append(line).append("|| exit 1\n");
      return;
    }
    Proc.Result r = Proc.run(cmd);
    if (!r.ok()) {
      Errno e = r.errno();
      if (e == null) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.err());
      }
      throw new VfsException(e, path);
    }
  }

  /** The queued commands as a shell script (emptied), to run before something else. */
  String take() {
    String s = batch.toString();
    batch.setLength(0);
    return s;
  }

  /** Before a read: queued nodes are made unless layers are still being built (reads then only check parents). */
  void beforeRead() {
    if (!deferring) {
      flush();
    }
  }

  /** Runs what is queued, if anything. */
  void flush() {
    if (batch.length() == 0) {
      return;
    }
    String script = take();
    Proc.Result r = Proc.sh(script);
    if (!r.ok()) {
      throw new IllegalStateException("building the layers failed: " + r.err() + "\n" + script);
    }
  }
}
