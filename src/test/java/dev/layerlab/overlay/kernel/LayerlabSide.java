package dev.layerlab.overlay.kernel;

import dev.layerlab.overlay.OverlayEvent;
import dev.layerlab.overlay.OverlayOptions;
import dev.layerlab.overlay.OverlayVfs;
import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.SubtreeVfs;
import dev.layerlab.vfs.SubtreeVfs.ErrorPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;

/** layerlab's overlay: the same layer dirs in one in-memory JimfsVfs, mounted by OverlayVfs. */
final class LayerlabSide implements Side {
  private final JimfsVfs base = JimfsVfs.create();
  private final List<OverlayEvent> events = new ArrayList<>();
  private int layers;
  private Vfs mount;

  @Override
  public String name() {
    return "layerlab";
  }

  @Override
  public void prepare(int lowerLayers) {
    this.layers = lowerLayers;
    for (int n = 0; n < lowerLayers; n++) {
      base.mkdir("/lower" + n, 0755);
    }
    base.mkdir("/upper", 0755);
    base.mkdir("/work", 0755);
  }

  @Override
  public Vfs lower(int n) {
    return layerDir("/lower" + n);
  }

  @Override
  public Vfs upper() {
    return layerDir("/upper");
  }

  /** A layer dir seen as the tests see a real one: errors name paths inside it. */
  private Vfs layerDir(String dir) {
    return new SubtreeVfs(base, dir, ErrorPaths.VIEW);
  }

  @Override
  public Vfs merged() {
    if (mount == null) {
      throw new IllegalStateException("not mounted");
    }
    return mount;
  }

  @Override
  public boolean mounted() {
    return mount != null;
  }

  /** Every event the mounts emitted, in order. */
  List<OverlayEvent> events() {
    return events;
  }

  @Override
  public void mount(String options) {
    boolean redirect = false;
    boolean index = false;
    boolean metacopy = false;
    boolean noUpper = false;
    for (String o : options.split(",")) {
      switch (o) {
        case "" -> { }
        case "noupper" -> noUpper = true;
        case "redirect_dir=on" -> redirect = true;
        case "redirect_dir=off" -> redirect = false;
        case "index=on" -> index = true;
        case "index=off" -> index = false;
        case "metacopy=on" -> metacopy = true;
        case "metacopy=off" -> metacopy = false;
        default -> throw new MountFailed("layerlab has no mount option " + o);
      }
    }
    List<String> lowers = new ArrayList<>();
    for (int n = layers - 1; n >= 0; n--) {
      lowers.add("/lower" + n);
    }
    try {
      mount = OverlayVfs.mount(base, lowers, noUpper ? null : "/upper", noUpper ? null : "/work",
          new OverlayOptions(redirect, index, metacopy), events::add);
    } catch (VfsException | IllegalArgumentException e) {
      throw new MountFailed(e.getMessage());
    }
  }

  @Override
  public void umount() {
    mount = null;
  }

  @Override
  public void close() {
    mount = null;
  }
}
