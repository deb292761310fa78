package dev.layerlab.shell.lang;

import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** bash's builtins that change the shell itself: cd, export, exit, read, set... */
final class Builtins {
  private static final Set<String> NAMES = Set.of(
      "cd", "export", "unset", "set", "exit", "return", "break", "continue", "shift", "read", ":",
      "source", ".", "eval", "type", "local", "umask", "alias", "unalias", "hash", "wait", "exec", "readonly",
      "declare", "typeset", "let", "mapfile", "readarray");

  /** The words bash's grammar reserves; {@code type} names them keywords. */
  private static final Set<String> KEYWORDS = Set.of(
      "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done", "in",
      "function", "time", "{", "}", "!", "[[", "]]", "coproc");

  private final Interpreter interpreter;
  private final ShellState st;
  private final Io io;

  Builtins(Interpreter interpreter, ShellState st, Io io) {
    this.interpreter = interpreter;
    this.st = st;
    this.io = io;
  }

  static boolean has(String name) {
    return NAMES.contains(name);
  }

  int run(List<String> argv) {
    return run(argv, Map.of());
  }

  /** Runs a builtin; {@code declared} holds the assignment words among a declaration's arguments, by position. */
  int run(List<String> argv, Map<Integer, Node.Assignment> declared) {
    List<String> args = argv.subList(1, argv.size());
    return switch (argv.get(0)) {
      case "cd" -> cd(args);
      case "let" -> new ArithCommands(interpreter, st, io).let(args);
      case "export", "readonly" -> {
        for (Map.Entry<Integer, Node.Assignment> e : declared.entrySet()) {
          if (Assigner.isArray(e.getValue())) {
            assigner().assign(e.getValue());
          }
        }
        yield export(argv.get(0), args);
      }
      case "declare", "typeset", "local" -> new Declare(st, io, assigner()).run(argv, declared);
      case "unset" -> new Declare(st, io, assigner()).unset(args);
      case "set" -> set(args);
      case "exit" -> throw new Jump(Jump.Kind.EXIT, number("exit", args, st.status));
      case "return" -> throw new Jump(Jump.Kind.RETURN, number("return", args, st.status));
      case "break" -> throw new Jump(Jump.Kind.BREAK, 0);
      case "continue" -> throw new Jump(Jump.Kind.CONTINUE, 0);
      case "shift" -> {
        int n = args.isEmpty() ? 1 : Integer.parseInt(args.get(0));
        if (n > st.positional.size()) {
          yield 1;
        }
        st.positional = new ArrayList<>(st.positional.subList(n, st.positional.size()));
        yield 0;
      }
      case "read" -> new Reading(st, io).read(args);
      case "mapfile", "readarray" -> new Reading(st, io).mapfile(argv.get(0), args);
      case "source", "." -> source(argv.get(0), args);
      case "eval" -> parseAndRun(String.join(" ", args), "bash: ");
      case "type" -> type(args);
      case "umask" -> {
        if (args.isEmpty()) {
          io.out().print("0022\n");
        }
        yield 0;
      }
      case "exec" -> {
        if (args.isEmpty()) {
          yield 0;
        }
        int status = new Commands(interpreter, interpreter.machine()).invoke(args, List.of(), st, io);
        throw new Jump(Jump.Kind.EXIT, status);
      }
      default -> 0;
    };
  }

  private Assigner assigner() {
    return new Assigner(st, new Expander(interpreter, st, io.err()));
  }

  private int cd(List<String> args) {
    boolean physical = false;
    while (!args.isEmpty() && (args.get(0).equals("-P") || args.get(0).equals("-L"))) {
      physical = args.get(0).equals("-P");
      args = args.subList(1, args.size());
    }
    if (args.size() > 1) {
      return error("cd: too many arguments");
    }
    String target;
    boolean print = false;
    if (args.isEmpty()) {
      target = st.get("HOME");
      if (target == null) {
        return error("cd: HOME not set");
      }
    } else if (args.get(0).equals("-")) {
      target = st.get("OLDPWD");
      if (target == null) {
        return error("cd: OLDPWD not set");
      }
      print = true;
    } else {
      target = args.get(0);
    }
    if (target.isEmpty()) {
      return 0;
    }
    String path = VPaths.normalize(VPaths.absolute(st.cwd, target));
    try {
      Stat stat = interpreter.vfs().stat(path);
      if (!stat.isDirectory()) {
        return error("cd: " + target + ": Not a directory");
      }
      // chdir(2) needs search permission on the directory itself, as looking up ".." in it does
      interpreter.vfs().stat(VPaths.child(path, ".."));
    } catch (VfsException e) {
      return error("cd: " + target + ": " + e.reason());
    }
    if (physical) {
      path = physicalPath(path);
    }
    st.set("OLDPWD", st.cwd);
    st.exported.add("OLDPWD");
    st.cwd = path;
    st.set("PWD", path);
    if (print) {
      io.out().print(path + "\n");
    }
    return 0;
  }

