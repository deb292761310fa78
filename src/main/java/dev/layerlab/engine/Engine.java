package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import dev.layerlab.image.HistoryEntry;
import dev.layerlab.image.ImageConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulated Docker daemon (18.06, overlay2): images, layers and containers kept on the
 * host's filesystem exactly where and how Docker keeps them. It never prints: it returns values,
 * throws {@link EngineException} with the daemon's words, and emits {@link EngineEvent}s.
 */
public final class Engine {
  private final MountNamespace host;
  private final Clock clock;
  private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
  private final LayerStore layers;
  private final ImageStore images;
  private final Puller puller;
  private final Containers containers;
  private final ImageDelete imageDelete;
  private final ImageTransfer transfer;

  /**
   * A daemon over the host's mount namespace (whose disk gets {@code /var/lib/docker}).
   *
   * @param random the source of cache-ids, mount-ids, container IDs and names: seed it for
   *     reproducible runs
   */
  public Engine(MountNamespace host, Registry registry, OverlayMounter overlay, Clock clock, Random random) {
    this.host = host;
    this.clock = clock;
    RandomIds ids = new RandomIds(random);
    DockerPaths.createSkeleton(host);
    Consumer<EngineEvent> emit = this::emit;
    this.layers = new LayerStore(host, ids);
    this.images = new ImageStore(host);
    this.puller = new Puller(registry, layers, images, new Distribution(host), emit);
    this.containers = new Containers(host, layers, ids, overlay, clock, emit);
    this.imageDelete = new ImageDelete(images, layers, containers, emit);
    this.transfer = new ImageTransfer(host.root(), layers, images, clock, emit);
  }

  public void addListener(Consumer<EngineEvent> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<EngineEvent> listener) {
    listeners.remove(listener);
  }

  private void emit(EngineEvent e) {
    listeners.forEach(l -> l.accept(e));
  }

  public MountNamespace host() {
    return host;
  }

  public Clock clock() {
    return clock;
  }

  // ---- images

  /** {@code docker pull}: streams progress to {@code out}; returns the image ID. */
  public synchronized Digest pull(String reference, Consumer<PullEvent> out) {
    return puller.pull(Reference.parse(reference), out);
  }

  /** Every image, newest first (the order {@code docker images} lists them). */
  public synchronized List<ImageRecord> images() {
    List<ImageRecord> all = new ArrayList<>(images.all());
    all.sort(Comparator.comparing((ImageRecord i) -> i.config().created()).reversed());
    return all;
  }

  /** The daemon's GetImage: a name (tag defaulting to latest), {@code name@digest}, a full ID or an ID prefix. */
  public synchronized Optional<ImageRecord> findImage(String refOrId) {
    String hex = refOrId.startsWith("sha256:") ? refOrId.substring(7) : refOrId;
    if (refOrId.startsWith("sha256:") || hex.matches("[0-9a-f]{64}")) {
      return hex.matches("[0-9a-f]{64}") ? images.get(new Digest(hex)) : Optional.empty();
    }
    try {
      Reference ref = Reference.parse(refOrId);
      Optional<Digest> id = images.ref(ref.toString());
      if (id.isPresent()) {
        return images.get(id.get());
      }
    } catch (EngineException e) {
      // not a reference: maybe an ID prefix
    }
    if (hex.matches("[0-9a-f]+")) {
      List<ImageRecord> m = images.all().stream().filter(i -> i.id().hex().startsWith(hex)).toList();
      if (m.size() == 1) {
        return Optional.of(m.get(0));
      }
    }
    return Optional.empty();
  }

  /** Like {@link #findImage}, failing with {@code No such image: ...} as the daemon words it. */
  public synchronized ImageRecord image(String refOrId) {
    return findImage(refOrId).orElseThrow(() -> EngineException.notFound("No such image: " + normalized(refOrId)));
  }

  private static String normalized(String refOrId) {
    try {
      if (!refOrId.matches("(sha256:)?[0-9a-f]{12,64}")) {
        return Reference.parse(refOrId).toString();
      }
    } catch (EngineException e) {
      // fall through
    }
    return refOrId;
  }

  /** {@code repo:tag} names of an image, sorted. */
  public synchronized List<String> tags(ImageRecord image) {
    return images.tagsOf(image.id());
  }

  /** {@code repo@sha256:...} names of an image. */
  public synchronized List<String> repoDigests(ImageRecord image) {
    return images.digestsOf(image.id());
  }

  /** The image's layers, bottom first. */
  public synchronized List<Layer> layers(ImageRecord image) {
    List<Layer> out = new ArrayList<>();
    Digest cur = image.topLayer();
    while (cur != null) {
      Layer l = layers.get(cur).orElseThrow();
      out.add(0, l);
      cur = l.parent();
    }
    return out;
  }

