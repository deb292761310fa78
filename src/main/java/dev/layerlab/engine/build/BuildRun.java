package dev.layerlab.engine.build;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.ContainerSpec;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.ImageRecord;
import dev.layerlab.image.ContainerConfig;
import dev.layerlab.image.Digest;
import dev.layerlab.image.HistoryEntry;
import dev.layerlab.image.ImageConfig;
import dev.layerlab.image.LayerBlob;
import dev.layerlab.image.LayerTree;
import dev.layerlab.image.VfsLayers;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one build works with: the daemon, the output stream, the context, the build args, and
 * the cache, which stops being consulted after the first miss. It makes the intermediate
 * containers and commits each step's image.
 */
final class BuildRun {
  static final String DOCKER_VERSION = "18.06.1-ce";

  final Engine engine;
  final ClassicBuilder.Hooks hooks;
  final PrintStream out;
  final PrintStream err;
  final BuildContext context;
  final Map<String, String> buildArgs;
  final java.util.Set<String> usedArgs = new java.util.HashSet<>();
  /** ARGs before the first FROM, with their values: FROM sees them, and a stage's ARG without a default. */
  final Map<String, String> metaArgs = new java.util.LinkedHashMap<>();
  final List<Stage> stages = new ArrayList<>();
  private boolean useCache;
  private final boolean remove;
  private final boolean forceRemove;
  /** Docker's tmpContainers: the build's containers not removed yet (empty for one over no image). */
  private final Map<String, Optional<Container>> intermediate = new java.util.LinkedHashMap<>();
  private int scratchContainers;
  /** The daemon's temporary directory for the context ({@code docker-builder123456789}), named in COPY errors. */
  final String builderDir;

  BuildRun(Engine engine, ClassicBuilder.Hooks hooks, PrintStream out, PrintStream err, BuildContext context,
      Map<String, String> buildArgs, boolean noCache, boolean remove, boolean forceRemove) {
    this.engine = engine;
    this.hooks = hooks;
    this.out = out;
    this.err = err;
    this.context = context;
    this.buildArgs = buildArgs;
    this.useCache = !noCache;
    this.remove = remove;
    this.forceRemove = forceRemove;
    this.builderDir = String.valueOf(100_000_000 + Math.floorMod(engine.clock().instant().hashCode(), 900_000_000));
  }

  /**
   * The cache lookup: a local image whose parent is the stage's image and whose container config
   * matches {@code probe}; the newest wins. On a hit the stage moves to it and
   * {@code  ---> Using cache} is printed.
   */
  boolean probe(Stage s, ContainerConfig probe) {
    if (!useCache) {
      return false;
    }
    Optional<ImageRecord> hit = engine.images().stream()
        .filter(i -> Objects.equals(i.parent(), s.image))
        .filter(i -> same(i.config().containerConfig(), probe))
        .findFirst();
    if (hit.isEmpty()) {
      useCache = false;
      return false;
    }
    out.print(" ---> Using cache\n");
    s.image = hit.get().id();
    s.config = hit.get().config().config();
    return true;
  }

  /** The fields Docker's cache compares. */
  private static boolean same(ContainerConfig a, ContainerConfig b) {
    return a != null && Objects.equals(a.cmd(), b.cmd()) && Objects.equals(a.env(), b.env())
        && Objects.equals(a.user(), b.user())
        && Objects.equals(a.labels(), b.labels()) && Objects.equals(sorted(a.exposedPorts()), sorted(b.exposedPorts()))
        && Objects.equals(a.entrypoint(), b.entrypoint()) && Objects.equals(sorted(a.volumes()), sorted(b.volumes()));
  }

  private static List<String> sorted(List<String> l) {
    return l == null || l.isEmpty() ? null : l.stream().sorted().toList();
  }

  /** A build container from the stage's image, announced with {@code  ---> Running in}. */
  Container create(Stage s, List<String> cmd, List<String> extraEnv) {
    Container c = engine.create(new ContainerSpec(s.imageRef(), null, cmd, List.of(), extraEnv,
        s.config.workingDir().isEmpty() ? null : s.config.workingDir(), null, false, false, false));
    intermediate.put(c.id(), Optional.of(c));
    out.print(" ---> Running in " + c.shortId() + "\n");
    return c;
  }

  /**
   * What Docker does when an instruction ends: with {@code --force-rm} every container the build
   * made so far goes, with {@code --rm} (the default) only when the instruction succeeded, so a
   * failed RUN's container stays for the learner to inspect; with {@code --rm=false} they all stay.
   */
  void removeIntermediate(boolean succeeded) {
    if (!forceRemove && !(remove && succeeded)) {
      return;
    }
    intermediate.forEach((id, c) -> {
      c.ifPresent(container -> engine.remove(container, true));
      out.print("Removing intermediate container " + id.substring(0, 12) + "\n");
    });
    intermediate.clear();
  }

  /** The container's upper dir as a layer tree: what its process changed. */
  LayerTree changes(Container c) {
    return VfsLayers.export(engine.host().root(), engine.graphDriver(c).upperDir());
  }

  /** A metadata-only step: probe, else a container made and removed, then an empty_layer commit. */
  void commitConfig(Stage s, String comment) {
    ContainerConfig probe = withComment(s, "#(nop) ", comment);
    if (probe(s, probe)) {
      return;
    }
    String id;
    if (s.image == null) {
      id = scratchContainerId(s, comment);
    } else {
      id = create(s, probe.cmd(), List.of()).id();
    }
    commit(s, probe, id, null);
  }

  /**
   * A container over no image ({@code FROM scratch} before any layer): the engine makes
   * containers from images only, so its ID is derived here, and announced like any other.
   */
  String scratchContainerId(Stage s, String step) {
    String id = Digest.of((s.config + step + engine.clock().instant() + (++scratchContainers)).getBytes(
        java.nio.charset.StandardCharsets.UTF_8)).hex();
    intermediate.put(id, Optional.empty());
    out.print(" ---> Running in " + id.substring(0, 12) + "\n");
    return id;
  }

  /** The config with the step's comment as its Cmd, as Docker keys the cache and writes history. */
  ContainerConfig withComment(Stage s, String... parts) {
    List<String> cmd = new ArrayList<>(s.config.shellOrDefault());
    cmd.addAll(List.of(parts));
    return s.config.withCmd(List.copyOf(cmd), false).withImage(s.imageRef());
  }

  /** Stores the step's image: the stage's image plus {@code tree} when it changed anything. */
  void commit(Stage s, ContainerConfig containerConfig, String containerId, LayerTree tree) {
    ImageConfig parent = s.image == null ? null : engine.image(s.image.toString()).config();
    String now = GoFormat.rfc3339(engine.clock().instant());
    boolean empty = tree == null || tree.isEmpty();
    LayerBlob blob = empty ? null : LayerBlob.of(tree);
    List<HistoryEntry> history = new ArrayList<>(parent == null ? List.of() : parent.history());
    history.add(new HistoryEntry(now, s.author, String.join(" ", containerConfig.cmd()), null, empty));
    List<Digest> diffIds = new ArrayList<>(parent == null ? List.of() : parent.diffIds());
    if (blob != null) {
      diffIds.add(blob.diffId());
    }
    ContainerConfig config = s.config.withImage(s.imageRef());
    ImageConfig image = new ImageConfig("amd64", "linux", now, DOCKER_VERSION, s.author, null, containerId,
        containerConfig, config, history, diffIds);
    ImageRecord rec = engine.storeBuilt(s.image, blob, image.toJson());
    s.image = rec.id();
  }
}
