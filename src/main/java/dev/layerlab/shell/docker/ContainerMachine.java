package dev.layerlab.shell.docker;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.ExecUser;
import dev.layerlab.shell.Machine;
import dev.layerlab.shell.Programs;
import dev.layerlab.vfs.Credentials;
import dev.layerlab.vfs.CredentialedVfs;
import dev.layerlab.vfs.SubtreeVfs;
import dev.layerlab.vfs.Vfs;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running container as a machine the shell can run on: its root is the container's overlay
 * (commands are found through PATH in the merged filesystem), its hostname the short ID, its
 * environment the one Docker gives the container's processes.
 */
final class ContainerMachine implements Machine {
  private final Container container;
  private final Programs programs;
  private final Engine engine;
  private final Clock clock;
  private final boolean tty;
  private final List<String> extraEnv;
  private final ExecUser user;

  ContainerMachine(Container container, Programs programs, Engine engine, boolean tty) {
    this(container, programs, engine, tty, List.of());
  }

  /** With {@code docker exec -e} variables on top of the container's. */
  ContainerMachine(Container container, Programs programs, Engine engine, boolean tty, List<String> extraEnv) {
    this(container, programs, engine, tty, extraEnv, null);
  }

  /** Its processes running as {@code user} (a USER of the image), root when null. */
  ContainerMachine(Container container, Programs programs, Engine engine, boolean tty, List<String> extraEnv,
      ExecUser user) {
    this.container = container;
    this.programs = programs;
    this.engine = engine;
    this.clock = engine.clock();
    this.tty = tty;
    this.extraEnv = List.copyOf(extraEnv);
    this.user = user;
  }

  @Override
  public Credentials credentials() {
    return user == null ? Credentials.ROOT : user.credentials();
  }

  Container container() {
    return container;
  }

  @Override
  public Vfs vfs() {
    return CredentialedVfs.as(container.filesystem(), credentials());
  }

  @Override
  public List<Vfs> imageLayers() {
    String lower = engine.graphDriver(container).lowerDir();
    List<Vfs> layers = new java.util.ArrayList<>();
    if (lower != null) {
      for (String dir : lower.split(":")) { // top first, the container's -init layer on top
        if (!dir.endsWith("-init/diff")) {
          layers.add(0, new SubtreeVfs(engine.host(), dir));
        }
      }
    }
    return layers;
  }

  @Override
  public String hostname() {
    return container.hostname();
  }

  /** PATH and the rest from the image and {@code -e}, then HOSTNAME, TERM on a tty, and HOME. */
  @Override
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    List<String> all = new java.util.ArrayList<>(container.env());
    all.addAll(extraEnv);
    for (String e : all) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        env.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    env.putIfAbsent("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("HOSTNAME", container.hostname());
    if (tty) {
      env.putIfAbsent("TERM", "xterm");
    }
    // runc takes HOME from the user's passwd entry when the environment has none
    env.putIfAbsent("HOME", user == null ? "/root" : user.home());
    return env;
  }

  @Override
  public Programs programs() {
    return programs;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public List<Machine.MountEntry> mounts() {
    return container.mounts().stream().map(ContainerMachine::toShell).toList();
  }

  static Machine.MountEntry toShell(dev.layerlab.engine.MountEntry m) {
    return new Machine.MountEntry(m.source(), m.target(), m.type(), m.options());
  }

  /** A container's processes start in its working directory, not in HOME. */
  @Override
  public String home() {
    return container.workingDir();
  }
}
