package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import dev.layerlab.vfs.Vfs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One container: its configuration, fixed at create, and its state, which the daemon changes.
 * While it runs, {@link #filesystem()} is its root: the overlay of its layers with the bind
 * mounts and pseudo filesystems a container sees.
 */
public final class Container {
  private final String id;
  private String name;
  private final Digest imageId;
  private final String imageName;
  private final Instant created;
  private final String mountId;
  private final String path;
  private final List<String> args;
  private final List<String> env;
  private final String workingDir;
  private final String hostname;
  private final boolean tty;
  private final boolean openStdin;
  private final boolean autoRemove;
  private final List<String> cmd;
  private final List<String> entrypoint;
  private Digest parentLayer;

  ContainerState state = ContainerState.CREATED;
  int exitCode;
  Instant startedAt;
  Instant finishedAt;
  int pid;
  MountNamespace filesystem;
  final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  Container(String id, String name, Digest imageId, String imageName, Instant created, String mountId,
      List<String> entrypoint, List<String> cmd, List<String> env, String workingDir, String hostname, boolean tty,
      boolean openStdin, boolean autoRemove) {
    this.id = id;
    this.name = name;
    this.imageId = imageId;
    this.imageName = imageName;
    this.created = created;
    this.mountId = mountId;
    this.entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
    this.cmd = cmd == null ? List.of() : List.copyOf(cmd);
    List<String> argv = new ArrayList<>(this.entrypoint);
    argv.addAll(this.cmd);
    this.path = argv.isEmpty() ? "" : argv.get(0);
    this.args = argv.isEmpty() ? List.of() : List.copyOf(argv.subList(1, argv.size()));
    this.env = List.copyOf(env);
    this.workingDir = workingDir;
    this.hostname = hostname;
    this.tty = tty;
    this.openStdin = openStdin;
    this.autoRemove = autoRemove;
  }

  public String id() {
    return id;
  }

  public String shortId() {
    return id.substring(0, 12);
  }

  public String name() {
    return name;
  }

  void rename(String newName) {
    this.name = newName;
  }

  public Digest imageId() {
    return imageId;
  }

  /** The image as given at create ({@code docker ps} shows it). */
  public String imageName() {
    return imageName;
  }

  public Instant created() {
    return created;
  }

  /** The random name of its {@code overlay2/} directories ({@code <mountId>} and {@code <mountId>-init}). */
  public String mountId() {
    return mountId;
  }

  /** The program it runs (entrypoint and command joined: the first word). */
  public String path() {
    return path;
  }

  public List<String> args() {
    return args;
  }

  /** Path and args: what the container's first process runs. */
  public List<String> argv() {
    List<String> a = new ArrayList<>();
    if (!path.isEmpty()) {
      a.add(path);
    }
    a.addAll(args);
    return a;
  }

  public List<String> cmd() {
    return cmd;
  }

  public List<String> entrypoint() {
    return entrypoint;
  }

  public List<String> env() {
    return env;
  }

  /** The working directory its processes start in ({@code /} when the image sets none). */
  public String workingDir() {
    return workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
  }

  public String hostname() {
    return hostname;
  }

  public boolean tty() {
    return tty;
  }

  public boolean openStdin() {
    return openStdin;
  }

  public boolean autoRemove() {
    return autoRemove;
  }

  public ContainerState state() {
    return state;
  }

  public boolean isRunning() {
    return state == ContainerState.RUNNING;
  }

  public int exitCode() {
    return exitCode;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public int pid() {
    return pid;
  }

  /** Its root filesystem while it runs; IllegalStateException otherwise. */
  public Vfs filesystem() {
    if (filesystem == null) {
      throw new IllegalStateException("container " + shortId() + " is not running");
    }
    return filesystem;
  }

  /** The mount table inside the container, {@code /} first. */
  public List<MountEntry> mounts() {
    return filesystem == null ? List.of() : filesystem.mounts();
  }

  /** The chainID of the image layer its init layer sits on (null for an image without layers). */
  Digest parentLayer() {
    return parentLayer;
  }

  void parentLayer(Digest chainId) {
    this.parentLayer = chainId;
  }

  /** What its processes wrote to stdout and stderr ({@code docker logs}). */
  public String logs() {
    return logs.toString(StandardCharsets.UTF_8);
  }

  /** Appends process output to the container's log. */
  public void log(byte[] output) {
    logs.writeBytes(output);
  }
}
