package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import dev.layerlab.image.LayerBlob;
import dev.layerlab.image.Pulls;
import dev.layerlab.vfs.Vfs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The overlay2 driver's layer directories and the layer database, on the host's disk exactly
 * where Docker keeps them. A layer is stored once per chainID however many images and containers
 * use it; it is reference-counted like Docker's layer store (an image holds its top layer, a
 * layer its parent, a container's layers the image's top) and removed with its directory, its
 * {@code l/} link and its layerdb entry when nothing holds it any more.
 */
final class LayerStore {
  private final Vfs vfs;
  private final RandomIds ids;
  private final Map<Digest, Layer> layers = new HashMap<>();
  private final Map<Digest, Integer> refs = new HashMap<>();

  LayerStore(Vfs vfs, RandomIds ids) {
    this.vfs = vfs;
    this.ids = ids;
  }

  Optional<Layer> get(Digest chainId) {
    return Optional.ofNullable(layers.get(chainId));
  }

  /**
   * Stores a layer on top of {@code parent} (null for a bottom layer) and takes a reference on
   * it. When the chainID is already stored, only the reference is taken.
   */
  Layer register(Layer parent, LayerBlob blob) {
    Digest chainId = Digest.chainId(parent == null ? null : parent.chainId(), blob.diffId());
    Layer existing = layers.get(chainId);
    if (existing != null) {
      acquire(chainId);
      return existing;
    }
    String cacheId = ids.id();
    createDir(cacheId, parent == null ? null : parent.cacheId());
    String diff = DockerPaths.layerDir(cacheId) + "/diff";
    TarSplit split = new TarSplit();
    // The tar is written once, hashed for the diffID and recorded as tar-split, while the tree
    // is extracted into diff/.
    // tar-split rides on the thread that writes and hashes the tar: a third thread on two cores
    // was measured slower (scripts/bench-engine-pull), its copying costing more than it overlaps.
    try (OutputStream buffered = new java.io.BufferedOutputStream(split, 1 << 16)) {
      Pulls.materialize(blob, vfs, diff, buffered);
    } catch (IOException e) {
      removeDir(cacheId);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      removeDir(cacheId); // a layer that could not be extracted leaves no directory behind
      throw e;
    }
    long size = LayerFiles.size(vfs, diff);
    Layer layer = new Layer(chainId, blob.diffId(), parent == null ? null : parent.chainId(), cacheId, size);
    String db = DockerPaths.LAYERDB + "/" + chainId.hex();
    vfs.mkdir(db, 0700);
    HostFiles.write(vfs, db + "/cache-id", cacheId, 0644);
    HostFiles.write(vfs, db + "/diff", blob.diffId().toString(), 0644);
    if (parent != null) {
      HostFiles.write(vfs, db + "/parent", parent.chainId().toString(), 0644);
      acquire(parent.chainId());
    }
    HostFiles.write(vfs, db + "/size", Long.toString(size), 0644);
    HostFiles.write(vfs, db + "/tar-split.json.gz", split.finish(), 0644);
    layers.put(chainId, layer);
    refs.put(chainId, 1);
    return layer;
  }

  void acquire(Digest chainId) {
    refs.merge(chainId, 1, Integer::sum);
  }

  /** Drops one reference; returns the chainIDs of the layers this freed, top first. */
  List<Digest> release(Digest chainId) {
    List<Digest> deleted = new ArrayList<>();
    Digest cur = chainId;
    while (cur != null) {
      int left = refs.merge(cur, -1, Integer::sum);
      if (left > 0) {
        break;
      }
      Layer layer = layers.remove(cur);
      refs.remove(cur);
      removeDir(layer.cacheId());
      HostFiles.removeAll(vfs, DockerPaths.LAYERDB + "/" + cur.hex());
      deleted.add(cur);
      cur = layer.parent();
    }
    return deleted;
  }

  /** True while something other than its own children holds the layer (an image or a container). */
  int references(Digest chainId) {
    return refs.getOrDefault(chainId, 0);
  }

  /**
   * Makes {@code overlay2/<id>/} as the driver's Create does: {@code diff/}, the {@code l/} link
   * and {@code link}; with a parent also {@code work/} and {@code lower}.
   */
  String createDir(String id, String parentId) {
    String dir = DockerPaths.layerDir(id);
    vfs.mkdir(dir, 0700);
    vfs.mkdir(dir + "/diff", 0755);
    String link = ids.linkName();
    vfs.symlink("../" + id + "/diff", DockerPaths.LINKS + "/" + link);
    HostFiles.write(vfs, dir + "/link", link, 0644);
    if (parentId != null) {
      vfs.mkdir(dir + "/work", 0700);
      String parentDir = DockerPaths.layerDir(parentId);
      String lower = "l/" + HostFiles.read(vfs, parentDir + "/link");
      if (vfs.exists(parentDir + "/lower")) {
        lower = lower + ":" + HostFiles.read(vfs, parentDir + "/lower");
      }
      HostFiles.write(vfs, dir + "/lower", lower, 0644);
    }
    return link;
  }

  /** Removes {@code overlay2/<id>/} and its {@code l/} link. */
  void removeDir(String id) {
    String dir = DockerPaths.layerDir(id);
    if (vfs.exists(dir + "/link")) {
      String link = HostFiles.read(vfs, dir + "/link");
      if (vfs.exists(DockerPaths.LINKS + "/" + link)) {
        vfs.unlink(DockerPaths.LINKS + "/" + link);
      }
    }
    HostFiles.removeAll(vfs, dir);
  }

  /** The lower dirs of layer dir {@code id} as mount options name them: {@code /var/lib/docker/overlay2/l/XXX}, top first. */
  List<String> lowerLinks(String id) {
    String lowerFile = DockerPaths.layerDir(id) + "/lower";
    List<String> out = new ArrayList<>();
    if (vfs.exists(lowerFile)) {
      for (String l : HostFiles.read(vfs, lowerFile).split(":")) {
        out.add(DockerPaths.OVERLAY + "/" + l);
      }
    }
    return out;
  }

  /** The lower dirs of layer dir {@code id} resolved through {@code l/}: {@code .../overlay2/<id>/diff}, top first. */
  List<String> lowerDiffs(String id) {
    List<String> out = new ArrayList<>();
    for (String link : lowerLinks(id)) {
      String target = vfs.readlink(link); // ../<id>/diff
      out.add(DockerPaths.OVERLAY + "/" + target.substring(3));
    }
    return out;
  }
}
