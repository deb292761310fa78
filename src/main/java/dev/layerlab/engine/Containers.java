package dev.layerlab.engine;

import dev.layerlab.image.ContainerConfig;
import dev.layerlab.image.Digest;
import dev.layerlab.vfs.Vfs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The containers the daemon knows, and their lifecycle on the host: create (init layer, rw
 * layer, {@code layerdb/mounts}, {@code containers/<id>}), start and stop (mount and unmount),
 * and removal (every trace deleted, the image's layers untouched).
 */
final class Containers {
  private final MountNamespace host;
  private final LayerStore layers;
  private final RandomIds ids;
  private final NameGenerator names;
  private final ContainerRuntime runtime;
  private final ContainerFiles files;
  private final Clock clock;
  private final Consumer<EngineEvent> events;
  private final Map<String, Container> byId = new LinkedHashMap<>();
  private int nextPid = 2000;

  Containers(MountNamespace host, LayerStore layers, RandomIds ids, OverlayMounter overlay, Clock clock,
      Consumer<EngineEvent> events) {
    this.host = host;
    this.layers = layers;
    this.ids = ids;
    this.names = new NameGenerator(ids);
    this.runtime = new ContainerRuntime(host, layers, overlay, clock);
    this.files = new ContainerFiles(host);
    this.clock = clock;
    this.events = events;
  }

  List<Container> all() {
    return List.copyOf(byId.values());
  }

  /** By full ID, name (with or without the leading slash) or unique ID prefix. */
  Optional<Container> find(String ref) {
    String r = ref.startsWith("/") ? ref.substring(1) : ref;
    Container exact = byId.get(r);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Container c : byId.values()) {
      if (c.name().equals(r)) {
        return Optional.of(c);
      }
    }
    if (r.isEmpty()) {
      return Optional.empty();
    }
    List<Container> matches = byId.values().stream().filter(c -> c.id().startsWith(r)).toList();
    if (matches.size() > 1) {
      throw EngineException.invalid("multiple IDs found with provided prefix: " + r);
    }
    return matches.stream().findFirst();
  }

  Container get(String ref) {
    return find(ref).orElseThrow(() -> EngineException.notFound("No such container: " + ref));
  }

  boolean nameTaken(String name) {
    return byId.values().stream().anyMatch(c -> c.name().equals(name));
  }

  Container create(ContainerSpec spec, ImageRecord image, Layer top) {
    if (spec.name() != null) {
      if (!spec.name().matches("/?[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
        throw EngineException.invalid("Invalid container name (" + spec.name()
            + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
      }
      String n = spec.name().startsWith("/") ? spec.name().substring(1) : spec.name();
      Optional<Container> other = byId.values().stream().filter(c -> c.name().equals(n)).findFirst();
      if (other.isPresent()) {
        throw EngineException.conflict("Conflict. The container name \"/" + n + "\" is already in use by container \""
            + other.get().id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
      }
    }
    ContainerConfig cfg = image.config().config();
    List<String> entrypoint = spec.entrypoint() != null ? spec.entrypoint() : cfg == null ? null : cfg.entrypoint();
    List<String> cmd = spec.cmd() != null ? spec.cmd()
        : spec.entrypoint() != null || cfg == null ? null : cfg.cmd();
    if ((entrypoint == null || entrypoint.isEmpty()) && (cmd == null || cmd.isEmpty())) {
      throw EngineException.invalid("No command specified");
    }
    List<String> env = new ArrayList<>(cfg == null || cfg.env() == null ? List.of() : cfg.env());
    for (String e : spec.env()) {
      String key = e.contains("=") ? e.substring(0, e.indexOf('=')) : e;
      env.removeIf(x -> x.startsWith(key + "="));
      env.add(e);
    }
    String workdir = spec.workingDir() != null ? spec.workingDir() : cfg == null ? "" : cfg.workingDir();
    String id = ids.id();
    String name = spec.name() != null ? spec.name().replaceFirst("^/", "") : names.generate(this::nameTaken);
    String hostname = spec.hostname() != null ? spec.hostname() : id.substring(0, 12);
    String mountId = ids.id();
    layers.createDir(mountId + "-init", top == null ? null : top.cacheId());
    Vfs init = runtime.mountLayer(mountId + "-init", e -> {});
    try {
      InitLayer.populate(init);
    } finally {
      runtime.unmountLayer(mountId + "-init");
    }
    layers.createDir(mountId, mountId + "-init");
    if (top != null) {
      layers.acquire(top.chainId());
    }
    String mounts = DockerPaths.MOUNTS + "/" + id;
    host.mkdir(mounts, 0700);
    HostFiles.write(host, mounts + "/init-id", mountId + "-init", 0644);
    HostFiles.write(host, mounts + "/mount-id", mountId, 0644);
    if (top != null) {
      HostFiles.write(host, mounts + "/parent", top.chainId().toString(), 0644);
    }
    Container c = new Container(id, name, image.id(), spec.image(), clock.instant(), mountId, entrypoint, cmd, env,
        workdir, hostname, spec.tty(), spec.openStdin(), spec.autoRemove());
    c.parentLayer(top == null ? null : top.chainId());
    files.create(c);
    byId.put(id, c);
    events.accept(new EngineEvent.ContainerCreated(id, name, mountId));
    return c;
  }

  void start(Container c) {
    if (c.isRunning()) {
      return;
    }
    files.network(c, address(), resolvConf());
    runtime.start(c, e -> events.accept(new EngineEvent.OverlayActivity(c.id(), e)));
    c.state = ContainerState.RUNNING;
    c.startedAt = clock.instant();
    c.finishedAt = null;
    c.exitCode = 0;
    c.pid = nextPid += 1 + ids.nextInt(40);
    files.save(c);
    events.accept(new EngineEvent.ContainerStarted(c.id(), DockerPaths.layerDir(c.mountId()) + "/merged"));
  }

  /** The main process ended with {@code exitCode}: unmount, record the state. */
  void stopped(Container c, int exitCode) {
    if (!c.isRunning()) {
      return;
    }
    runtime.stop(c);
    c.state = ContainerState.EXITED;
    c.exitCode = exitCode;
    c.finishedAt = clock.instant();
    c.pid = 0;
    files.save(c);
    events.accept(new EngineEvent.ContainerStopped(c.id(), exitCode));
  }

  void log(Container c, String stream, String text) {
    c.log(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    files.appendLog(c, stream, text, clock.instant());
  }

  /** Deletes the container and its two layer dirs; its image's layers stay. */
  List<Digest> remove(Container c) {
    runtime.stop(c);
    layers.removeDir(c.mountId());
    layers.removeDir(c.mountId() + "-init");
    HostFiles.removeAll(host, DockerPaths.MOUNTS + "/" + c.id());
    files.remove(c.id());
    byId.remove(c.id());
    events.accept(new EngineEvent.ContainerRemoved(c.id()));
    return c.parentLayer() == null ? List.of() : layers.release(c.parentLayer());
  }

  <T> T withMounted(Container c, java.util.function.Function<Vfs, T> action) {
    Vfs merged = runtime.mountLayer(c.mountId(), e -> {});
    try {
      return action.apply(merged);
    } finally {
      runtime.unmountLayer(c.mountId());
    }
  }

  String options(Container c) {
    return runtime.options(c.mountId());
  }

  void rename(Container c, String name) {
    c.rename(name);
    files.save(c);
  }

  private String address() {
    long running = byId.values().stream().filter(Container::isRunning).count();
    return "172.17.0." + (running + 2);
  }

  private String resolvConf() {
    if (host.exists("/etc/resolv.conf")) {
      StringBuilder b = new StringBuilder();
      boolean any = false;
      for (String line : HostFiles.read(host, "/etc/resolv.conf").split("\n", -1)) {
        if (line.startsWith("nameserver") && (line.contains(" 127.") || line.contains(" ::1"))) {
          continue;
        }
        any |= line.startsWith("nameserver");
        b.append(line).append('\n');
      }
      if (any) {
        return b.toString().replaceAll("\n+$", "\n");
      }
    }
    return "\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n";
  }
}