  /** The size {@code docker images} shows: the sum of its layers' sizes. */
  public synchronized long size(ImageRecord image) {
    return layers(image).stream().mapToLong(Layer::size).sum();
  }

  /** {@code docker tag SOURCE TARGET}. */
  public synchronized void tag(String source, String target) {
    ImageRecord image = image(source);
    Reference ref = Reference.parse(target);
    if (ref.digest() != null) {
      throw EngineException.invalid("refusing to create a tag with a digest reference");
    }
    images.addRef(ref.toString(), image.id(), clock.instant());
    images.replace(new ImageRecord(image.id(), image.configBytes(), image.topLayer(), image.parent(), clock.instant()));
  }

  /** {@code docker rmi}: the {@code Untagged:} and {@code Deleted:} lines, in order. */
  public synchronized List<String> removeImage(String refOrId, boolean force, boolean prune) {
    return imageDelete.delete(refOrId, image(refOrId), force, prune);
  }

  /** One row of {@code docker history}, newest first. */
  public record HistoryRow(String id, HistoryEntry entry, long size) {}

  /** {@code docker history}: {@code <missing>} for ancestors the host does not have as images. */
  public synchronized List<HistoryRow> history(String refOrId) {
    ImageRecord image = image(refOrId);
    ImageConfig cfg = image.config();
    List<Layer> stack = layers(image);
    List<HistoryRow> rows = new ArrayList<>();
    int layer = 0;
    for (HistoryEntry h : cfg.history()) {
      long size = 0;
      if (!h.emptyLayer() && layer < stack.size()) {
        size = stack.get(layer++).size();
      }
      rows.add(0, new HistoryRow("<missing>", h, size));
    }
    ImageRecord cur = image;
    for (int i = 0; i < rows.size() && cur != null; i++) {
      rows.set(i, new HistoryRow(cur.id().toString(), rows.get(i).entry(), rows.get(i).size()));
      cur = cur.parent() == null ? null : images.get(cur.parent()).orElse(null);
    }
    return rows;
  }

  /** GraphDriver.Data of an image's top layer: LowerDir (absent for one layer), MergedDir, UpperDir, WorkDir. */
  public synchronized GraphDriver graphDriver(ImageRecord image) {
    if (image.topLayer() == null) {
      return new GraphDriver(null, null, null, null);
    }
    return graphDriverOf(layers.get(image.topLayer()).orElseThrow().cacheId());
  }

  private GraphDriver graphDriverOf(String id) {
    String dir = DockerPaths.layerDir(id);
    List<String> lowers = layers.lowerDiffs(id);
    return new GraphDriver(lowers.isEmpty() ? null : String.join(":", lowers), dir + "/merged", dir + "/diff",
        dir + "/work");
  }

  /** The overlay2 paths {@code docker inspect} shows; lowerDir is null for a bottom layer. */
  public record GraphDriver(String lowerDir, String mergedDir, String upperDir, String workDir) {}

  // ---- containers

  public synchronized List<Container> containers() {
    List<Container> all = new ArrayList<>(containers.all());
    all.sort(Comparator.comparing(Container::created).reversed());
    return all;
  }

  public synchronized Optional<Container> findContainer(String ref) {
    return containers.find(ref);
  }

  /** A container by name, ID or ID prefix; {@code No such container: ...} otherwise. */
  public synchronized Container container(String ref) {
    return containers.get(ref);
  }

  /** {@code docker create}: the image must be local (the client pulls first). */
  public synchronized Container create(ContainerSpec spec) {
    ImageRecord image = image(spec.image());
    Layer top = image.topLayer() == null ? null : layers.get(image.topLayer()).orElseThrow();
    return containers.create(spec, image, top);
  }

  /** Mounts the container's layers and marks it running. */
  public synchronized void start(Container c) {
    containers.start(c);
  }

  /** Its main process ended with {@code exitCode}: unmount and record it. */
  public synchronized void exited(Container c, int exitCode) {
    containers.stopped(c, exitCode);
  }

  /** {@code docker stop}/{@code kill}: the process dies of SIGKILL after ignoring SIGTERM, as a shell as PID 1 does. */
  public synchronized void stop(Container c) {
    containers.stopped(c, 137);
  }

  /** Appends process output to the container's log ({@code docker logs}, the json-file on the host). */
  public synchronized void log(Container c, String stream, String text) {
    containers.log(c, stream, text);
  }

  /** {@code docker rm}: refuses a running container unless {@code force}. */
  public synchronized void remove(Container c, boolean force) {
    if (c.isRunning()) {
      if (!force) {
        throw EngineException.conflict("You cannot remove a running container " + c.id()
            + ". Stop the container before attempting removal or force remove");
      }
      containers.stopped(c, 137);
    }
    containers.remove(c).forEach(d -> emit(new EngineEvent.LayerDeleted(d)));
  }

