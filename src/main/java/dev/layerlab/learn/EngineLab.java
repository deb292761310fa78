package dev.layerlab.learn;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineEvent;
import dev.layerlab.engine.ImageRecord;
import dev.layerlab.engine.Layer;
import dev.layerlab.image.HistoryEntry;
import dev.layerlab.vfs.Vfs;
import java.util.ArrayList;
import java.util.List;

/** The Docker engine as the learning layer reads it: images, layers and containers, straight from the daemon. */
public final class EngineLab implements Lab {
  private final Engine engine;

  public EngineLab(Engine engine) {
    this.engine = engine;
  }

  /** Sends the engine's overlay events (copy_up, whiteouts...) to {@code learning}'s trace. */
  public static void forward(Engine engine, Learning learning) {
    engine.addListener(new Forward(learning));
  }

  /** A class rather than a lambda: linking lambdas slows the REPL's start. */
  private record Forward(Learning learning) implements java.util.function.Consumer<EngineEvent> {
    @Override
    public void accept(EngineEvent e) {
      if (e instanceof EngineEvent.OverlayActivity a) {
        learning.overlayEvent(a.containerId(), a.overlayEvent());
      }
    }
  }

  @Override
  public Vfs host() {
    return engine.host();
  }

  @Override
  public List<ImageView> images() {
    List<ImageView> out = new ArrayList<>();
    for (ImageRecord i : engine.images()) {
      out.add(view(i));
    }
    return out;
  }

  private ImageView view(ImageRecord i) {
    List<HistoryEntry> history = i.config().history();
    List<String> madeBy = new ArrayList<>();
    List<HistoryView> hv = new ArrayList<>();
    for (HistoryEntry h : history) {
      hv.add(new HistoryView(h.createdBy(), h.emptyLayer()));
      if (!h.emptyLayer()) {
        madeBy.add(h.createdBy());
      }
    }
    List<LayerView> layers = new ArrayList<>();
    List<Layer> stack = engine.layers(i);
    for (int n = 0; n < stack.size(); n++) {
      Layer l = stack.get(n);
      layers.add(new LayerView(l.chainId().toString(), l.diffId().toString(), l.cacheId(), l.diffDir(), l.size(),
          n < madeBy.size() ? madeBy.get(n) : ""));
    }
    return new ImageView(i.id().hex(), engine.tags(i), layers, hv);
  }

  @Override
  public List<ContainerView> containers() {
    List<ContainerView> out = new ArrayList<>();
    for (Container c : engine.containers()) {
      Engine.GraphDriver g = engine.graphDriver(c);
      List<String> lowers = g.lowerDir() == null ? List.of() : List.of(g.lowerDir().split(":"));
      ContainerState state = switch (c.state()) {
        case RUNNING -> ContainerState.RUNNING;
        case EXITED -> ContainerState.EXITED;
        default -> ContainerState.CREATED;
      };
      out.add(new ContainerView(c.id(), c.name(), c.imageName(), c.imageId().hex(), state, c.mountId(), g.upperDir(),
          lowers, c.isRunning() ? c.filesystem() : null));
    }
    return out;
  }
}
