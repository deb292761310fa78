package dev.layerlab.shell.docker;

import dev.layerlab.engine.Engine;
import dev.layerlab.engine.MountNamespace;
import dev.layerlab.engine.OverlayMounter;
import dev.layerlab.engine.Registry;
import dev.layerlab.shell.HostMachine;
import dev.layerlab.shell.Machine;
import dev.layerlab.shell.Programs;
import dev.layerlab.shell.Shells;
import dev.layerlab.vfs.Vfs;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A booted Docker host: the host machine (whose filesystem is seen through the mount table, so
 * running containers' merged dirs show up), the daemon on its disk, {@code docker} on its PATH,
 * and the learner's shell that can step into containers.
 */
public final class DockerHost {
  private final HostMachine hostMachine;
  private final MountNamespace namespace;
  private final Engine engine;
  private final Machine machine;
  private final DockerShell shell;

  private DockerHost(Clock clock, Random random, Registry registry) {
    Programs programs = Programs.standard();
    Engine[] holder = new Engine[1];
    Sessions[] sessions = new Sessions[1];
    DockerProgram docker = new DockerProgram(() -> holder[0], new Sessions() {
      @Override
      public void enter(Machine m, java.util.function.IntConsumer onExit) {
        sessions[0].enter(m, onExit);
      }

      @Override
      public boolean interactive() {
        return sessions[0].interactive();
      }
    });
    programs.register("docker", docker);
    programs.register("busybox", busybox(programs));
    this.hostMachine = HostMachine.create(clock, programs);
    // registered after the host is populated: only the images' filesystems hold stubs naming them
    dev.layerlab.shell.pkg.PackageManagers.registerAll(programs);
    this.namespace = MountNamespace.host(hostMachine.disk());
    this.engine = new Engine(namespace, registry, OverlayMounter.kernel(), clock, random);
    holder[0] = engine;
    hostMachine.addMountSource(() -> namespace.mounts().stream().skip(1).map(ContainerMachine::toShell).toList());
    this.machine = new Mounted(hostMachine, namespace);
    this.shell = new DockerShell(Shells.on(machine), docker);
    sessions[0] = shell;
  }

  /**
   * BusyBox's multi-call binary, which the alpine and busybox images' stubs name: it runs the
   * applet it was called as ({@code ls} through {@code /bin/ls -> /bin/busybox}), or the one named
   * in its first argument.
   */
  private static dev.layerlab.shell.Program busybox(Programs programs) {
    return ctx -> {
      List<String> args = ctx.args();
      String applet = ctx.name();
      if (applet.equals("busybox")) {
        if (args.size() < 2) {
          ctx.out().print("BusyBox v1.28.4 (2018-05-30 10:45:57 UTC) multi-call binary.\n");
          return 0;
        }
        args = args.subList(1, args.size());
        applet = args.get(0);
      }
      String name = applet.equals("ash") ? "sh" : applet;
      var program = programs.find(name);
      if (program.isEmpty() || name.equals("busybox")) {
        ctx.err().print(applet + ": applet not found\n");
        return 127;
      }
      return program.get().run(ctx.withArgs(args));
    };
  }

  /** A host with the built-in 2018 catalog; {@code seed} fixes every random ID (cache-ids, container IDs, names). */
  public static DockerHost boot(Clock clock, long seed) {
    return new DockerHost(clock, new Random(seed), Registry.catalog());
  }

  /** A host whose IDs are random, as on a real machine. */
  public static DockerHost boot(Clock clock) {
    return new DockerHost(clock, new Random(), Registry.catalog());
  }

  public Engine engine() {
    return engine;
  }

  /** The host as the shell sees it (its filesystem includes the mounts). */
  public Machine machine() {
    return machine;
  }

  public DockerShell shell() {
    return shell;
  }

  public MountNamespace namespace() {
    return namespace;
  }

  /** The host machine with its root seen through the mount namespace. */
  private record Mounted(HostMachine host, MountNamespace ns) implements Machine {
    @Override
    public Vfs vfs() {
      return ns;
    }

    @Override
    public String hostname() {
      return host.hostname();
    }

    @Override
    public Map<String, String> environment() {
      return host.environment();
    }

    @Override
    public Programs programs() {
      return host.programs();
    }

    @Override
    public Clock clock() {
      return host.clock();
    }

    @Override
    public List<MountEntry> mounts() {
      return host.mounts();
    }

    @Override
    public ZoneId zone() {
      return host.zone();
    }

    @Override
    public String home() {
      return host.home();
    }
  }
}