  /** {@code docker rename}. */
  public synchronized void rename(Container c, String name) {
    if (containers.nameTaken(name)) {
      throw EngineException.conflict("Error when allocating new name: Conflict. The container name \"/" + name
          + "\" is already in use by container \"" + containers.get(name).id()
          + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
    containers.rename(c, name);
  }

  /** {@code docker diff}: {@code A}, {@code C} and {@code D} lines, parents before children. */
  public synchronized List<String> diff(Container c) {
    String upper = DockerPaths.layerDir(c.mountId()) + "/diff";
    List<String> lowers = layers.lowerDiffs(c.mountId());
    return new ContainerDiff(host.root(), upper, lowers).changes().stream().map(Object::toString).toList();
  }

  /** {@code docker commit}: a new image from the container's upper dir; tagged when {@code reference} is given. */
  public synchronized ImageRecord commit(Container c, String reference, String author, String comment) {
    Reference ref = reference == null ? null : Reference.parse(reference);
    ImageRecord parent = images.get(c.imageId())
        .orElseThrow(() -> EngineException.notFound("No such image: " + c.imageId()));
    ImageRecord image = Commit.commit(host.root(), layers, images, c, parent, author, comment, clock.instant());
    if (ref != null) {
      images.addRef(ref.toString(), image.id(), clock.instant());
    }
    emit(new EngineEvent.LayerCommitted(c.id(), image.id(), image.topLayer()));
    return image;
  }

  /**
   * Stores an image made by a build step: {@code parent}'s layers plus {@code layer} when it is
   * given (the config's diffIDs must already name it), with {@code parent} recorded as its parent,
   * as the builder's commits and exports do. The same config twice gives the same image.
   */
  public synchronized ImageRecord storeBuilt(Digest parent, dev.layerlab.image.LayerBlob layer, byte[] configBytes) {
    ImageRecord p = parent == null ? null : images.get(parent)
        .orElseThrow(() -> EngineException.notFound("No such image: " + parent));
    Layer top = p == null || p.topLayer() == null ? null : layers.get(p.topLayer()).orElseThrow();
    Layer newTop = top;
    if (layer != null) {
      boolean known = layers.get(Digest.chainId(top == null ? null : top.chainId(), layer.diffId())).isPresent();
      newTop = layers.register(top, layer);
      if (!known) {
        emit(new EngineEvent.LayerRegistered(newTop.chainId(), newTop.cacheId()));
      }
    } else if (top != null) {
      layers.acquire(top.chainId());
    }
    ImageRecord image = new ImageRecord(Digest.of(configBytes), configBytes, newTop == null ? null : newTop.chainId(),
        parent, null);
    if (images.get(image.id()).isPresent()) {
      if (newTop != null) {
        layers.release(newTop.chainId());
      }
      return images.get(image.id()).get();
    }
    images.put(image);
    return image;
  }

  /** GraphDriver.Data of a container: its rw layer over its init layer and the image's layers. */
  public synchronized GraphDriver graphDriver(Container c) {
    return graphDriverOf(c.mountId());
  }

  /** {@code docker container prune}: removes every stopped container; returns their IDs. */
  public synchronized List<String> pruneContainers() {
    List<String> removed = new ArrayList<>();
    for (Container c : containers.all()) {
      if (!c.isRunning()) {
        remove(c, false);
        removed.add(c.id());
      }
    }
    return removed;
  }

  /**
   * Runs {@code action} on the container's root filesystem: its live namespace while it runs,
   * else its overlay mounted just for the call (as {@code docker cp} on a stopped container does).
   */
  public synchronized <T> T withFilesystem(Container c, java.util.function.Function<dev.layerlab.vfs.Vfs, T> action) {
    if (c.isRunning()) {
      return action.apply(c.filesystem());
    }
    return containers.withMounted(c, action);
  }

  /** The bytes in a container's rw layer ({@code docker ps -s}, prune's reclaimed space). */
  public synchronized long rwSize(Container c) {
    return LayerFiles.size(host.root(), DockerPaths.layerDir(c.mountId()) + "/diff");
  }

  /** The mount option string of a container's overlay. */
  public synchronized String mountOptions(Container c) {
    return containers.options(c);
  }

  // ---- archives

  /** {@code docker save}: a docker-archive tar of the named images (all their tags when named by ID). */
  public synchronized byte[] save(List<String> refs) {
    return save(refs, false);
  }

  /** {@code docker save}, as an OCI image layout when {@code oci}. */
  public synchronized byte[] save(List<String> refs, boolean oci) {
    List<ImageRecord> named = refs.stream().map(this::image).toList();
    return transfer.save(refs, named, oci);
  }

  /**
   * {@code docker load}: every image of a docker-archive or OCI layout; returns the
   * {@code Loaded image: ...} lines. A bad archive changes nothing.
   */
  public synchronized List<String> load(byte[] archive) {
    return transfer.load(archive);
  }
}
