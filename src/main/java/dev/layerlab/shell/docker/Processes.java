package dev.layerlab.shell.docker;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.ExecUser;
import dev.layerlab.shell.lang.Interpreter;
import dev.layerlab.shell.lang.Io;
import dev.layerlab.shell.lang.ShellState;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Running a container's programs: its main command or an {@code exec}, through the shell
 * interpreter on the container's machine, so the programs are the ones its filesystem has.
 */
final class Processes {
  private static final Set<String> SHELLS = Set.of("bash", "sh", "dash", "ash");

  private Processes() {}

  /** An interactive shell with no arguments ({@code bash}, {@code /bin/sh}): it needs a session. */
  static boolean isShell(List<String> argv) {
    return argv.size() == 1 && SHELLS.contains(VPaths.name(argv.get(0)));
  }

  /** A program that keeps running until stopped ({@code sleep}, {@code tail -f}, {@code top}...). */
  static boolean runsForever(List<String> argv) {
    if (argv.isEmpty()) {
      return false;
    }
    String name = VPaths.name(argv.get(0));
    return name.equals("sleep") || name.equals("top") || (name.equals("tail") && argv.contains("-f"))
        || name.equals("nginx") || name.equals("redis-server");
  }

  /** Where PATH finds {@code program} in the container, or null. */
  static String lookPath(ContainerMachine m, String program) {
    Vfs vfs = m.vfs();
    if (program.contains("/")) {
      return executable(vfs, VPaths.absolute(m.container().workingDir(), program)) ? program : null;
    }
    String path = m.environment().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      String candidate = VPaths.child(dir.isEmpty() ? "/" : dir, program);
      if (executable(vfs, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean executable(Vfs vfs, String path) {
    try {
      Stat st = vfs.stat(path);
      return st.isRegular() && (st.mode() & 0111) != 0;
    } catch (VfsException e) {
      return false;
    }
  }

  /** The runtime's error for a missing program, as the daemon reports it. */
  static String notFound(String program) {
    return "OCI runtime create failed: container_linux.go:348: starting container process caused \"exec: \\\""
        + program + "\\\": executable file not found in $PATH\": unknown";
  }

  /**
   * Runs {@code argv} in the container; output goes to {@code out}/{@code err} and, when
   * {@code log} is given, is also kept for {@code docker logs}.
   */
  static int run(ContainerMachine m, List<String> argv, String cwd, InputStream in, PrintStream out, PrintStream err,
      boolean tty, int width, LogSink log) {
    StringBuilder source = new StringBuilder();
    for (String a : argv) {
      source.append(source.length() == 0 ? "" : " ").append(quote(a));
    }
    ByteArrayOutputStream outCopy = new ByteArrayOutputStream();
    ByteArrayOutputStream errCopy = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(tee(out, outCopy), true, StandardCharsets.UTF_8);
    PrintStream e = tty ? o : new PrintStream(tee(err, errCopy), true, StandardCharsets.UTF_8);
    ShellState state = new ShellState(m.environment(), cwd);
    int status;
    try {
      status = new Interpreter(m).run(source.toString(), state, new Io(in, o, e, tty, false, width));
    } catch (Interpreter.ExitRequest x) {
      status = x.status();
    }
    o.flush();
    e.flush();
    if (log != null) {
      log.write("stdout", outCopy.toString(StandardCharsets.UTF_8));
      log.write("stderr", errCopy.toString(StandardCharsets.UTF_8));
    }
    return status;
  }

  /** Where a container's output is kept. */
  @FunctionalInterface
  interface LogSink {
    void write(String stream, String text);
  }

  /** A stream that only keeps what is written (a detached container's output goes to its log alone). */
  static PrintStream discard() {
    return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
  }

  private static OutputStream tee(OutputStream a, OutputStream b) {
    return new OutputStream() {
      @Override
      public void write(int x) {
        write(new byte[] {(byte) x}, 0, 1);
      }

      @Override
      public void write(byte[] buf, int off, int len) {
        try {
          a.write(buf, off, len);
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
        try {
          b.write(buf, off, len);
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      }

      @Override
      public void flush() {
        try {
          a.flush();
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      }
    };
  }

  static String quote(String s) {
    if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Container c's machine for programs of {@code cli}'s machine. */
  static ContainerMachine machine(Cli cli, Container c, boolean tty) {
    return new ContainerMachine(c, cli.ctx().machine().programs(), cli.engine(), tty, List.of(), user(cli.engine(), c));
  }

  /**
   * The user the container's processes run as: its image's USER, resolved in the container's
   * own /etc/passwd (root when the image has none); an EngineException in the daemon's words
   * when the name is unknown, as starting the container fails then.
   */
  static ExecUser user(Engine engine, Container c) {
    String spec = engine.findImage(c.imageId().toString()).map(i -> i.config().config())
        .map(dev.layerlab.image.ContainerConfig::user).orElse("");
    return spec.isEmpty() ? null : engine.withFilesystem(c, fs -> ExecUser.resolve(fs, spec));
  }
}
