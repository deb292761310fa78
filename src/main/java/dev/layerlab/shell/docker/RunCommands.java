package dev.layerlab.shell.docker;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.ContainerSpec;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** {@code docker create}, {@code run}, {@code start}, {@code restart} and {@code exec}: where processes run. */
final class RunCommands {
  private RunCommands() {}

  static void register(DockerProgram p) {
    Cmd create = new Cmd(containerFlags(new Spec("create", "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]",
        "Create a new container")), (cli, f) -> create(cli, f, "create"));
    p.add("create", create);
    p.addTo("container", "create", ImageCommands.withPath(create, "container create",
        "docker container create [OPTIONS] IMAGE [COMMAND] [ARG...]"));
    Cmd run = new Cmd(containerFlags(new Spec("run", "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]",
        "Run a command in a new container")).flag('d', "detach", "Run container in background and print container ID"),
        RunCommands::run);
    p.add("run", run);
    p.addTo("container", "run", ImageCommands.withPath(run, "container run",
        "docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]"));
    Cmd start = new Cmd(new Spec("start", "docker start [OPTIONS] CONTAINER [CONTAINER...]",
        "Start one or more stopped containers")
        .flag('a', "attach", "Attach STDOUT/STDERR and forward signals")
        .flag('i', "interactive", "Attach container's STDIN")
        .args(1, -1), RunCommands::start);
    p.add("start", start);
    p.addTo("container", "start", ImageCommands.withPath(start, "container start",
        "docker container start [OPTIONS] CONTAINER [CONTAINER...]"));
    Cmd restart = new Cmd(new Spec("restart", "docker restart [OPTIONS] CONTAINER [CONTAINER...]",
        "Restart one or more containers")
        .value('t', "time", "int", "Seconds to wait for stop before killing the container (default 10)")
        .args(1, -1), RunCommands::restart);
    p.add("restart", restart);
    p.addTo("container", "restart", ImageCommands.withPath(restart, "container restart",
        "docker container restart [OPTIONS] CONTAINER [CONTAINER...]"));
    Cmd exec = new Cmd(new Spec("exec", "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]",
        "Run a command in a running container")
        .flag('d', "detach", "Detached mode: run command in the background")
        .value('e', "env", "list", "Set environment variables")
        .flag('i', "interactive", "Keep STDIN open even if not attached")
        .flag('t', "tty", "Allocate a pseudo-TTY")
        .value('u', "user", "string", "Username or UID (format: <name|uid>[:<group|gid>])")
        .value('w', "workdir", "string", "Working directory inside the container")
        .notInterspersed().args(2, -1), RunCommands::exec);
    p.add("exec", exec);
    p.addTo("container", "exec", ImageCommands.withPath(exec, "container exec",
        "docker container exec [OPTIONS] CONTAINER COMMAND [ARG...]"));
  }

  private static Spec containerFlags(Spec s) {
    return s.value('e', "env", "list", "Set environment variables")
        .value("entrypoint", "string", "Overwrite the default ENTRYPOINT of the image")
        .value('h', "hostname", "string", "Container host name")
        .flag('i', "interactive", "Keep STDIN open even if not attached")
        .value("name", "string", "Assign a name to the container")
        .flag("rm", "Automatically remove the container when it exits")
        .flag('t', "tty", "Allocate a pseudo-TTY")
        .value('w', "workdir", "string", "Working directory inside the container")
        .notInterspersed().args(1, -1);
  }

  /** The image must be local; otherwise "Unable to find image" and a pull, both on stderr. */
  private static Container createContainer(Cli cli, Flags f, String command) {
    List<String> args = f.args();
    String image = args.get(0);
    try {
      dev.layerlab.engine.Reference.parse(image);
    } catch (EngineException e) {
      throw new CliError("docker: " + e.getMessage() + ".\nSee 'docker " + command + " --help'.", 125);
    }
    Engine engine = cli.engine();
    try {
      if (engine.findImage(image).isEmpty()) {
        String ref = dev.layerlab.engine.Reference.parse(image).toString();
        cli.errln("Unable to find image '" + ref + "' locally");
        engine.pull(image, new PullRenderer(cli.err(), cli.terminal(), cli.ctx().width()));
      }
      List<String> cmd = args.size() > 1 ? new ArrayList<>(args.subList(1, args.size())) : null;
      String entry = f.value("entrypoint");
      List<String> entrypoint = entry == null ? null : entry.isEmpty() ? List.of() : List.of(entry);
      ContainerSpec spec = new ContainerSpec(image, f.value("name"), cmd, entrypoint, f.all("env"),
          f.value("workdir"), f.value("hostname"), f.bool("tty"), f.bool("interactive"), f.bool("rm"));
      return engine.create(spec);
    } catch (EngineException e) {
      throw new CliError("docker: Error response from daemon: " + e.getMessage() + ".\nSee 'docker " + command
          + " --help'.", 125);
    }
  }

  static int create(Cli cli, Flags f, String command) {
    Container c = createContainer(cli, f, command);
    cli.println(c.id());
    return 0;
  }

  static int run(Cli cli, Flags f) {
    boolean detach = f.bool("detach");
    Container c = createContainer(cli, f, "run");
    Engine engine = cli.engine();
    ContainerMachine m;
    try {
      m = Processes.machine(cli, c, c.tty());
    } catch (EngineException e) {
      removeIfAuto(engine, c);
      throw new CliError("docker: Error response from daemon: " + e.getMessage()
          + ".\nERRO[0000] error waiting for container: context canceled ", 125);
    }
    engine.start(c);
    if (!c.argv().isEmpty() && Processes.lookPath(m, c.argv().get(0)) == null) {
      engine.exited(c, 127);
      removeIfAuto(engine, c);
      throw new CliError("docker: Error response from daemon: " + Processes.notFound(c.argv().get(0))
          + ".\nERRO[0000] error waiting for container: context canceled ", 127);
    }
    if (detach) {
      cli.println(c.id());
      runDetached(cli, c, m);
      return 0;
    }
    return runAttached(cli, c, m, c.openStdin());
  }