  /** The directory with every symlink on the way resolved ({@code cd -P}). */
  private String physicalPath(String path) {
    List<String> done = new ArrayList<>();
    List<String> todo = new ArrayList<>(VPaths.names(path));
    int links = 0;
    while (!todo.isEmpty()) {
      String name = todo.remove(0);
      if (name.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      String cur = "/" + String.join("/", done) + (done.isEmpty() ? "" : "/") + name;
      if (interpreter.vfs().lstat(cur).isSymlink() && ++links < 40) {
        String target = interpreter.vfs().readlink(cur);
        List<String> next = new ArrayList<>(VPaths.names(target));
        next.addAll(todo);
        todo = next;
        if (target.startsWith("/")) {
          done.clear();
        }
        continue;
      }
      done.add(name);
    }
    return "/" + String.join("/", done);
  }

  private int export(String name, List<String> args) {
    if (args.isEmpty() || args.equals(List.of("-p"))) {
      for (Map.Entry<String, String> e : st.environment().entrySet()) {
        io.out().print("declare -x " + e.getKey() + "=" + Declare.quoted(e.getValue()) + "\n");
      }
      return 0;
    }
    int status = 0;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String var = eq < 0 ? arg : arg.substring(0, eq);
      if (!var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        io.err().print("bash: " + name + ": `" + arg + "': not a valid identifier\n");
        status = 1;
        continue;
      }
      if (eq >= 0) {
        st.set(var, arg.substring(eq + 1));
      }
      if (name.equals("export")) {
        st.exported.add(var);
      } else {
        st.readonly.add(var);
      }
    }
    return status;
  }

  private int set(List<String> args) {
    if (args.isEmpty()) {
      Declare.list(st, io);
      return 0;
    }
    int operands = new Options(st, io).apply(args);
    if (operands < 0) {
      return 2;
    }
    if (operands < args.size() || args.get(operands - 1).equals("--")) {
      st.positional = new ArrayList<>(args.subList(operands, args.size()));
    }
    return 0;
  }

  private int source(String name, List<String> args) {
    if (args.isEmpty()) {
      return error(name + ": filename argument required");
    }
    try {
      byte[] script = interpreter.vfs().read(VPaths.absolute(st.cwd, args.get(0)));
      return parseAndRun(new String(script, StandardCharsets.UTF_8), "bash: " + args.get(0) + ": ");
    } catch (VfsException e) {
      return error(args.get(0) + ": " + e.reason());
    }
  }

  /** Runs code in this shell ({@code eval}, {@code source}); a syntax error is reported with {@code prefix}. */
  private int parseAndRun(String source, String prefix) {
    Node node;
    try {
      node = Parser.parse(source).node();
    } catch (ParseException e) {
      if (!e.getMessage().isEmpty()) {
        for (String line : e.getMessage().split("\n")) {
          io.err().print(prefix + line + "\n");
        }
      }
      return e.keepsStatus() ? st.status : e.status();
    }
    return interpreter.execute(node, st, io);
  }

  private int type(List<String> args) {
    int status = 0;
    for (String name : args) {
      if (KEYWORDS.contains(name)) {
        io.out().print(name + " is a shell keyword\n");
        continue;
      }
      if (has(name) || Commands.BUILTIN_PROGRAMS.contains(name)) {
        io.out().print(name + " is a shell builtin\n");
        continue;
      }
      String path = new Commands(interpreter, interpreter.machine())
          .search(name, java.util.Objects.requireNonNullElse(st.get("PATH"), ""), st.cwd);
      if (path == null) {
        io.err().print("bash: type: " + name + ": not found\n");
        status = 1;
      } else {
        io.out().print(name + " is " + path + "\n");
      }
    }
    return status;
  }

  private int number(String name, List<String> args, int fallback) {
    if (args.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(args.get(0)) & 0xff;
    } catch (NumberFormatException e) {
      io.err().print("bash: " + name + ": " + args.get(0) + ": numeric argument required\n");
      return 2;
    }
  }

  private int error(String message) {
    io.err().print("bash: " + message + "\n");
    return 1;
  }
}
