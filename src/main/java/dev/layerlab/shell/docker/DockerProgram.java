package dev.layerlab.shell.docker;

import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code docker} client (18.06): parses the command line as cobra/pflag would, runs the
 * subcommand against the daemon and prints exactly what Docker's CLI prints, errors included.
 */
public final class DockerProgram implements Program {
  private final Supplier<Engine> engine;
  private final Sessions sessions;
  private final Map<String, Subcommand> commands = new LinkedHashMap<>();
  private final Map<String, Map<String, Subcommand>> groups = new LinkedHashMap<>();

  /** A client talking to {@code engine} (looked up at each run), entering containers through {@code sessions}. */
  public DockerProgram(Supplier<Engine> engine, Sessions sessions) {
    this.engine = engine;
    this.sessions = sessions;
    ImageCommands.register(this);
    ContainerCommands.register(this);
    RunCommands.register(this);
    SystemCommands.register(this);
    BuildCommand.register(this);
  }

  void add(String name, Subcommand c) {
    commands.put(name, c);
  }

  void addTo(String group, String name, Subcommand c) {
    groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(name, c);
  }

  @Override
  public int run(ProgramContext ctx) {
    List<String> args = new ArrayList<>(ctx.operands());
    Cli cli = new Cli(engine.get(), ctx, sessions);
    try {
      return dispatch(cli, args);
    } catch (CliError e) {
      cli.errln(e.getMessage());
      return e.status;
    } finally {
      ctx.out().flush();
      ctx.err().flush();
    }
  }

  private int dispatch(Cli cli, List<String> args) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
      cli.out().print(Help.top(commands, groups));
      return 0;
    }
    String name = args.remove(0);
    if (name.startsWith("-")) {
      if (name.equals("-v") || name.equals("--version")) {
        cli.println("Docker version 18.06.1-ce, build e68fc7a");
        return 0;
      }
      throw new CliError("unknown " + (name.startsWith("--") ? "flag: " + name
          : "shorthand flag: '" + name.charAt(1) + "' in " + name) + "\nSee 'docker --help'.", 125);
    }
    Map<String, Subcommand> group = groups.get(name);
    if (group != null) {
      if (args.isEmpty() || args.get(0).equals("--help")) {
        cli.out().print(Help.group(name, group));
        return 0;
      }
      Subcommand sub = group.get(args.get(0));
      if (sub == null) {
        if (args.get(0).startsWith("-")) {
          throw new CliError("unknown flag: " + args.get(0) + "\nSee 'docker " + name + " --help'.", 125);
        }
        throw new CliError("docker " + name + ": '" + args.get(0) + "' is not a docker command.\nSee 'docker " + name
            + " --help'", 1);
      }
      args.remove(0);
      return invoke(cli, sub, args);
    }
    Subcommand c = commands.get(name);
    if (c == null) {
      throw new CliError("docker: '" + name + "' is not a docker command.\nSee 'docker --help'", 1);
    }
    return invoke(cli, c, args);
  }

  private int invoke(Cli cli, Subcommand c, List<String> args) {
    Spec spec = c.spec();
    Flags flags;
    try {
      flags = Flags.parse(spec, args);
    } catch (Flags.FlagError e) {
      throw new CliError(e.getMessage() + "\nSee 'docker " + spec.path + " --help'.", 125);
    }
    if (flags.help) {
      cli.out().print(spec.help());
      return 0;
    }
    int n = flags.args().size();
    if (n < spec.min || (spec.max >= 0 && n > spec.max)) {
      throw new CliError(spec.argError(), 1);
    }
    try {
      return c.run(cli, flags);
    } catch (EngineException e) {
      throw CliError.daemon(e.getMessage());
    } catch (VfsException e) {
      throw CliError.daemon(e.getMessage());
    }
  }

  private static final java.util.Set<String> IMAGE_ARGS = java.util.Set.of("run", "create", "rmi", "history", "tag",
      "save", "pull", "inspect");
  private static final java.util.Set<String> CONTAINER_ARGS = java.util.Set.of("start", "stop", "restart", "kill", "rm",
      "exec", "logs", "diff", "commit", "top", "inspect", "rename", "cp");

  /**
   * Completions for the word being typed after {@code docker} ({@code args} are the words between):
   * subcommands first, then image names or container names as the subcommand takes them; null
   * when the word is a path to complete as usual.
   */
  public List<String> complete(List<String> args, String word) {
    List<String> out = new ArrayList<>();
    if (args.isEmpty()) {
      commandNames().stream().filter(n -> n.startsWith(word)).sorted().forEach(out::add);
      return out;
    }
    String sub = groups.containsKey(args.get(0)) && args.size() > 1 ? args.get(1) : args.get(0);
    if (groups.containsKey(args.get(0)) && args.size() == 1) {
      groups.get(args.get(0)).keySet().stream().filter(n -> n.startsWith(word)).sorted().forEach(out::add);
      return out;
    }
    Engine e = engine.get();
    if (IMAGE_ARGS.contains(sub) || sub.equals("ls")) {
      e.images().forEach(i -> e.tags(i).stream().filter(t -> t.startsWith(word)).forEach(out::add));
    }
    if (CONTAINER_ARGS.contains(sub)) {
      e.containers().forEach(c -> {
        if (c.name().startsWith(word)) {
          out.add(sub.equals("cp") ? c.name() + ":" : c.name());
        }
      });
    }
    return out.isEmpty() && word.contains("/") ? null : out.stream().distinct().sorted().toList();
  }

  /** Subcommand names, for completion. */
  public List<String> commandNames() {
    List<String> names = new ArrayList<>(commands.keySet());
    names.addAll(groups.keySet());
    return names;
  }
}
