package dev.layerlab.shell.docker;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.ExecUser;
import dev.layerlab.engine.build.BuildException;
import dev.layerlab.engine.build.ClassicBuilder;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker build} (the classic builder of 18.06): the client checks the context directory,
 * the Dockerfile and the tags, then streams the daemon's build output; RUN steps run the
 * container's own shell through the interpreter, as {@code docker run} does, as the USER in effect.
 */
final class BuildCommand {
  private BuildCommand() {}

  static void register(DockerProgram p) {
    Cmd build = new Cmd(spec("build", "docker build [OPTIONS] PATH | URL | -"), BuildCommand::build);
    p.add("build", build);
    p.addTo("image", "build", ImageCommands.withPath(build, "image build", "docker image build [OPTIONS] PATH | URL | -"));
  }

  private static Spec spec(String path, String usage) {
    return new Spec(path, usage, "Build an image from a Dockerfile")
        .value("build-arg", "list", "Set build-time variables")
        .value('f', "file", "string", "Name of the Dockerfile (Default is 'PATH/Dockerfile')")
        .flag("force-rm", "Always remove intermediate containers")
        .flag("no-cache", "Do not use cache when building the image")
        .flag("pull", "Always attempt to pull a newer version of the image")
        .flag('q', "quiet", "Suppress the build output and print image ID on success")
        .flag("rm", "Remove intermediate containers after a successful build (default true)")
        .value('t', "tag", "list", "Name and optionally a tag in the 'name:tag' format")
        .value("target", "string", "Set the target build stage to build.")
        .args(1, 1);
  }

  static int build(Cli cli, Flags f) {
    Vfs fs = cli.ctx().vfs();
    String arg = f.args().get(0);
    String stdin = null;
    if (arg.equals("-")) {
      try {
        stdin = new String(cli.ctx().in().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new CliError("unable to prepare context: " + e.getMessage(), 1);
      }
      arg = ".";
    }
    String dir = VPaths.normalize(cli.ctx().path(arg));
    Stat st = stat(fs, dir);
    if (st == null) {
      throw new CliError("unable to prepare context: path \"" + arg + "\" not found", 1);
    }
    if (!st.isDirectory()) {
      throw new CliError("unable to prepare context: context must be a directory: " + dir, 1);
    }
    String file = f.value("file");
    String dockerfile = file == null ? VPaths.child(dir, "Dockerfile") : VPaths.normalize(cli.ctx().path(file));
    Stat df = stat(fs, dockerfile);
    if (df == null && stdin == null) {
      throw new CliError("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
          + dockerfile + ": no such file or directory", 1);
    }
    for (String tag : f.all("tag")) {
      try {
        dev.layerlab.engine.Reference.parse(tag);
      } catch (EngineException e) {
        throw new CliError("invalid argument \"" + tag + "\" for \"-t, --tag\" flag: " + e.getMessage()
            + "\nSee 'docker build --help'.", 125);
      }
    }
    Map<String, String> args = new LinkedHashMap<>();
    for (String a : f.all("build-arg")) {
      int eq = a.indexOf('=');
      if (eq >= 0) {
        args.put(a.substring(0, eq), a.substring(eq + 1));
      } else if (cli.ctx().env().containsKey(a)) {
        args.put(a, cli.ctx().env().get(a));
      }
    }
    boolean rm = bool(f, "rm", true);
    boolean forceRm = bool(f, "force-rm", false);
    Engine engine = cli.engine();
    ClassicBuilder builder = new ClassicBuilder(engine, fs, hooks(cli));
    try {
      builder.build(new ClassicBuilder.Options(dir, dockerfile, f.all("tag"), args, f.bool("no-cache"),
          f.bool("quiet"), f.value("target"), stdin, rm, forceRm),
          cli.out(), cli.err());
      return 0;
    } catch (BuildException e) {
      cli.out().flush();
      throw new CliError((e.rejected() ? "Error response from daemon: " : "") + e.getMessage(), e.status());
    } catch (VfsException e) {
      throw new CliError(e.getMessage(), 1);
    }
  }

  /** A boolean flag as Go's strconv.ParseBool reads {@code --rm=false}; {@code dflt} when it is not given. */
  private static boolean bool(Flags f, String name, boolean dflt) {
    String v = f.value(name);
    if (v == null) {
      return dflt;
    }
    return switch (v) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> throw new CliError("invalid argument \"" + v + "\" for \"--" + name + "\" flag: strconv.ParseBool: "
          + "parsing \"" + v + "\": invalid syntax\nSee 'docker build --help'.", 125);
    };
  }

  private static Stat stat(Vfs fs, String path) {
    try {
      return fs.stat(path);
    } catch (VfsException e) {
      return null;
    }
  }

  /** RUN through the container's own programs; pulls drawn as {@code docker pull} draws them. */
  private static ClassicBuilder.Hooks hooks(Cli cli) {
    Engine engine = cli.engine();
    return new ClassicBuilder.Hooks() {
      @Override
      public int run(Container c, List<String> argv, ExecUser user, PrintStream out, PrintStream err) {
        engine.start(c);
        ContainerMachine m = new ContainerMachine(c, cli.ctx().machine().programs(), engine, false, List.of(), user);
        String prog = argv.get(0);
        if (Processes.lookPath(m, prog) == null) {
          engine.exited(c, 127);
          String why = prog.contains("/") ? "stat " + prog + ": no such file or directory"
              : "executable file not found in $PATH";
          throw new EngineException(EngineException.Kind.FAILED, "OCI runtime create failed: container_linux.go:348: "
              + "starting container process caused \"exec: \\\"" + prog + "\\\": " + why + "\": unknown");
        }
        int status = Processes.run(m, argv, c.workingDir(), new ByteArrayInputStream(new byte[0]), out, out, false,
            cli.ctx().width(), (stream, text) -> engine.log(c, stream, text));
        engine.exited(c, status);
        return status;
      }

      @Override
      public void pull(String reference, PrintStream out) {
        engine.pull(reference, new PullRenderer(out, false, cli.ctx().width()));
      }
    };
  }
}
