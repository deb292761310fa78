package dev.layerlab.shell;

import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of a program gets: its arguments, the machine it runs on, its working
 * directory and environment, and its three streams.
 *
 * @param args the argument vector, program name first
 * @param tty whether standard output is the terminal (ls lays out columns only then)
 * @param colour whether the terminal shows colours
 * @param width the terminal width in columns
 * @param scripts runs shell code for {@code sh -c}, scripts and {@code xargs}-like programs
 */
public record ProgramContext(
    List<String> args,
    Machine machine,
    String cwd,
    Map<String, String> env,
    InputStream in,
    PrintStream out,
    PrintStream err,
    boolean tty,
    boolean colour,
    int width,
    ScriptRunner scripts) {

  /** Runs shell source in a child shell of the caller's. */
  @FunctionalInterface
  public interface ScriptRunner {
    /** Runs {@code source} with {@code $0} and positional parameters; returns its exit status. */
    int run(String source, String arg0, List<String> positional, ProgramContext context);
  }

  /** The filesystem the program runs in. */
  public Vfs vfs() {
    return machine.vfs();
  }

  /** The name the program was called by, without a directory ({@code ls} for {@code /bin/ls}). */
  public String name() {
    String a0 = args.get(0);
    return a0.substring(a0.lastIndexOf('/') + 1);
  }

  /** The arguments after the program name. */
  public List<String> operands() {
    return args.subList(1, args.size());
  }

  /** An argument path made absolute against the working directory (not normalised: {@code ..} stays for the filesystem). */
  public String path(String arg) {
    return VPaths.absolute(cwd, arg);
  }

  /** Prints {@code name: message} on standard error. */
  public void error(String message) {
    err.print(name() + ": " + message + "\n");
  }

  /** A copy with other streams, for programs that run others. */
  /** The same command, run against another machine's filesystem (e.g. one image layer). */
  public ProgramContext withMachine(Machine other) {
    return new ProgramContext(args, other, cwd, env, in, out, err, tty, colour, width, scripts);
  }

  public ProgramContext withArgs(List<String> newArgs) {
    return new ProgramContext(newArgs, machine, cwd, env, in, out, err, tty, colour, width, scripts);
  }
}
