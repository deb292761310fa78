package dev.layerlab.engine;

import dev.layerlab.overlay.OverlayEvent;
import dev.layerlab.overlay.OverlayOptions;
import dev.layerlab.overlay.OverlayVfs;
import dev.layerlab.vfs.Vfs;
import java.util.List;
import java.util.function.Consumer;

/**
 * mount -t overlay: makes the merged view of {@code lowerDirs} (top first) under {@code upperDir},
 * all of them paths of {@code base}; events the overlay reports (copy-up, whiteouts) go to
 * {@code events}. The engine mounts container layers with it.
 */
@FunctionalInterface
public interface OverlayMounter {
  Vfs mount(Vfs base, List<String> lowerDirs, String upperDir, String workDir, Consumer<OverlayEvent> events);

  /** The overlay filesystem with the options of a 2018 Docker host (redirect_dir, index, metacopy off). */
  static OverlayMounter kernel() {
    return (base, lowers, upper, work, events) ->
        OverlayVfs.mount(base, lowers, upper, work, OverlayOptions.DEFAULTS, events::accept);
  }
}
