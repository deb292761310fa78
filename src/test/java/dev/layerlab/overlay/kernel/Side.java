package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.Vfs;

/** One implementation of overlayfs under test: the real kernel, or layerlab's OverlayVfs. */
interface Side extends AutoCloseable {

  /** "kernel" or "layerlab", for reports. */
  String name();

  /** Creates the empty lower dirs, the upper and the work dir. */
  void prepare(int lowerLayers);

  /** Lower layer {@code n} (0 is the bottom), edited directly. */
  Vfs lower(int n);

  /** The upper dir, edited directly. */
  Vfs upper();

  /** The merged view; only while mounted. */
  Vfs merged();

  boolean mounted();

  /**
   * Mounts with extra options ({@code redirect_dir=on}, {@code index=on}, {@code metacopy=on},
   * comma-separated; {@code noupper} for a read-only mount without upper and work dir).
   *
   * @throws MountFailed when the mount is refused
   */
  void mount(String options);

  void umount();

  /** Unmounts if mounted, and reads in one go what dumps of the layer dirs will need. */
  default void finish() {
    if (mounted()) {
      umount();
    }
  }

  /** The layers (top lower first, then the upper) for resolving origin handles. */
  default Canon.Layers layerInodes(int lowerLayers) {
    Canon.Layers l = new Canon.Layers();
    for (int n = lowerLayers - 1; n >= 0; n--) {
      l.add("L" + n, lower(n));
    }
    l.add("U", upper());
    return l;
  }

  @Override
  void close();

  /** The mount was refused; the message is the mount tool's or the implementation's. */
  final class MountFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MountFailed(String message) {
      super(message);
    }
  }
}
