package dev.layerlab.engine;

import dev.layerlab.image.ContainerConfig;
import dev.layerlab.image.Digest;
import dev.layerlab.image.HistoryEntry;
import dev.layerlab.image.ImageConfig;
import dev.layerlab.image.LayerBlob;
import dev.layerlab.image.LayerTree;
import dev.layerlab.image.VfsLayers;
import dev.layerlab.vfs.Vfs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker commit}: the container's upper dir is exported to a layer tar (whiteouts as
 * {@code .wh.} files) and registered again as a new image layer in a new cache-id directory, never
 * reusing the container's own; the image config gains the container's config and a history entry.
 */
final class Commit {
  static final String DOCKER_VERSION = "18.06.1-ce";

  private Commit() {}

  static ImageRecord commit(Vfs host, LayerStore layers, ImageStore images, Container c, ImageRecord parent,
      String author, String comment, Instant now) {
    ImageConfig pc = parent.config();
    LayerTree tree = VfsLayers.export(host, DockerPaths.layerDir(c.mountId()) + "/diff");
    Layer top = parent.topLayer() == null ? null : layers.get(parent.topLayer()).orElseThrow();
    List<Digest> diffIds = new ArrayList<>(pc.diffIds());
    Layer newTop = top;
    boolean empty = tree.isEmpty();
    if (!empty) {
      LayerBlob blob = LayerBlob.of(tree);
      newTop = layers.register(top, blob);
      diffIds.add(blob.diffId());
    } else if (top != null) {
      layers.acquire(top.chainId());
    }
    ContainerConfig base = pc.config() == null ? ContainerConfig.scratch() : pc.config();
    ContainerConfig cfg = new ContainerConfig(c.hostname(), base.user(), base.exposedPorts(), c.env(),
        c.cmd().isEmpty() ? null : c.cmd(), false, c.imageName(), base.volumes(),
        c.workingDir().equals("/") ? base.workingDir() : c.workingDir(),
        c.entrypoint().isEmpty() ? null : c.entrypoint(), base.onBuild(), base.labels(), base.stopSignal())
        .withHealthcheck(base.healthcheck()); // Docker's config merge carries HEALTHCHECK, not SHELL
    List<HistoryEntry> history = new ArrayList<>(pc.history());
    history.add(new HistoryEntry(ImageStore.rfc3339(now), author, String.join(" ", c.cmd()), comment, empty));
    ImageConfig config = new ImageConfig(pc.architecture().isEmpty() ? "amd64" : pc.architecture(),
        pc.os().isEmpty() ? "linux" : pc.os(), ImageStore.rfc3339(now), DOCKER_VERSION, author, comment, c.id(), cfg, cfg,
        history, diffIds);
    byte[] bytes = config.toJson();
    ImageRecord image = new ImageRecord(Digest.of(bytes), bytes, newTop == null ? null : newTop.chainId(),
        parent.id(), null);
    if (images.get(image.id()).isPresent()) {
      if (newTop != null) {
        layers.release(newTop.chainId());
      }
      return images.get(image.id()).get();
    }
    images.put(image);
    return image;
  }
}