  /** A detached container: shells with stdin open and long-running programs stay up; others run to the end. */
  private static void runDetached(Cli cli, Container c, ContainerMachine m) {
    if (Processes.runsForever(c.argv()) || (Processes.isShell(c.argv()) && (c.openStdin() || c.tty()))) {
      return;
    }
    int status = Processes.run(m, c.argv(), c.workingDir(), new ByteArrayInputStream(new byte[0]),
        Processes.discard(), Processes.discard(), c.tty(), cli.ctx().width(),
        (stream, text) -> cli.engine().log(c, stream, text));
    cli.engine().exited(c, status);
    removeIfAuto(cli.engine(), c);
  }

  /** The container's process attached to the terminal: a session for an interactive shell, else a one-shot run. */
  private static int runAttached(Cli cli, Container c, ContainerMachine m, boolean stdin) {
    Engine engine = cli.engine();
    if (Processes.isShell(c.argv()) && stdin) {
      cli.sessions().enter(m, status -> {
        engine.exited(c, status);
        removeIfAuto(engine, c);
      });
      return 0;
    }
    InputStream in = stdin ? cli.ctx().in() : new ByteArrayInputStream(new byte[0]);
    if (Processes.runsForever(c.argv())) {
      cli.errln("(" + c.argv().get(0) + " keeps running: use docker run -d, then docker stop " + c.name() + ")");
      return 0;
    }
    int status = Processes.run(m, c.argv(), c.workingDir(), in, cli.out(), cli.err(), c.tty(), cli.ctx().width(),
        (stream, text) -> engine.log(c, stream, text));
    engine.exited(c, status);
    removeIfAuto(engine, c);
    return status;
  }

  private static void removeIfAuto(Engine engine, Container c) {
    if (c.autoRemove() && engine.findContainer(c.id()).isPresent()) {
      engine.remove(c, true);
    }
  }

  static int start(Cli cli, Flags f) {
    boolean attach = f.bool("attach") || f.bool("interactive");
    if (attach && f.args().size() > 1) {
      throw new CliError("You cannot start and attach multiple containers at once.", 1);
    }
    Engine engine = cli.engine();
    List<String> failed = new ArrayList<>();
    for (String name : f.args()) {
      var found = engine.findContainer(name);
      if (found.isEmpty()) {
        cli.errln("Error response from daemon: No such container: " + name);
        failed.add(name);
        continue;
      }
      Container c = found.get();
      boolean wasRunning = c.isRunning();
      ContainerMachine m;
      try {
        m = Processes.machine(cli, c, c.tty());
      } catch (EngineException e) {
        cli.errln("Error response from daemon: " + e.getMessage());
        failed.add(name);
        continue;
      }
      engine.start(c);
      if (attach) {
        return wasRunning ? 0 : runAttached(cli, c, m, f.bool("interactive"));
      }
      cli.println(name);
      if (!wasRunning) {
        runDetached(cli, c, m);
      }
    }
    if (!failed.isEmpty()) {
      throw new CliError("Error: failed to start containers: " + String.join(", ", failed), 1);
    }
    return 0;
  }

  static int restart(Cli cli, Flags f) {
    Engine engine = cli.engine();
    int status = 0;
    for (String name : f.args()) {
      var found = engine.findContainer(name);
      if (found.isEmpty()) {
        cli.errln("Error response from daemon: No such container: " + name);
        status = 1;
        continue;
      }
      Container c = found.get();
      engine.stop(c);
      engine.start(c);
      runDetached(cli, c, Processes.machine(cli, c, c.tty()));
      cli.println(name);
    }
    return status;
  }

  static int exec(Cli cli, Flags f) {
    Engine engine = cli.engine();
    Container c = engine.container(f.args().get(0));
    if (!c.isRunning()) {
      throw CliError.daemon("Container " + c.id() + " is not running");
    }
    List<String> argv = f.args().subList(1, f.args().size());
    // without -u the exec'd process runs as the container's user, the image's USER
    ContainerMachine m = new ContainerMachine(c, cli.ctx().machine().programs(), engine, f.bool("tty"),
        f.all("env"), Processes.user(engine, c));
    if (Processes.lookPath(m, argv.get(0)) == null) {
      throw new CliError("OCI runtime exec failed: exec failed: container_linux.go:348: starting container process "
          + "caused \"exec: \\\"" + argv.get(0) + "\\\": executable file not found in $PATH\": unknown", 126);
    }
    String cwd = f.value("workdir") != null ? f.value("workdir") : c.workingDir();
    if (Processes.isShell(argv) && f.bool("interactive")) {
      cli.sessions().enter(m, status -> {});
      return 0;
    }
    InputStream in = f.bool("interactive") ? cli.ctx().in() : new ByteArrayInputStream(new byte[0]);
    if (f.bool("detach")) {
      Processes.run(m, argv, cwd, in, Processes.discard(), Processes.discard(), false, cli.ctx().width(), null);
      return 0;
    }
    return Processes.run(m, argv, cwd, in, cli.out(), cli.err(), f.bool("tty"), cli.ctx().width(), null);
  }
}
