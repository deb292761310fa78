package dev.layerlab.shell.lang;

import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** bash's builtins that change the shell itself: cd, export, exit, read, set... */
final class Builtins {
  private static final Set<String> NAMES = Set.of(
      "cd", "export", "unset", "set", "exit", "return", "break", "continue", "shift", "read", ":",
      "source", ".", "eval", "type", "local", "umask", "alias", "unalias", "hash", "wait", "exec", "readonly");

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
    List<String> args = argv.subList(1, argv.size());
    return switch (argv.get(0)) {
      case "cd" -> cd(args);
      case "export", "readonly", "local" -> export(argv.get(0), args);
      case "unset" -> {
        args.forEach(n -> {
          st.vars.remove(n);
          st.exported.remove(n);
          st.functions.remove(n);
        });
        yield 0;
      }
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
      case "read" -> read(args);
      case "source", "." -> source(argv.get(0), args);
      case "eval" -> interpreter.execute(Parser.parse(String.join(" ", args)).node(), st, io);
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
      target = st.vars.get("HOME");
      if (target == null) {
        return error("cd: HOME not set");
      }
    } else if (args.get(0).equals("-")) {
      target = st.vars.get("OLDPWD");
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
    st.vars.put("OLDPWD", st.cwd);
    st.exported.add("OLDPWD");
    st.cwd = path;
    st.vars.put("PWD", path);
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
        io.out().print("declare -x " + e.getKey() + "=\"" + e.getValue().replaceAll("([\"\\\\$`])", "\\\\$1") + "\"\n");
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
        st.vars.put(var, arg.substring(eq + 1));
      }
      if (!name.equals("local")) {
        st.exported.add(var);
      }
    }
    return status;
  }

  private int set(List<String> args) {
    if (args.isEmpty()) {
      st.vars.forEach((k, v) -> io.out().print(k + "=" + Quoting.shell(v) + "\n"));
      return 0;
    }
    int dashdash = args.indexOf("--");
    if (dashdash >= 0) {
      st.positional = new ArrayList<>(args.subList(dashdash + 1, args.size()));
    } else if (!args.get(0).startsWith("-") && !args.get(0).startsWith("+")) {
      st.positional = new ArrayList<>(args);
    }
    return 0;
  }

  private int read(List<String> args) {
    List<String> names = new ArrayList<>();
    boolean raw = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-r")) {
        raw = true;
      } else if (a.equals("-p") && i + 1 < args.size()) {
        io.err().print(args.get(++i));
      } else {
        names.add(a);
      }
    }
    if (names.isEmpty()) {
      names.add("REPLY");
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean eof = true;
    try {
      int b;
      while ((b = io.in().read()) >= 0) {
        eof = false;
        if (b == '\n') {
          break;
        }
        line.write(b);
      }
    } catch (IOException e) {
      return 1;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    if (!raw) {
      text = text.replaceAll("\\\\(.)", "$1");
    }
    String rest = text.strip();
    for (int i = 0; i < names.size(); i++) {
      if (i == names.size() - 1 || names.get(0).equals("REPLY")) {
        st.vars.put(names.get(i), names.get(0).equals("REPLY") ? text : rest);
        break;
      }
      String[] split = rest.split("[ \t]+", 2);
      st.vars.put(names.get(i), split[0]);
      rest = split.length > 1 ? split[1] : "";
    }
    return eof ? 1 : 0;
  }

  private int source(String name, List<String> args) {
    if (args.isEmpty()) {
      return error(name + ": filename argument required");
    }
    try {
      byte[] script = interpreter.vfs().read(VPaths.absolute(st.cwd, args.get(0)));
      return interpreter.execute(Parser.parse(new String(script, StandardCharsets.UTF_8)).node(), st, io);
    } catch (VfsException e) {
      return error(args.get(0) + ": " + e.reason());
    }
  }

  private int type(List<String> args) {
    int status = 0;
    for (String name : args) {
      if (has(name) || Commands.BUILTIN_PROGRAMS.contains(name)) {
        io.out().print(name + " is a shell builtin\n");
        continue;
      }
      String path = new Commands(interpreter, interpreter.machine())
          .search(name, st.vars.getOrDefault("PATH", ""), st.cwd);
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
