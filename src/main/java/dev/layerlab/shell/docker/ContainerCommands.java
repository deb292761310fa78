package dev.layerlab.shell.docker;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.ContainerState;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.ImageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker ps}, {@code stop}, {@code kill}, {@code rm}, {@code logs}, {@code diff}, {@code commit}, {@code top}, {@code container prune}. */
final class ContainerCommands {
  private ContainerCommands() {}

  static void register(DockerProgram p) {
    Spec ps = psSpec("ps", "docker ps [OPTIONS]");
    p.add("ps", new Cmd(ps, ContainerCommands::ps));
    p.addTo("container", "ls", new Cmd(psSpec("container ls", "docker container ls [OPTIONS]"), ContainerCommands::ps));
    p.addTo("container", "ps", new Cmd(psSpec("container ps", "docker container ps [OPTIONS]"), ContainerCommands::ps));
    both(p, "stop", new Spec("stop", "docker stop [OPTIONS] CONTAINER [CONTAINER...]", "Stop one or more running containers")
        .value('t', "time", "int", "Seconds to wait for stop before killing it (default 10)").args(1, -1),
        ContainerCommands::stop, "docker container stop [OPTIONS] CONTAINER [CONTAINER...]");
    both(p, "kill", new Spec("kill", "docker kill [OPTIONS] CONTAINER [CONTAINER...]", "Kill one or more running containers")
        .value('s', "signal", "string", "Signal to send to the container (default \"KILL\")").args(1, -1),
        ContainerCommands::stop, "docker container kill [OPTIONS] CONTAINER [CONTAINER...]");
    Cmd rm = new Cmd(new Spec("rm", "docker rm [OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers")
        .flag('f', "force", "Force the removal of a running container (uses SIGKILL)")
        .flag('l', "link", "Remove the specified link")
        .flag('v', "volumes", "Remove the volumes associated with the container")
        .args(1, -1), ContainerCommands::rm);
    p.add("rm", rm);
    p.addTo("container", "rm", ImageCommands.withPath(rm, "container rm", "docker container rm [OPTIONS] CONTAINER [CONTAINER...]"));
    both(p, "logs", new Spec("logs", "docker logs [OPTIONS] CONTAINER", "Fetch the logs of a container")
        .flag('f', "follow", "Follow log output").flag('t', "timestamps", "Show timestamps")
        .value("tail", "string", "Number of lines to show from the end of the logs (default \"all\")").args(1, 1),
        ContainerCommands::logs, "docker container logs [OPTIONS] CONTAINER");
    both(p, "diff", new Spec("diff", "docker diff CONTAINER",
        "Inspect changes to files or directories on a container's filesystem").args(1, 1),
        ContainerCommands::diff, "docker container diff CONTAINER");
    both(p, "commit", new Spec("commit", "docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
        "Create a new image from a container's changes")
        .value('a', "author", "string", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
        .value('m', "message", "string", "Commit message")
        .flag('p', "pause", "Pause container during commit (default true)").args(1, 2),
        ContainerCommands::commit, "docker container commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]");
    both(p, "top", new Spec("top", "docker top CONTAINER [ps OPTIONS]", "Display the running processes of a container")
        .notInterspersed().args(1, -1), ContainerCommands::top, "docker container top CONTAINER [ps OPTIONS]");
    both(p, "rename", new Spec("rename", "docker rename CONTAINER NEW_NAME", "Rename a container").args(2, 2),
        (cli, f) -> {
          cli.engine().rename(cli.engine().container(f.args().get(0)), f.args().get(1));
          return 0;
        }, "docker container rename CONTAINER NEW_NAME");
    p.addTo("container", "prune", new Cmd(new Spec("container prune", "docker container prune [OPTIONS]",
        "Remove all stopped containers").flag('f', "force", "Do not prompt for confirmation").args(0, 0),
        ContainerCommands::prune));
    p.addTo("container", "inspect", new Cmd(new Spec("container inspect",
        "docker container inspect [OPTIONS] CONTAINER [CONTAINER...]", "Display detailed information on one or more containers")
        .value('f', "format", "string", "Format the output using the given Go template")
        .flag('s', "size", "Display total file sizes").args(1, -1), (cli, f) -> ImageCommands.inspect(cli, f, "container")));
    CopyCommand.register(p);
  }

  private static void both(DockerProgram p, String name, Spec spec, java.util.function.ToIntBiFunction<Cli, Flags> body,
      String groupUsage) {
    Cmd c = new Cmd(spec, body);
    p.add(name, c);
    p.addTo("container", name, ImageCommands.withPath(c, "container " + name, groupUsage));
  }

  private static Spec psSpec(String path, String usage) {
    return new Spec(path, usage, "List containers")
        .flag('a', "all", "Show all containers (default shows just running)")
        .value('f', "filter", "filter", "Filter output based on conditions provided")
        .value("format", "string", "Pretty-print containers using a Go template")
        .value('n', "last", "int", "Show n last created containers (includes all states) (default -1)")
        .flag('l', "latest", "Show the latest created container (includes all states)")
        .flag("no-trunc", "Don't truncate output")
        .flag('q', "quiet", "Only display numeric IDs")
        .flag('s', "size", "Display total file sizes")
        .args(0, 0);
  }

  static int ps(Cli cli, Flags f) {
    Engine engine = cli.engine();
    Instant now = engine.clock().instant();
    boolean noTrunc = f.bool("no-trunc");
    List<Container> list = new ArrayList<>(engine.containers());
    int last = f.has("last") ? Integer.parseInt(f.value("last")) : f.bool("latest") ? 1 : -1;
    if (last >= 0) {
      list = list.subList(0, Math.min(last, list.size()));
    } else if (!f.bool("all")) {
      list.removeIf(c -> !c.isRunning());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Container c : list) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("ID", noTrunc ? c.id() : c.shortId());
      r.put("Image", imageColumn(engine, c));
      String command = String.join(" ", c.argv());
      r.put("Command", Format.quote(noTrunc ? command : Format.ellipsis(command, 20)));
      r.put("CreatedAt", c.created().toString());
      r.put("RunningFor", Format.duration(Duration.between(c.created(), now)) + " ago");
      r.put("Status", status(c, now));
      r.put("Ports", "");
      r.put("Names", c.name());
      long rw = engine.rwSize(c);
      r.put("Size", Format.size(rw) + " (virtual "
          + Format.size(rw + engine.findImage(c.imageId().toString()).map(engine::size).orElse(0L)) + ")");
      rows.add(r);
    }
    if (f.bool("quiet")) {
      rows.forEach(r -> cli.println((String) r.get("ID")));
      return 0;
    }
    if (f.value("format") != null) {
      return Formats.print(cli, f.value("format"), rows, "CONTAINER ID");
    }
    TabWriter t = new TabWriter();
    List<String> header = new ArrayList<>(List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS",
        "NAMES"));
    if (f.bool("size")) {
      header.add("SIZE");
    }
    t.row(header);
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String k : List.of("ID", "Image", "Command", "RunningFor", "Status", "Ports", "Names")) {
        cells.add((String) r.get(k));
      }
      if (f.bool("size")) {
        cells.add((String) r.get("Size"));
      }
      t.row(cells);
    }
    cli.out().print(t.render());
    return 0;
  }

  /** The image as given at create while it still names the same image, else the short image ID. */
  private static String imageColumn(Engine engine, Container c) {
    String given = c.imageName().substring(c.imageName().indexOf(':') + 1);
    if (given.startsWith(c.imageId().shortId())) {
      // created by image ID (as the builder's containers are): the CLI shortens it like any ID
      return c.imageId().shortId();
    }
    Optional<ImageRecord> img = engine.findImage(c.imageName());
    if (img.isPresent() && img.get().id().equals(c.imageId())) {
      return c.imageName();
    }
    return c.imageId().shortId();
  }

  static String status(Container c, Instant now) {
    if (c.state() == ContainerState.RUNNING) {
      return "Up " + Format.duration(Duration.between(c.startedAt(), now));
    }
    if (c.state() == ContainerState.EXITED) {
      return "Exited (" + c.exitCode() + ") " + Format.duration(Duration.between(c.finishedAt(), now)) + " ago";
    }
    return "Created";
  }

  static int stop(Cli cli, Flags f) {
    int status = 0;
    for (String name : f.args()) {
      Optional<Container> c = cli.engine().findContainer(name);
      if (c.isEmpty()) {
        cli.errln("Error response from daemon: No such container: " + name);
        status = 1;
        continue;
      }
      if (f.has("signal") && !c.get().isRunning()) {
        cli.errln("Error response from daemon: Cannot kill container: " + name + ": Container " + c.get().id()
            + " is not running");
        status = 1;
        continue;
      }
      cli.engine().stop(c.get());
      removeIfAuto(cli.engine(), c.get());
      cli.println(name);
    }
    return status;
  }

  private static void removeIfAuto(Engine engine, Container c) {
    if (c.autoRemove() && engine.findContainer(c.id()).isPresent()) {
      engine.remove(c, true);
    }
  }

  static int rm(Cli cli, Flags f) {
    int status = 0;
    for (String name : f.args()) {
      Optional<Container> c = cli.engine().findContainer(name);
      if (c.isEmpty()) {
        cli.errln("Error: No such container: " + name);
        status = 1;
        continue;
      }
      try {
        cli.engine().remove(c.get(), f.bool("force"));
        cli.println(name);
      } catch (EngineException e) {
        cli.errln("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }

  static int logs(Cli cli, Flags f) {
    Container c = cli.engine().container(f.args().get(0));
    String logs = c.logs();
    if (f.has("tail") && !f.value("tail").equals("all")) {
      String[] lines = logs.split("(?<=\n)");
      int n = Integer.parseInt(f.value("tail"));
      logs = String.join("", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - n), lines.length));
    }
    cli.out().print(logs);
    return 0;
  }

  static int diff(Cli cli, Flags f) {
    Container c = cli.engine().container(f.args().get(0));
    cli.engine().diff(c).forEach(cli::println);
    return 0;
  }

  static int commit(Cli cli, Flags f) {
    Container c = cli.engine().container(f.args().get(0));
    String ref = f.args().size() > 1 ? f.args().get(1) : null;
    if (ref != null) {
      ImageCommands.validateReference(ref);
    }
    ImageRecord img = cli.engine().commit(c, ref, f.value("author"), f.value("message"));
    cli.println(img.id().toString());
    return 0;
  }

  static int top(Cli cli, Flags f) {
    Container c = cli.engine().container(f.args().get(0));
    if (!c.isRunning()) {
      throw CliError.daemon("Container " + c.id() + " is not running");
    }
    String stime = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC)
        .format(c.startedAt());
    TabWriter t = new TabWriter().row("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD")
        .row("root", Integer.toString(c.pid()), Integer.toString(c.pid() - 18), "0", stime,
            c.tty() ? "pts/0" : "?", "00:00:00", String.join(" ", c.argv()));
    cli.out().print(t.render());
    return 0;
  }

  static int prune(Cli cli, Flags f) {
    if (!f.bool("force")) {
      cli.out().print("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
      cli.out().flush();
      String answer = readLine(cli);
      if (!answer.trim().equalsIgnoreCase("y") && !answer.trim().equalsIgnoreCase("yes")) {
        return 0;
      }
    }
    long reclaimed = cli.engine().containers().stream().filter(c -> !c.isRunning())
        .mapToLong(c -> cli.engine().rwSize(c)).sum();
    List<String> removed = cli.engine().pruneContainers();
    if (!removed.isEmpty()) {
      cli.println("Deleted Containers:");
      removed.forEach(cli::println);
      cli.println("");
    }
    cli.println("Total reclaimed space: " + Format.size(reclaimed));
    return 0;
  }

  private static String readLine(Cli cli) {
    StringBuilder b = new StringBuilder();
    try {
      int ch;
      while ((ch = cli.ctx().in().read()) >= 0 && ch != '\n') {
        b.append((char) ch);
      }
    } catch (java.io.IOException e) {
      return "";
    }
    return b.toString();
  }
}
