package dev.layerlab.shell.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one shell process remembers: variables (a name holds a string or an indexed array, never
 * both), which are exported, the working directory, {@code $?}.
 */
public final class ShellState {
  final Map<String, String> vars = new TreeMap<>();
  final Map<String, TreeMap<Long, String>> arrays = new TreeMap<>();
  final Map<String, Assoc> assocs = new TreeMap<>();
  /** Names declared ({@code declare x}, {@code local -a y}) but never given a value. */
  final Set<String> valueless = new HashSet<>();
  final Set<String> readonly = new HashSet<>();
  /** One frame per running function: what its {@code local} names held before, to put back on return. */
  Deque<Map<String, Saved>> frames = new ArrayDeque<>();
  final Set<String> exported = new LinkedHashSet<>();
  final Map<String, Node> functions = new HashMap<>();
  String cwd;
  int status;
  /** {@code set -e}, {@code -u}, {@code -x} and {@code -o pipefail}. */
  boolean errexit;
  boolean nounset;
  boolean xtrace;
  boolean pipefail;
  /** How many conditions ({@code if}, {@code &&}...) are running: errexit waits while any is. */
  int errexitSuppressed;
  /** How deep in command substitutions: {@code set -x} prefixes one {@code +} per level. */
  int traceLevel;
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
    arrays.forEach((name, array) -> c.arrays.put(name, new TreeMap<>(array)));
    assocs.forEach((name, assoc) -> c.assocs.put(name, assoc.copy()));
    c.valueless.addAll(valueless);
    c.readonly.addAll(readonly);
    for (Map<String, Saved> frame : frames) {
      c.frames.addLast(new HashMap<>(frame));
    }
    c.exported.addAll(exported);
    c.functions.putAll(functions);
    c.cwd = cwd;
    c.status = status;
    c.errexit = errexit;
    c.nounset = nounset;
    c.xtrace = xtrace;
    c.pipefail = pipefail;
    c.errexitSuppressed = errexitSuppressed;
    c.traceLevel = traceLevel;
    c.arg0 = arg0;
    c.positional = new ArrayList<>(positional);
    return c;
  }

  public String cwd() {
    return cwd;
  }

  /** A string variable's value, or element 0 of an array, or null when unset. */
  public String get(String name) {
    String value = vars.get(name);
    if (value == null) {
      TreeMap<Long, String> array = arrays.get(name);
      Assoc assoc = assocs.get(name);
      return array != null ? array.get(0L) : assoc != null ? assoc.get("0") : null;
    }
    return value;
  }

  /** Assigns {@code name=value}; for an array that is element 0, as in bash. */
  public void set(String name, String value) {
    writable(name);
    valueless.remove(name);
    TreeMap<Long, String> array = arrays.get(name);
    if (array != null) {
      array.put(0L, value);
    } else if (assocs.containsKey(name)) {
      assocs.get(name).put("0", value);
    } else {
      vars.put(name, value);
    }
  }

  /** Every variable name, strings and arrays, sorted. */
  List<String> names() {
    TreeMap<String, Boolean> all = new TreeMap<>();
    vars.keySet().forEach(k -> all.put(k, true));
    arrays.keySet().forEach(k -> all.put(k, true));
    assocs.keySet().forEach(k -> all.put(k, true));
    return new ArrayList<>(all.keySet());
  }

  /** The value of {@code name} or {@code name[index]} (index an arithmetic expression), as arithmetic reads it. */
  String getRef(String ref) {
    int open = ref.indexOf('[');
    if (open < 0 || !ref.endsWith("]")) {
      return get(ref);
    }
    String name = ref.substring(0, open);
    if (assocs.containsKey(name)) {
      return assocs.get(name).get(ref.substring(open + 1, ref.length() - 1));
    }
    long index = subscript(name, ref.substring(open + 1, ref.length() - 1));
    TreeMap<Long, String> array = arrays.get(name);
    return array != null ? array.get(index) : index == 0 ? vars.get(name) : null;
  }

  /** Assigns {@code name} or {@code name[index]}, as arithmetic does. */
  void setRef(String ref, String value) {
    int open = ref.indexOf('[');
    if (open < 0 || !ref.endsWith("]")) {
      set(ref, value);
      return;
    }
    String name = ref.substring(0, open);
    if (assocs.containsKey(name)) {
      writable(name);
      assocs.get(name).put(ref.substring(open + 1, ref.length() - 1), value);
      return;
    }
    arrayForWrite(name).put(subscript(name, ref.substring(open + 1, ref.length() - 1)), value);
  }

  /** An index evaluated, a negative one counted back from the end of the array; bash's error when it falls before. */
  long subscript(String name, String expression) {
    long index = Arith.eval(expression, this::getRef, this::setRef);
    if (index < 0) {
      TreeMap<Long, String> array = arrays.get(name);
      long end = array == null || array.isEmpty() ? 0 : array.lastKey() + 1;
      if (end + index < 0) {
        throw new ShellError(name + "[" + expression + "]: bad array subscript", 1, true);
      }
      index += end;
    }
    return index;
  }

  /** The indexed array called {@code name}, or null when it is not an array. */
  TreeMap<Long, String> array(String name) {
    return arrays.get(name);
  }

  /** Makes {@code name} an array holding {@code elements}, replacing a string of that name. */
  /** The associative array called {@code name}, or null. */
  Assoc assoc(String name) {
    return assocs.get(name);
  }

  /** Makes {@code name} an associative array holding {@code elements}. */
  void setAssoc(String name, Assoc elements) {
    writable(name);
    valueless.remove(name);
    vars.remove(name);
    assocs.put(name, elements);
  }

  void setArray(String name, TreeMap<Long, String> elements) {
    writable(name);
    valueless.remove(name);
    vars.remove(name);
    arrays.put(name, elements);
  }

  /** The array called {@code name}, made from its string value (as element 0) if it was not one. */
  TreeMap<Long, String> arrayForWrite(String name) {
    writable(name);
    TreeMap<Long, String> array = arrays.get(name);
    if (array == null) {
      array = new TreeMap<>();
      String scalar = vars.remove(name);
      if (scalar != null) {
        array.put(0L, scalar);
      }
      arrays.put(name, array);
    }
    return array;
  }

  /** bash's refusal to change a readonly name, which ends the line. */
  void writable(String name) {
    if (readonly.contains(name)) {
      throw new ShellError(name + ": readonly variable", 1, true);
    }
  }

  void unset(String name) {
    valueless.remove(name);
    vars.remove(name);
    arrays.remove(name);
    assocs.remove(name);
    exported.remove(name);
  }

  /** What a name held before a function made it {@code local}. */
  record Saved(String value, TreeMap<Long, String> array, Assoc assoc, boolean exported) {}

  /** Remembers {@code name} in the running function's frame so that its return restores it; false outside a function. */
  boolean makeLocal(String name) {
    Map<String, Saved> frame = frames.peek();
    if (frame == null) {
      return false;
    }
    if (!frame.containsKey(name)) {
      TreeMap<Long, String> array = arrays.get(name);
      Assoc assoc = assocs.get(name);
      frame.put(name, new Saved(vars.get(name), array == null ? null : new TreeMap<>(array),
          assoc == null ? null : assoc.copy(), exported.contains(name)));
    }
    return true;
  }

  void enterFunction() {
    frames.push(new HashMap<>());
  }

  /** Puts back every name the returning function made local. */
  void leaveFunction() {
    Map<String, Saved> frame = frames.pop();
    frame.forEach((name, saved) -> {
      unset(name);
      if (saved.value() != null) {
        vars.put(name, saved.value());
      } else if (saved.array() != null) {
        arrays.put(name, saved.array());
      } else if (saved.assoc() != null) {
        assocs.put(name, saved.assoc());
      }
      if (saved.exported()) {
        exported.add(name);
      }
    });
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
