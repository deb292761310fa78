package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Word.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The value of one {@code $name} or {@code ${name op word}}, bash's rules for unset and empty. */
final class Parameters {
  private final Expander expander;
  private final ShellState state;

  Parameters(Expander expander, ShellState state) {
    this.expander = expander;
    this.state = state;
  }

  /**
   * The words of an expansion of every element ({@code $@}, {@code ${a[*]}}, {@code ${!a[@]}}...),
   * each with the operator applied; null when {@code p} names a single value.
   */
  List<String> words(Param p) {
    if (!p.atForm() && !p.starForm()) {
      return null;
    }
    if ("!keys".equals(p.op())) {
      return keys(p.name());
    }
    List<String> elements = elements(p);
    String op = p.op();
    if (op == null) {
      return elements;
    }
    boolean colon = op.startsWith(":") && op.length() == 2;
    boolean missing = elements.isEmpty() || (colon && String.join("", elements).isEmpty());
    switch (colon ? op.substring(1) : op) {
      case "-", "=":
        return missing ? List.of(expander.single(p.arg())) : elements;
      case "+":
        return missing ? List.of() : List.of(expander.single(p.arg()));
      case "?":
        if (missing) {
          throw unset(p, (p.index() == null ? p.name() : p.name() + "[" + p.index() + "]"));
        }
        return elements;
      case ":":
        return slice(p);
      default:
        List<String> out = new ArrayList<>();
        for (String e : elements) {
          out.add(Transforms.apply(expander, p, e));
        }
        return out;
    }
  }

  /** The expansion, or null when it expands to nothing at all (an unset variable). */
  String value(Param p) {
    String op = p.op();
    if ("!ref".equals(op)) {
      String target = raw(p.name(), p.index());
      return target == null ? null : state.getRef(target);
    }
    if ("!names".equals(op)) {
      List<String> names = new ArrayList<>();
      for (String name : state.names()) {
        if (name.startsWith(p.name())) {
          names.add(name);
        }
      }
      return String.join(" ", names);
    }
    if ("#len".equals(op)) {
      if (p.index() != null && (p.index().equals("@") || p.index().equals("*"))) {
        return Integer.toString(elements(p).size());
      }
      if (p.index() == null && (p.name().equals("@") || p.name().equals("*"))) {
        return Integer.toString(state.positional.size());
      }
      String value = raw(p.name(), p.index());
      unbound(p, value);
      return Integer.toString(value == null ? 0 : value.length());
    }
    String value = raw(p.name(), p.index());
    if (op == null || op.length() == 1 && "#%/^,".contains(op) || op.length() == 2 && "##%%//^^,,/#/%".contains(op)
        && !op.startsWith(":")) {
      unbound(p, value);
    }
    if (op == null) {
      return value;
    }
    boolean colon = op.startsWith(":") && op.length() == 2;
    boolean missing = value == null || (colon && value.isEmpty());
    switch (colon ? op.substring(1) : op) {
      case "-":
        return missing ? expander.single(p.arg()) : value;
      case "=":
        if (missing) {
          value = expander.single(p.arg());
          state.set(p.name(), value);
        }
        return value;
      case "+":
        return missing ? "" : expander.single(p.arg());
      case "?":
        if (missing) {
          throw unset(p, p.name());
        }
        return value;
      case ":":
        return value == null ? null : substring(value, p);
      default:
        return value == null ? null : Transforms.apply(expander, p, value);
    }
  }

  /** Under {@code set -u}, bash's error for expanding a variable that is not set. */
  private void unbound(Param p, String value) {
    if (value == null && state.nounset && !"@*!".contains(p.name())) {
      String name = p.index() != null ? p.name() + "[" + p.index() + "]"
          : Character.isDigit(p.name().charAt(0)) ? "$" + p.name() : p.name();
      throw new ShellError(name + ": unbound variable", 1, true);
    }
  }

  private ShellError unset(Param p, String name) {
    String text = expander.single(p.arg());
    return new ShellError(name + ": " + (text.isEmpty() ? "parameter null or not set" : text), 1, true);
  }

