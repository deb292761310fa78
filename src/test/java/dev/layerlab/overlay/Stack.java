package dev.layerlab.overlay;

import dev.layerlab.vfs.FakeClock;
import dev.layerlab.vfs.JimfsVfs;
import java.util.ArrayList;
import java.util.List;

/**
 * A disk with N lower layers (lower(0) is the bottom, as in image order), an upper and a
 * work dir, and the events of the mount made over them.
 */
public final class Stack {
  public final FakeClock clock = new FakeClock();
  public final JimfsVfs disk = JimfsVfs.create(clock);
  public final List<OverlayEvent> events = new ArrayList<>();
  private final int layers;

  public Stack(int layers) {
    this.layers = layers;
    disk.mkdir("/lower", 0755);
    for (int i = 0; i < layers; i++) {
      disk.mkdir("/lower/L" + i, 0755);
    }
    disk.mkdir("/upper", 0755);
    disk.mkdir("/work", 0755);
  }

  /** Lower layer {@code n}: 0 is the bottom. */
  public Layer lower(int n) {
    return new Layer(disk, "/lower/L" + n);
  }

  public Layer upper() {
    return new Layer(disk, "/upper");
  }

  /** The lowerdir list, top-first. */
  public List<String> lowerDirs() {
    List<String> dirs = new ArrayList<>();
    for (int i = layers - 1; i >= 0; i--) {
      dirs.add("/lower/L" + i);
    }
    return dirs;
  }

  public OverlayVfs mount() {
    return mount(OverlayOptions.DEFAULTS);
  }

  public OverlayVfs mount(OverlayOptions options) {
    return OverlayVfs.mount(disk, lowerDirs(), "/upper", "/work", options, events::add);
  }

  /** The mount's layer index (0 = top) of lower layer {@code n}. */
  public int index(int n) {
    return layers - 1 - n;
  }

  @SuppressWarnings("unchecked")
  public <T extends OverlayEvent> List<T> events(Class<T> type) {
    return (List<T>) events.stream().filter(type::isInstance).toList();
  }
}
