package dev.layerlab.shell.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What one shell process remembers: variables, which are exported, the working directory, {@code $?}. */
public final class ShellState {
  final Map<String, String> vars = new TreeMap<>();
  final Set<String> exported = new LinkedHashSet<>();
  final Map<String, Node> functions = new HashMap<>();
  String cwd;
  int status;
  /** The status of the last command substitution, which an assignment-only command returns. */
  int substitutionStatus;
  String arg0 = "bash";
  List<String> positional = new ArrayList<>();

  /** A shell whose environment is {@code env}, all of it exported, working in {@code cwd}. */
  public ShellState(Map<String, String> env, String cwd) {
    vars.putAll(env);
    exported.addAll(env.keySet());
    this.cwd = cwd;
    vars.put("PWD", cwd);
    exported.add("PWD");
  }

  private ShellState() {}

  /** A subshell's copy: changes to it never reach this shell. */
  ShellState copy() {
    ShellState c = new ShellState();
    c.vars.putAll(vars);
    c.exported.addAll(exported);
    c.functions.putAll(functions);
    c.cwd = cwd;
    c.status = status;
    c.arg0 = arg0;
    c.positional = new ArrayList<>(positional);
    return c;
  }

  public String cwd() {
    return cwd;
  }

  public String get(String name) {
    return vars.get(name);
  }

  public void set(String name, String value) {
    vars.put(name, value);
  }

  /** The environment a program started now would get. */
  Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>();
    for (String name : exported) {
      String value = vars.get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    return env;
  }
}
