package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.overlay.OverlayEvent;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.Optional;

/**
 * {@code :trace}: overlay events as lines of text, as they happen. Every line says in words what
 * a colour might otherwise say: RO or RW, which layer, how many bytes.
 */
public final class Trace {
  /** What the trace shows. */
  public enum Level {
    /** Nothing. */
    OFF,
    /** Changes only: copy_up, whiteouts, opaque dirs, EXDEV, removals. */
    CHANGES,
    /** Changes and every lookup. */
    ALL
  }

  private Trace() {}

  /** The line for {@code event} of the container (if known), or null when {@code level} hides it. */
  static String line(OverlayEvent event, Optional<ContainerView> container, Vfs host, Level level, Words w) {
    if (level == Level.OFF) {
      return null;
    }
    if (event instanceof OverlayEvent.LookupResolved l) {
      return level == Level.ALL ? w.get("trace.lookup", l.path(), layer(l.layer(), container, w)) : null;
    }
    if (event instanceof OverlayEvent.CopiedUp c) {
      String from = layer(c.sourceLayer(), container, w);
      if (c.metadataOnly()) {
        return w.get("trace.copyup.meta", c.path(), from);
      }
      return isDir(c.path(), container, host) ? w.get("trace.copyup.dir", c.path(), from)
          : w.get("trace.copyup", c.path(), from, c.bytes());
    }
    if (event instanceof OverlayEvent.WhiteoutCreated x) {
      return w.get("trace.whiteout", x.path());
    }
    if (event instanceof OverlayEvent.OpaqueDirCreated x) {
      return w.get("trace.opaque", x.path());
    }
    if (event instanceof OverlayEvent.CrossDeviceRename x) {
      return w.get("trace.exdev", x.path(), x.target());
    }
    if (event instanceof OverlayEvent.UpperRemoved x) {
      return w.get("trace.removed", x.path());
    }
    if (event instanceof OverlayEvent.RedirectSet x) {
      return w.get("trace.redirect", x.path(), x.redirect());
    }
    return null; // impure marks are bookkeeping the learner does not need to see
  }

  /** Whether the copy in the upper dir is a directory (whose copy_up carries metadata only). */
  private static boolean isDir(String path, Optional<ContainerView> container, Vfs host) {
    if (container.isEmpty() || host == null) {
      return false;
    }
    try {
      return host.lstat(container.get().upperDir() + path).isDirectory();
    } catch (VfsException e) {
      return false;
    }
  }

  /** The overlay's layer number (0 = top lower, -1 = upper) in the learner's words. */
  static String layer(int index, Optional<ContainerView> container, Words w) {
    if (index == OverlayEvent.UPPER) {
      return w.get("trace.layer.rw");
    }
    if (container.isEmpty()) {
      return w.get("trace.layer.lower", index);
    }
    String label = UpperScan.layerLabel(container.get(), index);
    return w.get("trace.layer.ro", Explain.layerName(label, w));
  }
}
