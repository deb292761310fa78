package dev.layerlab.overlay;

/**
 * What an overlay mount did, step by step, in the kernel's words. Paths are merged paths
 * (as seen through the mount); a layer is an index into the mount's lower dirs (0 = top), or
 * {@link #UPPER} for the upper dir.
 */
public sealed interface OverlayEvent {
  /** The layer number used for the upper dir. */
  int UPPER = -1;

  /** The merged path concerned. */
  String path();

  /** A name was found: in which layer, and where that object really lives in the base filesystem. */
  record LookupResolved(String path, int layer, String realPath) implements OverlayEvent {
    public boolean fromUpper() {
      return layer == UPPER;
    }
  }

  /**
   * An object was copied from a lower layer into the upper dir before a change.
   *
   * @param bytes the data copied (0 for directories, symlinks, devices and metadata-only copies)
   * @param metadataOnly a metacopy: the data stays in the lower layer for now
   * @param originSet whether {@code trusted.overlay.origin} was written (not for lower hard links)
   */
  record CopiedUp(String path, int sourceLayer, long bytes, boolean metadataOnly, boolean originSet)
      implements OverlayEvent {}

  /** A whiteout (char 0:0) now hides the name in every lower layer. */
  record WhiteoutCreated(String path) implements OverlayEvent {}

  /** A new directory marked {@code trusted.overlay.opaque=y}: nothing below it shows through. */
  record OpaqueDirCreated(String path) implements OverlayEvent {}

  /** An upper directory was marked {@code trusted.overlay.impure=y}: it holds copied-up or moved entries. */
  record ImpureMarked(String path) implements OverlayEvent {}

  /** A renamed lower directory records where its lower parts are: {@code trusted.overlay.redirect}. */
  record RedirectSet(String path, String redirect) implements OverlayEvent {}

  /** rename(2) of a directory that has lower parts failed with EXDEV (redirect_dir=off). */
  record CrossDeviceRename(String path, String target) implements OverlayEvent {}

  /** An object that existed only in the upper dir was simply removed: nothing below to hide. */
  record UpperRemoved(String path) implements OverlayEvent {}
}