  /** {@code ${v:offset:length}} of a string: a negative offset counts from the end. */
  private String substring(String value, Param p) {
    long n = value.length();
    long offset = arith(p.arg());
    if (offset < 0) {
      offset = Math.max(n + offset, -1);
    }
    if (offset < 0 || offset > n) {
      return "";
    }
    long end = n;
    if (p.arg2() != null) {
      long length = arith(p.arg2());
      end = length < 0 ? n + length : Math.min(n, offset + length);
      if (end < offset) {
        throw new ShellError(expander.single(p.arg2()) + ": substring expression < 0", 1, true);
      }
    }
    return value.substring((int) offset, (int) end);
  }

  /** {@code ${@:offset:length}} (where {@code $0} is element 0) or {@code ${a[@]:offset:length}} (by index). */
  private List<String> slice(Param p) {
    long offset = arith(p.arg());
    Long length = p.arg2() == null ? null : arith(p.arg2());
    if (length != null && length < 0) {
      throw new ShellError(expander.single(p.arg2()) + ": substring expression < 0", 1, true);
    }
    TreeMap<Long, String> source = new TreeMap<>();
    if (p.index() == null) {
      source.put(0L, state.arg0);
      for (int i = 0; i < state.positional.size(); i++) {
        source.put(i + 1L, state.positional.get(i));
      }
    } else {
      source = array(p.name());
    }
    if (offset < 0) {
      offset += source.isEmpty() ? 0 : source.lastKey() + 1;
      if (offset < 0) {
        return List.of();
      }
    }
    List<String> out = new ArrayList<>();
    for (String v : source.tailMap(offset, true).values()) {
      if (length != null && out.size() >= length) {
        break;
      }
      out.add(v);
    }
    return out;
  }

  private long arith(Word expression) {
    return Long.parseLong(expander.single(expression));
  }

  /** The elements {@code p} expands: the positional parameters, or an array's values in index order. */
  private List<String> elements(Param p) {
    if (p.index() == null) {
      return List.copyOf(state.positional);
    }
    return new ArrayList<>(array(p.name()).values());
  }

  private List<String> keys(String name) {
    if (state.assoc(name) != null) {
      return state.assoc(name).keys();
    }
    List<String> keys = new ArrayList<>();
    for (Long k : array(name).keySet()) {
      keys.add(Long.toString(k));
    }
    return keys;
  }

  /** An array's elements; a string variable is an array of one. */
  private TreeMap<Long, String> array(String name) {
    TreeMap<Long, String> array = state.array(name);
    if (array != null) {
      return array;
    }
    TreeMap<Long, String> single = new TreeMap<>();
    if (state.assoc(name) != null) {
      for (String v : state.assoc(name).values()) {
        single.put((long) single.size(), v);
      }
      return single;
    }
    String value = state.vars.get(name);
    if (value != null) {
      single.put(0L, value);
    }
    return single;
  }

  private String raw(String name, String index) {
    if (index != null && state.assoc(name) != null) {
      return state.assoc(name).get(expander.key(index));
    }
    if (index != null) {
      long i = arith(new Word(List.of(new Word.Arith(index)), index));
      TreeMap<Long, String> array = array(name);
      if (i < 0) {
        if (array.isEmpty() || array.lastKey() + 1 + i < 0) {
          expander.err().print("bash: " + name + ": bad array subscript\n");
          return null;
        }
        i += array.lastKey() + 1;
      }
      return array.get(i);
    }
    List<String> args = state.positional;
    switch (name) {
      case "?":
        return Integer.toString(state.status);
      case "#":
        return Integer.toString(args.size());
      case "@":
      case "*":
        return args.isEmpty() ? null : String.join(" ", args);
      case "$":
        return "1";
      case "!":
        return null;
      case "-":
        return Options.flags(state);
      case "0":
        return state.arg0;
      default:
        if (Character.isDigit(name.charAt(0))) {
          int i = Integer.parseInt(name);
          return i <= args.size() ? args.get(i - 1) : null;
        }
        return state.get(name);
    }
  }
}
