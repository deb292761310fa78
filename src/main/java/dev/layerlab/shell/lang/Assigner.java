package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Node.Assignment;
import dev.layerlab.shell.lang.Word.Element;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Carries out assignments to strings, array elements and whole arrays, expanding as bash does. */
final class Assigner {
  private final ShellState st;
  private final Expander expander;

  Assigner(ShellState st, Expander expander) {
    this.st = st;
    this.expander = expander;
  }

  /** True for an assignment to an array or one of its elements, which never goes into a command's environment. */
  static boolean isArray(Assignment a) {
    return a.elements() != null || a.index() != null;
  }

  /** The value {@code name=value} or {@code name+=value} gives the variable. */
  String scalar(Assignment a) {
    String value = expander.single(a.value());
    return a.append() ? Objects.requireNonNullElse(st.get(a.name()), "") + value : value;
  }

  /** Performs the assignment on the shell; the expanded word assigned to a string or element, null for a whole array. */
  String assign(Assignment a) {
    st.valueless.remove(a.name());
    if (state(a) != null) {
      return assoc(a, state(a));
    } else if (a.elements() != null) {
      // every element is expanded before the array changes: r+=("${r[@]}") doubles r
      TreeMap<Long, String> old = st.array(a.name());
      TreeMap<Long, String> array = new TreeMap<>();
      if (a.append()) {
        if (old != null) {
          array.putAll(old);
        } else if (st.get(a.name()) != null) {
          array.put(0L, st.get(a.name()));
        }
      }
      fill(a.name(), array, a.elements());
      st.setArray(a.name(), array);
      return null;
    } else if (a.index() != null) {
      String index = expander.hereDoc(a.index());
      if (index.isBlank()) {
        throw new ShellError(a.name() + "[" + a.index() + "]: bad array subscript", 1, true);
      }
      long i = st.subscript(a.name(), index);
      TreeMap<Long, String> array = st.arrayForWrite(a.name());
      String value = expander.single(a.value());
      array.put(i, a.append() ? Objects.requireNonNullElse(array.get(i), "") + value : value);
      return value;
    }
    String value = expander.single(a.value());
    st.set(a.name(), a.append() ? Objects.requireNonNullElse(st.get(a.name()), "") + value : value);
    return value;
  }

  /** The key an associative array's subscript names. */
  String key(String subscript) {
    return expander.key(subscript);
  }

  private Assoc state(Assignment a) {
    return st.assoc(a.name());
  }

  /** {@code h=([k]=v ...)}, {@code h=(k v ...)}, {@code h+=(...)}, {@code h[k]=v} for an associative array. */
  private String assoc(Assignment a, Assoc old) {
    if (a.elements() == null && a.index() == null) {
      String value = expander.single(a.value());
      old.put("0", a.append() ? Objects.requireNonNullElse(old.get("0"), "") + value : value);
      return value;
    }
    if (a.index() != null) {
      String key = expander.key(a.index());
      if (key.isEmpty()) {
        throw new ShellError(a.name() + "[" + a.index() + "]: bad array subscript", 1, true);
      }
      String value = expander.single(a.value());
      st.writable(a.name());
      old.put(key, a.append() ? Objects.requireNonNullElse(old.get(key), "") + value : value);
      return value;
    }
    Assoc assoc = a.append() ? old.copy() : new Assoc();
    String pendingKey = null;
    for (Element e : a.elements()) {
      if (e.index() != null) {
        assoc.put(expander.key(e.index()), expander.single(e.value()));
        continue;
      }
      // bash 5.1 and later: plain words alternate key, value
      for (String field : expander.fields(List.of(e.value()))) {
        if (pendingKey == null) {
          pendingKey = field;
        } else {
          assoc.put(pendingKey, field);
          pendingKey = null;
        }
      }
    }
    if (pendingKey != null) {
      assoc.put(pendingKey, "");
    }
    st.setAssoc(a.name(), assoc);
    return null;
  }

  /** Adds the elements after the highest index, or at {@code [index]=} where one is given. */
  private void fill(String name, TreeMap<Long, String> array, List<Element> elements) {
    long next = array.isEmpty() ? 0 : array.lastKey() + 1;
    for (Element e : elements) {
      if (e.index() != null) {
        String index = expander.hereDoc(e.index());
        if (index.isBlank()) {
          throw new ShellError(name + "[" + e.index() + "]: bad array subscript", 1, true);
        }
        next = st.subscript(name, index);
        array.put(next++, expander.single(e.value()));
        continue;
      }
      for (String field : expander.fields(List.of(e.value()))) {
        array.put(next++, field);
      }
    }
  }
}
