package dev.layerlab.overlay;

/**
 * The overlayfs mount options that change what lands in the upper dir.
 *
 * @param redirectDir rename of a lower directory succeeds and records {@code trusted.overlay.redirect}
 *     instead of failing with EXDEV
 * @param index copied-up lower hard links stay linked (an index entry under {@code work/index})
 * @param metacopy chmod, chown, touch and xattr changes copy up metadata only; it turns on
 *     {@code redirectDir} too, as the kernel does
 */
public record OverlayOptions(boolean redirectDir, boolean index, boolean metacopy) {

  /** All off: the kernel's defaults on a Docker host (and on our machines). */
  public static final OverlayOptions DEFAULTS = new OverlayOptions(false, false, false);

  /** The options in effect: metacopy=on implies redirect_dir=on. */
  OverlayOptions effective() {
    return metacopy && !redirectDir ? new OverlayOptions(true, index, true) : this;
  }

  /**
   * True when nothing recorded in the upper dir depends on the lower layers staying as they are,
   * the condition under which the kernel skips marking new directories opaque.
   */
  boolean allowOfflineChanges() {
    return !redirectDir && !index && !metacopy;
  }
}
