package dev.layerlab.overlay;

/** Receives every step an overlay mount takes; the trace view, lessons and tests all listen here. */
@FunctionalInterface
public interface OverlayListener {
  /** Ignores everything. */
  OverlayListener NONE = event -> {};

  void on(OverlayEvent event);
}
